package org.openmrs.module.dhis2sync.jobs;

/**
 * The work of one job, run in a background thread. It reports through its context, calls
 * {@link JobContext#checkCancelled()} between chunks, and ends normally (DONE), by
 * {@link JobCancelledException} (CANCELLED) or by any other exception (FAILED, with its message).
 *
 * @param <T> the items of the job's records
 */
@FunctionalInterface
public interface JobWork<T> {

    void run(JobContext<T> context);
}
