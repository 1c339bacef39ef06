package org.openmrs.module.dhis2sync.tracking;

/** How a sync run ended (or that it is still going). */
public enum SyncStatus {
    RUNNING,
    SUCCESS,
    /** Finished, but DHIS2 rejected some records (kept in {@code dhis2sync_failed_record}). */
    PARTIAL,
    /** A reconcile finished and found DHIS2 holding something else than OpenMRS says (listed in the details). */
    DRIFT,
    FAILED
}
