package org.openmrs.module.dhis2sync.scheduler;

import java.util.function.Supplier;

import org.openmrs.module.dhis2sync.api.Dhis2SyncService;
import org.openmrs.scheduler.tasks.AbstractTask;
import org.slf4j.Logger;

/**
 * What the module's scheduled tasks share: the service of the OpenMRS session the scheduler runs them in, OpenMRS's
 * executing flag around the work, and a failure logged, never thrown (the scheduler would only print it).
 */
abstract class ScheduledServiceTask extends AbstractTask {

    private final Supplier<Dhis2SyncService> service;
    private final String what;
    protected final Logger log;

    /** @param what names the task in the failure's log line, e.g. "Scheduled DHIS2 sync" */
    ScheduledServiceTask(Supplier<Dhis2SyncService> service, Logger log, String what) {
        this.service = service;
        this.log = log;
        this.what = what;
    }

    /** The task's work, with the module's service. */
    protected abstract void run(Dhis2SyncService service);

    @Override
    public final void execute() {
        startExecuting();
        try {
            run(service.get());
        } catch (RuntimeException | Error e) {
            log.error(what + " failed: {}", e.toString(), e);
        } finally {
            stopExecuting();
        }
    }
}
