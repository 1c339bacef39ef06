/**
 * Background jobs: work on one mapping that takes longer than an HTTP request may (a preview or a DHIS2 check of
 * everything pending), run in the background like a sync, followed by polling, cancellable.
 * <p>
 * {@link org.openmrs.module.dhis2sync.jobs.Jobs} starts a job in an OpenMRS daemon thread (the same executor as the
 * sync runs), allows one job per kind and mapping at a time, and keeps each job's result until the next job of that
 * kind and mapping starts (and at most {@value org.openmrs.module.dhis2sync.jobs.Jobs#KEPT_JOBS} finished jobs in
 * all). A job's records are kept in memory, bounded ({@link org.openmrs.module.dhis2sync.jobs.JobRecords}): the counts
 * are complete, the first records of each group (and the first problems) are kept for paging.
 *
 * <h2>Adding a kind of job</h2>
 * <ol>
 * <li>Add a constant to {@link org.openmrs.module.dhis2sync.jobs.JobKind}.</li>
 * <li>Write its work as a {@link org.openmrs.module.dhis2sync.jobs.JobWork}: it reports through the
 * {@link org.openmrs.module.dhis2sync.jobs.JobContext} it is given — {@code phase}, {@code progress} per group (e.g.
 * per category), {@code record} for each record it has a word about (group, tag such as NEW / UPDATE, whether it is a
 * problem, and the item itself), {@code note} for what the result covers and what it does not — and calls
 * {@code checkCancelled()} between chunks (it throws {@link org.openmrs.module.dhis2sync.jobs.JobCancelledException},
 * which ends the job CANCELLED). An exception ends it FAILED with the exception's message.</li>
 * <li>Start it from the service with {@code jobs.start(kind, mappingUuid, mappingName, user, reason, work)}: a
 * {@link org.openmrs.module.dhis2sync.jobs.JobRunningException} (HTTP 409) says one of that kind and mapping is going.
 * The REST layer's {@code jobs} endpoints then poll, cancel and page it; only the item of a record needs a body of its
 * own there (see {@code JobsController}).</li>
 * </ol>
 */
package org.openmrs.module.dhis2sync.jobs;
