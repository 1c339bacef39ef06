package org.openmrs.module.dhis2sync.scheduler;

import java.util.List;
import java.util.function.Supplier;

import org.openmrs.api.context.Context;
import org.openmrs.module.dhis2sync.api.Dhis2SyncService;
import org.openmrs.module.dhis2sync.reconcile.DriftKind;
import org.openmrs.module.dhis2sync.reconcile.ReconcileReport;
import org.openmrs.module.dhis2sync.reconcile.ReconcileResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * OpenMRS's scheduled task "DHIS2 Reconcile": reconciles every active mapping with DHIS2 (comment "Scheduled
 * reconcile"), on its own schedule, and reports drift in the OpenMRS log (a warning per mapping that drifted) and in
 * the module's log (status DRIFT, the records listed), which the Logs screen shows. It never changes DHIS2. A mapping
 * running already is skipped; a failure is logged, never thrown.
 */
public class Dhis2ReconcileTask extends ScheduledServiceTask {

    /** Used by OpenMRS's scheduler: the service of the OpenMRS session it runs the task in. */
    public Dhis2ReconcileTask() {
        this(() -> Context.getService(Dhis2SyncService.class), LoggerFactory.getLogger(Dhis2ReconcileTask.class));
    }

    Dhis2ReconcileTask(Supplier<Dhis2SyncService> service, Logger log) {
        super(service, log, "Scheduled DHIS2 reconcile");
    }

    @Override
    protected void run(Dhis2SyncService service) {
        List<ReconcileResult> results = service.runScheduledReconcile();
        if (results.isEmpty()) {
            log.info("Scheduled DHIS2 reconcile: no active mapping to reconcile (or all were running)");
        }
        for (ReconcileResult result : results) {
            ReconcileReport report = result.getReport();
            String mapping = result.getRun().getMappingName();
            if (report == null) {
                log.warn("Scheduled DHIS2 reconcile of mapping '{}' ended {}: {}", mapping,
                        result.getRun().getStatus(), result.getRun().getStatusInfo());
            } else if (report.isClean() && report.count(DriftKind.EXTRA) == 0) {
                log.info("Scheduled DHIS2 reconcile of mapping '{}': DHIS2 holds what OpenMRS says ({})", mapping,
                        report.summary());
            } else {
                log.warn("Scheduled DHIS2 reconcile of mapping '{}' found drift: {}; see the module's Logs screen"
                        + " (run {})", mapping, report.summary(), result.getRun().getRunId());
            }
        }
    }
}
