package org.openmrs.module.dhis2sync.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import javax.servlet.http.HttpServletRequest;

import org.openmrs.module.dhis2sync.api.Dhis2SyncPrivileges;
import org.openmrs.module.dhis2sync.api.Dhis2SyncService;
import org.openmrs.module.dhis2sync.jobs.JobKind;
import org.openmrs.module.dhis2sync.jobs.JobPage;
import org.openmrs.module.dhis2sync.jobs.JobRecord;
import org.openmrs.module.dhis2sync.jobs.JobState;
import org.openmrs.module.dhis2sync.names.RecordNames;
import org.openmrs.module.dhis2sync.sync.PendingRecord;
import org.openmrs.module.dhis2sync.sync.ValidationVerdict;
import org.openmrs.module.dhis2sync.tracking.SyncCategory;
import org.openmrs.module.dhis2sync.web.dto.JobBody;
import org.openmrs.module.dhis2sync.web.dto.JobRecordsBody;
import org.openmrs.module.dhis2sync.web.dto.JobRequest;
import org.openmrs.module.dhis2sync.web.dto.ListBody;
import org.openmrs.module.dhis2sync.web.dto.PreviewBody;
import org.openmrs.module.dhis2sync.web.dto.ValidationBody;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Background jobs (preview, check with DHIS2): start, follow, cancel, page through their records. A new kind of job
 * only needs its records' items turned into bodies in {@link #body}.
 */
@RestController("dhis2syncJobsController")
@RequestMapping(WebPaths.BASE + "/jobs")
public class JobsController {

    static final int MAX_REASON = 1000;
    static final int MAX_RECORDS_PAGE = 200;

    private final Dhis2SyncService service;
    private final RequestAuthorization authorization;
    private final RequestGuard guard;
    private final JsonBodies bodies = new JsonBodies();

    public JobsController(Dhis2SyncService service, RequestAuthorization authorization) {
        this.service = service;
        this.authorization = authorization;
        this.guard = new RequestGuard(authorization);
    }

    /** Starts a job: 202 with the job; 409 when one of that kind and mapping is going. */
    @PostMapping
    public ResponseEntity<JobBody> start(HttpServletRequest request) {
        guard.change(request, Dhis2SyncPrivileges.RUN_SYNC);
        JobRequest body = bodies.require(request, JobRequest.class);
        JobKind kind = kind(body.getKind(), true);
        String mappingUuid = Params.uuid("mappingUuid", body.getMappingUuid());
        if (body.getReason() != null && body.getReason().trim().length() > MAX_REASON) {
            throw WebException.badRequest("reason", "must be at most " + MAX_REASON + " characters");
        }
        JobState started = service.startJob(kind, mappingUuid, body.getReason());
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(JobBody.of(started));
    }

    /** The jobs whose results are kept (at most one per kind and mapping), oldest first. */
    @GetMapping
    public ListBody<JobBody> list(@RequestParam(value = "kind", required = false) String kind,
            @RequestParam(value = "mappingUuid", required = false) String mappingUuid) {
        guard.read(Dhis2SyncPrivileges.RUN_SYNC);
        List<JobBody> jobs = new ArrayList<>();
        for (JobState state : service.getJobs(kind(kind, false), Params.optionalUuid("mappingUuid", mappingUuid))) {
            jobs.add(JobBody.of(state));
        }
        return ListBody.of(jobs);
    }

    @GetMapping("/{jobId}")
    public JobBody get(@PathVariable("jobId") String jobId) {
        guard.read(Dhis2SyncPrivileges.RUN_SYNC);
        return JobBody.of(service.getJob(Params.uuid("jobId", jobId)));
    }

    /** Asks the job to stop after its current chunk; the reply is the job as it stands (still RUNNING, briefly). */
    @PostMapping("/{jobId}/cancel")
    public JobBody cancel(@PathVariable("jobId") String jobId, HttpServletRequest request) {
        guard.change(request, Dhis2SyncPrivileges.RUN_SYNC);
        return JobBody.of(service.cancelJob(Params.uuid("jobId", jobId)));
    }

    /** A page of the job's records, of one category or all, optionally only the problems; named for Get Patients. */
    @GetMapping("/{jobId}/records")
    public JobRecordsBody records(@PathVariable("jobId") String jobId,
            @RequestParam(value = "category", required = false) String category,
            @RequestParam(value = "problems", required = false, defaultValue = "false") boolean problems,
            @RequestParam(value = "offset", required = false, defaultValue = "0") int offset,
            @RequestParam(value = "limit", required = false, defaultValue = "50") int limit) {
        guard.read(Dhis2SyncPrivileges.RUN_SYNC);
        String checkedId = Params.uuid("jobId", jobId);
        String group = category(category);
        if (offset < 0) {
            throw WebException.badRequest("offset", "must be 0 or more");
        }
        if (limit < 1 || limit > MAX_RECORDS_PAGE) {
            throw WebException.badRequest("limit", "must be from 1 to " + MAX_RECORDS_PAGE);
        }
        JobPage<?> page = service.getJobRecords(checkedId, group, problems, offset, limit);
        RecordNaming naming = new RecordNaming(service, authorization);
        for (JobRecord<?> record : page.getRecords()) {
            naming.add(SyncCategory.valueOf(record.getGroup()), uuidOf(record.getItem()));
        }
        RecordNames names = naming.names();
        List<Object> items = new ArrayList<>();
        for (JobRecord<?> record : page.getRecords()) {
            items.add(body(record.getItem(), names));
        }
        return new JobRecordsBody(checkedId, group, problems, page, items);
    }

    private static Object body(Object item, RecordNames names) {
        if (item instanceof PendingRecord) {
            return PreviewBody.Record.of((PendingRecord) item, names);
        }
        if (item instanceof ValidationVerdict) {
            return ValidationBody.Verdict.of((ValidationVerdict) item, names);
        }
        throw new IllegalStateException("no body for a job record of " + item.getClass().getName());
    }

    private static String uuidOf(Object item) {
        if (item instanceof PendingRecord) {
            return ((PendingRecord) item).getOpenmrsUuid();
        }
        return item instanceof ValidationVerdict ? ((ValidationVerdict) item).getOpenmrsUuid() : null;
    }

    private static JobKind kind(String value, boolean required) {
        if (value == null || value.trim().isEmpty()) {
            if (required) {
                throw WebException.badRequest("kind", "required: one of " + java.util.Arrays.toString(JobKind.values()));
            }
            return null;
        }
        try {
            return JobKind.valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw WebException.badRequest("kind", "must be one of " + java.util.Arrays.toString(JobKind.values()));
        }
    }

    private static String category(String value) {
        if (value == null || value.trim().isEmpty()) {
            return null;
        }
        try {
            return SyncCategory.valueOf(value.trim().toUpperCase(Locale.ROOT)).name();
        } catch (IllegalArgumentException e) {
            throw WebException.badRequest("category", "must be one of "
                    + java.util.Arrays.toString(SyncCategory.values()));
        }
    }
}
