package org.openmrs.module.dhis2sync;

import java.util.List;
import java.util.function.Supplier;

import org.openmrs.module.dhis2sync.api.Dhis2SyncService;
import org.slf4j.Logger;

/**
 * At module start: frees the mapping locks of runs that died with the previous start of this server (OpenMRS killed
 * or restarted mid-run) and marks their log rows interrupted, so that no start is refused for a run that is not
 * going. Never throws: a module whose start fails is not started again; a start of the mapping frees such a lock
 * by itself anyway.
 */
public class DeadRunRelease implements Runnable {

    private final Supplier<Dhis2SyncService> service;
    private final Logger log;

    public DeadRunRelease(Supplier<Dhis2SyncService> service, Logger log) {
        this.service = service;
        this.log = log;
    }

    @Override
    public void run() {
        try {
            List<String> freed = service.get().releaseDeadRuns();
            if (!freed.isEmpty()) {
                log.warn("DHIS2 Sync freed the locks of {} run(s) that died with the previous start of this server"
                        + " and marked them interrupted in the log: {}", freed.size(), freed);
            }
        } catch (RuntimeException | Error e) {
            log.warn("DHIS2 Sync could not free the locks of runs that died with the previous start of this server"
                    + " ({}); a start of such a mapping frees its lock itself", e.toString());
        }
    }
}
