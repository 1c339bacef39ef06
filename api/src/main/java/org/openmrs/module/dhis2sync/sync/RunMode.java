package org.openmrs.module.dhis2sync.sync;

/** What a run does with its decisions. */
public enum RunMode {
    /** Send to DHIS2, record UIDs, failures, log and markers. */
    SYNC,
    /** Send to DHIS2 in its validation-only mode; write nothing anywhere. */
    VALIDATE,
    /** Decide from the trackers alone; call DHIS2 for nothing and write nothing. */
    PREVIEW;

    boolean sends() {
        return this != PREVIEW;
    }

    boolean writes() {
        return this == SYNC;
    }
}
