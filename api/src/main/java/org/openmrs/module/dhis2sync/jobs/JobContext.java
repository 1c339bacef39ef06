package org.openmrs.module.dhis2sync.jobs;

/**
 * What a job's work reports to the job, from the job's thread; read by polling requests at any time.
 *
 * @param <T> the items of the job's records
 */
public interface JobContext<T> {

    /** What the job is doing now, in words ("patients", "enrollments"…). */
    void phase(String phase);

    /** How far the job is in one group (e.g. a category): records looked at, of how many found so far. */
    void progress(String group, long done, long total);

    /** A record the job has a word about; kept for paging while within the job's bounds, always counted. */
    void record(JobRecord<T> record);

    /** What the result covers, or does not, in one sentence (shown with the result). */
    void note(String note);

    boolean isCancelled();

    /** @throws JobCancelledException when someone cancelled the job */
    default void checkCancelled() {
        if (isCancelled()) {
            throw new JobCancelledException();
        }
    }
}
