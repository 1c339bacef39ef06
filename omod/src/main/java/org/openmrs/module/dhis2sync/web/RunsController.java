package org.openmrs.module.dhis2sync.web;

import java.util.ArrayList;
import java.util.List;

import javax.servlet.http.HttpServletRequest;

import org.openmrs.module.dhis2sync.api.Dhis2SyncPrivileges;
import org.openmrs.module.dhis2sync.api.Dhis2SyncService;
import org.openmrs.module.dhis2sync.api.NotFoundException;
import org.openmrs.module.dhis2sync.sync.RunState;
import org.openmrs.module.dhis2sync.web.dto.ListBody;
import org.openmrs.module.dhis2sync.web.dto.RunBody;
import org.openmrs.module.dhis2sync.web.dto.StartedRuns;
import org.openmrs.module.dhis2sync.web.dto.SyncRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Starting runs and following them. */
@RestController("dhis2syncRunsController")
@RequestMapping(WebPaths.BASE)
public class RunsController {

    /** The log's comments column. */
    static final int MAX_COMMENT = 1000;

    private final Dhis2SyncService service;
    private final RequestGuard guard;
    private final JsonBodies bodies = new JsonBodies();

    public RunsController(Dhis2SyncService service, RequestAuthorization authorization) {
        this.service = service;
        this.guard = new RequestGuard(authorization);
    }

    /** Starts one mapping (409 when it is running) or, with mappingUuid null, every active one not running. */
    @PostMapping("/sync")
    public ResponseEntity<StartedRuns> sync(HttpServletRequest request) {
        guard.change(request, Dhis2SyncPrivileges.RUN_SYNC);
        SyncRequest body = bodies.require(request, SyncRequest.class);
        if (body.getComment() == null || body.getComment().trim().isEmpty()) {
            throw WebException.badRequest("comment", "a comment is required to start a sync");
        }
        if (body.getComment().trim().length() > MAX_COMMENT) {
            throw WebException.badRequest("comment", "must be at most " + MAX_COMMENT + " characters");
        }
        String mappingUuid = Params.optionalUuid("mappingUuid", body.getMappingUuid());
        StartedRuns started = mappingUuid == null ? StartedRuns.of(service.startSyncOfAll(body.getComment()))
                : StartedRuns.of(service.startSync(mappingUuid, body.getComment()));
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(started);
    }

    @GetMapping("/runs/{runId:.+}")
    public RunBody run(@PathVariable("runId") String runId) {
        guard.read(Dhis2SyncPrivileges.RUN_SYNC);
        RunState state = service.getRun(Params.uuid("runId", runId));
        if (state == null) {
            throw new NotFoundException("run", runId);
        }
        return RunBody.of(state);
    }

    /** The runs going now (the only list of runs there is: finished ones are in the logs). */
    @GetMapping("/runs")
    public ListBody<RunBody> activeRuns(@RequestParam(value = "active", required = false, defaultValue = "true")
            boolean active) {
        guard.read(Dhis2SyncPrivileges.RUN_SYNC);
        if (!active) {
            throw WebException.badRequest("active", "only the active runs are listed here; finished runs are in logs");
        }
        List<RunBody> runs = new ArrayList<>();
        for (RunState state : service.getActiveRuns()) {
            runs.add(RunBody.of(state));
        }
        return ListBody.of(runs);
    }
}
