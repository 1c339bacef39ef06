package org.openmrs.module.dhis2sync.jobs;

/** Thrown by {@link JobContext#checkCancelled()} in a cancelled job's thread: the job ends CANCELLED. */
public class JobCancelledException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public JobCancelledException() {
        super("cancelled");
    }
}
