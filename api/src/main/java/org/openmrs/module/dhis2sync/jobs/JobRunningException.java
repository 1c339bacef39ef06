package org.openmrs.module.dhis2sync.jobs;

/** A job of that kind and mapping is going: the new one is not started (HTTP 409). */
public class JobRunningException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String jobId;

    public JobRunningException(JobState running) {
        super("a " + running.getKind().name().toLowerCase(java.util.Locale.ROOT) + " of mapping '"
                + running.getMappingName() + "' is already going (started by " + running.getStartedBy()
                + "); follow it, or cancel it first");
        this.jobId = running.getJobId();
    }

    /** The job that is going. */
    public String getJobId() {
        return jobId;
    }
}
