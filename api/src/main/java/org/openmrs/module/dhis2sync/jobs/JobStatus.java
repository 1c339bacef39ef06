package org.openmrs.module.dhis2sync.jobs;

/** Where a job stands. */
public enum JobStatus {
    RUNNING, DONE, FAILED, CANCELLED;

    public boolean isFinished() {
        return this != RUNNING;
    }
}
