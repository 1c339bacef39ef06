package org.openmrs.module.dhis2sync.web;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.servlet.http.HttpServletRequest;

import org.openmrs.module.dhis2sync.api.Dhis2SyncPrivileges;
import org.openmrs.module.dhis2sync.api.Dhis2SyncService;
import org.openmrs.module.dhis2sync.mapping.Mapping;
import org.openmrs.module.dhis2sync.names.RecordNames;
import org.openmrs.module.dhis2sync.sync.RunState;
import org.openmrs.module.dhis2sync.tracking.DailyCount;
import org.openmrs.module.dhis2sync.tracking.FailedRecord;
import org.openmrs.module.dhis2sync.tracking.LogQuery;
import org.openmrs.module.dhis2sync.tracking.SyncLog;
import org.openmrs.module.dhis2sync.tracking.SyncStatus;
import org.openmrs.module.dhis2sync.web.dto.DailyBody;
import org.openmrs.module.dhis2sync.web.dto.FailureBody;
import org.openmrs.module.dhis2sync.web.dto.ListBody;
import org.openmrs.module.dhis2sync.web.dto.LogBody;
import org.openmrs.module.dhis2sync.web.dto.RetryRequest;
import org.openmrs.module.dhis2sync.web.dto.StartedRuns;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The run logs (newest first), records per day, the failed records and their retry. */
@RestController("dhis2syncLogsController")
@RequestMapping(WebPaths.BASE)
public class LogsController {

    static final int DEFAULT_DAYS = 30;

    private final Dhis2SyncService service;
    private final RequestAuthorization authorization;
    private final RequestGuard guard;
    private final JsonBodies bodies = new JsonBodies();

    public LogsController(Dhis2SyncService service, RequestAuthorization authorization) {
        this.service = service;
        this.authorization = authorization;
        this.guard = new RequestGuard(authorization);
    }

    @GetMapping("/logs")
    public ListBody<LogBody> logs(@RequestParam(value = "from", required = false) String from,
            @RequestParam(value = "mapping", required = false) String mappingName,
            @RequestParam(value = "user", required = false) String user,
            @RequestParam(value = "page", required = false) Integer page,
            @RequestParam(value = "pageSize", required = false) Integer pageSize) {
        guard.read(Dhis2SyncPrivileges.VIEW_LOGS);
        int size = Params.pageSize(pageSize);
        int first = (Params.page(page) - 1) * size;
        LogQuery query = new LogQuery(Params.moment("from", from), Params.blankToNull(mappingName),
                Params.blankToNull(user), first, size);
        List<LogBody> rows = new ArrayList<>();
        for (SyncLog row : service.getLogs(query)) {
            // a run going now: its records so far (its log row is written when it ends)
            RunState going = row.getStatus() == SyncStatus.RUNNING && row.getRunId() != null
                    ? service.getRun(row.getRunId()) : null;
            rows.add(going != null && going.getStatus() == SyncStatus.RUNNING ? LogBody.of(row, going.getProgress())
                    : LogBody.of(row));
        }
        return ListBody.page(rows, service.countLogs(query));
    }

    @GetMapping("/logs/daily")
    public ListBody<DailyBody> daily(@RequestParam(value = "days", required = false) Integer days) {
        guard.read(Dhis2SyncPrivileges.VIEW_LOGS);
        List<DailyBody> counts = new ArrayList<>();
        for (DailyCount count : service.getRecordsPerDay(days == null ? DEFAULT_DAYS : days)) {
            counts.add(DailyBody.of(count));
        }
        return ListBody.of(counts);
    }

    @GetMapping("/failures")
    public ListBody<FailureBody> failures(@RequestParam(value = "mapping", required = false) String mapping,
            @RequestParam(value = "page", required = false) Integer page,
            @RequestParam(value = "pageSize", required = false) Integer pageSize) {
        guard.read(Dhis2SyncPrivileges.VIEW_LOGS);
        String mappingUuid = Params.optionalUuid("mapping", mapping);
        int size = Params.pageSize(pageSize);
        int first = (Params.page(page) - 1) * size;
        Map<String, String> names = new HashMap<>();
        for (Mapping each : service.getMappings(true)) {
            names.put(each.getUuid(), each.getName());
        }
        List<FailedRecord> records = service.getFailures(mappingUuid, first, size);
        RecordNaming naming = new RecordNaming(service, authorization);
        for (FailedRecord record : records) {
            naming.add(record.getCategory(), record.getOpenmrsUuid());
        }
        RecordNames recordNames = naming.names();
        List<FailureBody> rows = new ArrayList<>();
        for (FailedRecord record : records) {
            rows.add(FailureBody.of(record, names.get(record.getMappingUuid()), recordNames));
        }
        return ListBody.page(rows, service.countFailures(mappingUuid));
    }

    @PostMapping("/failures/{id:.+}/retry")
    public ResponseEntity<StartedRuns> retryOne(@PathVariable("id") String id, HttpServletRequest request) {
        guard.change(request, Dhis2SyncPrivileges.RUN_SYNC);
        long failureId;
        try {
            failureId = Long.parseLong(id.trim());
        } catch (NumberFormatException e) {
            throw WebException.badRequest("id", "'" + Params.shorten(id) + "' is not the id of a failed record");
        }
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(StartedRuns.of(service.retryFailure(failureId)));
    }

    /** Retries the failures of one mapping, or (no body, or mappingUuid null) of every mapping that has some. */
    @PostMapping("/failures/retry")
    public ResponseEntity<StartedRuns> retryAll(HttpServletRequest request) {
        guard.change(request, Dhis2SyncPrivileges.RUN_SYNC);
        RetryRequest body = bodies.read(request, RetryRequest.class);
        String mappingUuid = body == null ? null : Params.optionalUuid("mappingUuid", body.getMappingUuid());
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(StartedRuns.of(service.retryFailures(mappingUuid)));
    }
}
