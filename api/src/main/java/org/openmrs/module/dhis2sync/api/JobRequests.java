package org.openmrs.module.dhis2sync.api;

import java.util.Arrays;
import java.util.List;

import org.openmrs.module.dhis2sync.jobs.JobKind;
import org.openmrs.module.dhis2sync.jobs.JobPage;
import org.openmrs.module.dhis2sync.jobs.JobState;
import org.openmrs.module.dhis2sync.jobs.Jobs;
import org.openmrs.module.dhis2sync.sync.PendingJobs;

/**
 * The background jobs (preview and check of everything pending) as the service's requests name them: unknown ids
 * are {@link NotFoundException}s, and a job's records are shown only to a user who may read them in OpenMRS.
 */
public class JobRequests {

    private final MappingRequests mappings;
    private final Jobs jobs;
    private final PendingJobs pendingJobs;
    private final RecordReads recordReads;

    /** @param jobs the background jobs, of which pendingJobs starts previews and checks */
    public JobRequests(MappingRequests mappings, Jobs jobs, PendingJobs pendingJobs, RecordReads recordReads) {
        this.mappings = mappings;
        this.jobs = jobs;
        this.pendingJobs = pendingJobs;
        this.recordReads = recordReads;
    }

    public JobState start(JobKind kind, String mappingUuid, String reason) {
        if (kind == null) {
            throw new FieldException("kind", "must be one of " + Arrays.toString(JobKind.values()));
        }
        String why = reason == null || reason.trim().isEmpty() ? null : reason.trim();
        return pendingJobs.start(kind, mappings.run(mappingUuid, why));
    }

    public JobState state(String jobId) {
        return found(jobs.state(jobId), jobId);
    }

    public List<JobState> list(JobKind kind, String mappingUuid) {
        return jobs.list(kind, mappingUuid);
    }

    public JobState cancel(String jobId) {
        return found(jobs.cancel(jobId), jobId);
    }

    public JobPage<?> records(String jobId, String group, boolean problemsOnly, int offset, int limit) {
        // a job's records carry the patients' values (preview) or DHIS2's word on them (check): record-level
        recordReads.requireAll("The job's counts are in the job itself.");
        return found(jobs.page(jobId, group, problemsOnly, offset, limit), jobId);
    }

    private static <T> T found(T job, String jobId) {
        if (job == null) {
            throw new NotFoundException("job", jobId);
        }
        return job;
    }
}
