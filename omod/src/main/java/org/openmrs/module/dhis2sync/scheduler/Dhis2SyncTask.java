package org.openmrs.module.dhis2sync.scheduler;

import java.util.List;
import java.util.function.Supplier;

import org.openmrs.api.context.Context;
import org.openmrs.module.dhis2sync.api.Dhis2SyncService;
import org.openmrs.module.dhis2sync.sync.RunState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * OpenMRS's scheduled task "DHIS2 Sync": syncs every active mapping with the comment "Scheduled sync". A mapping
 * running already is skipped by the service; a failure is logged, never thrown (the scheduler would only print it).
 */
public class Dhis2SyncTask extends ScheduledServiceTask {

    /** Used by OpenMRS's scheduler: the service of the OpenMRS session it runs the task in. */
    public Dhis2SyncTask() {
        this(() -> Context.getService(Dhis2SyncService.class), LoggerFactory.getLogger(Dhis2SyncTask.class));
    }

    Dhis2SyncTask(Supplier<Dhis2SyncService> service, Logger log) {
        super(service, log, "Scheduled DHIS2 sync");
    }

    @Override
    protected void run(Dhis2SyncService service) {
        List<RunState> runs = service.runScheduledSync();
        if (runs.isEmpty()) {
            log.info("Scheduled DHIS2 sync: no active mapping to sync (or all were running)");
        }
        for (RunState run : runs) {
            log.info("Scheduled DHIS2 sync of mapping '{}' ended {}{}", run.getMappingName(), run.getStatus(),
                    run.getStatusInfo() == null ? "" : ": " + run.getStatusInfo());
        }
    }
}
