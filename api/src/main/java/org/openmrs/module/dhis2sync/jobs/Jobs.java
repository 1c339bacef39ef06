package org.openmrs.module.dhis2sync.jobs;

import java.util.ArrayList;
import java.util.Date;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts background jobs and answers for them (see the package comment for adding a kind): one job per kind and
 * mapping at a time on this server; a job's result is kept until the next job of its kind and mapping starts, and at
 * most {@value #KEPT_JOBS} finished jobs are kept in all (the oldest go first). Jobs are held in memory only: a
 * restart forgets them (they write nothing, so nothing is lost but their result).
 */
public class Jobs {

    public static final int KEPT_JOBS = 20;
    /** Records kept for paging per group of a job (and as many problems); counts are always complete. */
    public static final int KEPT_PER_GROUP = 2000;

    private static final Logger log = LoggerFactory.getLogger(Jobs.class);

    private final Executor executor;
    private final Supplier<Date> clock;
    private final int keptPerGroup;
    /** Every job known, oldest first. */
    private final Map<String, Job<?>> jobs = new LinkedHashMap<>();

    public Jobs(Executor executor, Supplier<Date> clock) {
        this(executor, clock, KEPT_PER_GROUP);
    }

    public Jobs(Executor executor, Supplier<Date> clock, int keptPerGroup) {
        this.executor = executor;
        this.clock = clock;
        this.keptPerGroup = keptPerGroup;
    }

    /**
     * Starts the work in the background.
     *
     * @param startedBy the OpenMRS user
     * @param reason    why, in the user's words (may be null)
     * @throws JobRunningException when a job of that kind and mapping is going
     */
    public <T> JobState start(JobKind kind, String mappingUuid, String mappingName, String startedBy, String reason,
            JobWork<T> work) {
        Job<T> job = new Job<>(UUID.randomUUID().toString(), kind, mappingUuid, mappingName, startedBy, reason, clock,
                keptPerGroup);
        synchronized (jobs) {
            Job<?> previous = latestOf(kind, mappingUuid);
            if (previous != null && previous.isRunning()) {
                throw new JobRunningException(previous.state());
            }
            if (previous != null) {
                jobs.remove(previous.id());
            }
            jobs.put(job.id(), job);
            forgetOldest();
        }
        try {
            executor.execute(() -> execute(job, work));
        } catch (RuntimeException e) {
            job.finish(JobStatus.FAILED, "the job could not start: " + e.getMessage());
            throw e;
        }
        return job.state();
    }

    /** @return the job, or null when unknown (never started, or forgotten) */
    public JobState state(String jobId) {
        Job<?> job = find(jobId);
        return job == null ? null : job.state();
    }

    /** The job of that kind and mapping whose result is kept (running or finished), or null. */
    public JobState latest(JobKind kind, String mappingUuid) {
        synchronized (jobs) {
            Job<?> job = latestOf(kind, mappingUuid);
            return job == null ? null : job.state();
        }
    }

    /** The jobs known, oldest first, optionally of one kind and/or mapping. */
    public List<JobState> list(JobKind kind, String mappingUuid) {
        List<Job<?>> chosen = new ArrayList<>();
        synchronized (jobs) {
            for (Job<?> job : jobs.values()) {
                if ((kind == null || job.kind() == kind) && (mappingUuid == null || mappingUuid.equals(job.mappingUuid()))) {
                    chosen.add(job);
                }
            }
        }
        List<JobState> states = new ArrayList<>();
        for (Job<?> job : chosen) {
            states.add(job.state());
        }
        return states;
    }

    /**
     * Asks a running job to stop; it ends CANCELLED at its next chunk, keeping what it found so far.
     *
     * @return the job as it stands, or null when unknown
     */
    public JobState cancel(String jobId) {
        Job<?> job = find(jobId);
        if (job == null) {
            return null;
        }
        job.cancel();
        return job.state();
    }

    /** A page of a job's records; null when the job is unknown. See {@link JobRecords#page}. */
    @SuppressWarnings("unchecked")
    public <T> JobPage<T> page(String jobId, String group, boolean problemsOnly, int offset, int limit) {
        Job<T> job = (Job<T>) find(jobId);
        return job == null ? null : job.records().page(group, problemsOnly, offset, limit);
    }

    private Job<?> find(String jobId) {
        synchronized (jobs) {
            return jobs.get(jobId);
        }
    }

    private Job<?> latestOf(JobKind kind, String mappingUuid) {
        Job<?> latest = null;
        for (Job<?> job : jobs.values()) {
            if (job.kind() == kind && job.mappingUuid().equals(mappingUuid)) {
                latest = job;
            }
        }
        return latest;
    }

    private void forgetOldest() {
        int finished = 0;
        for (Job<?> job : jobs.values()) {
            finished += job.isRunning() ? 0 : 1;
        }
        for (Iterator<Job<?>> it = jobs.values().iterator(); it.hasNext() && finished > KEPT_JOBS; ) {
            if (!it.next().isRunning()) {
                it.remove();
                finished--;
            }
        }
    }

    private static <T> void execute(Job<T> job, JobWork<T> work) {
        try {
            job.checkCancelled();
            work.run(job);
            job.finish(JobStatus.DONE, null);
        } catch (JobCancelledException e) {
            job.finish(JobStatus.CANCELLED, "cancelled: the records listed are those found before it stopped");
        } catch (RuntimeException | Error e) {
            String message = e.getMessage() == null || e.getMessage().isEmpty() ? e.getClass().getSimpleName()
                    : e.getMessage();
            log.error("DHIS2 Sync {} job of mapping {} failed: {}", job.kind(), job.mappingUuid(), message, e);
            job.finish(JobStatus.FAILED, message);
        }
    }
}
