package org.openmrs.module.dhis2sync.web;

import java.util.Date;

import javax.servlet.http.HttpServletRequest;

import org.openmrs.module.dhis2sync.api.Dhis2SyncPrivileges;
import org.openmrs.module.dhis2sync.api.Dhis2SyncService;
import org.openmrs.module.dhis2sync.api.NotFoundException;
import org.openmrs.module.dhis2sync.reconcile.Drift;
import org.openmrs.module.dhis2sync.reconcile.ReconcileResult;
import org.openmrs.module.dhis2sync.web.dto.ReconcileBody;
import org.openmrs.module.dhis2sync.web.dto.ReconcileRequest;
import org.openmrs.module.dhis2sync.web.dto.ResendCountBody;
import org.openmrs.module.dhis2sync.web.dto.StartedRuns;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Reconcile a mapping with DHIS2, resend its differences, resend from a date; each a run of its own. */
@RestController("dhis2syncReconcileController")
@RequestMapping(WebPaths.BASE)
public class ReconcileController {

    private final Dhis2SyncService service;
    private final RequestAuthorization authorization;
    private final RequestGuard guard;
    private final JsonBodies bodies = new JsonBodies();

    public ReconcileController(Dhis2SyncService service, RequestAuthorization authorization) {
        this.service = service;
        this.authorization = authorization;
        this.guard = new RequestGuard(authorization);
    }

    /** Starts a reconcile (202 with its run id; 409 while a run of the mapping goes). */
    @PostMapping("/mappings/{uuid}/reconcile")
    public ResponseEntity<StartedRuns> reconcile(@PathVariable("uuid") String uuid, HttpServletRequest request) {
        guard.change(request, Dhis2SyncPrivileges.RUN_SYNC);
        String comment = comment(bodies.require(request, ReconcileRequest.class));
        return accepted(service.startReconcile(Params.uuid("uuid", uuid), comment));
    }

    /** Starts a reconcile that sends again what it finds missing or different. */
    @PostMapping("/mappings/{uuid}/resend-differences")
    public ResponseEntity<StartedRuns> resendDifferences(@PathVariable("uuid") String uuid,
            HttpServletRequest request) {
        guard.change(request, Dhis2SyncPrivileges.RUN_SYNC);
        String comment = comment(bodies.require(request, ReconcileRequest.class));
        return accepted(service.startResendDifferences(Params.uuid("uuid", uuid), comment));
    }

    /** The mapping's latest reconcile since the server started (404 when none). */
    @GetMapping("/mappings/{uuid}/reconcile")
    public ReconcileBody latest(@PathVariable("uuid") String uuid) {
        guard.read(Dhis2SyncPrivileges.RUN_SYNC, Dhis2SyncPrivileges.VIEW_LOGS);
        String checked = Params.uuid("uuid", uuid);
        ReconcileResult result = service.getLatestReconcile(checked);
        if (result == null) {
            throw new NotFoundException("reconcile of mapping", checked);
        }
        return body(result);
    }

    /** One reconcile by its run id (404 when this server does not know it: the log keeps its summary). */
    @GetMapping("/reconciles/{runId}")
    public ReconcileBody reconcileOfRun(@PathVariable("runId") String runId) {
        guard.read(Dhis2SyncPrivileges.RUN_SYNC, Dhis2SyncPrivileges.VIEW_LOGS);
        ReconcileResult result = service.getReconcile(Params.uuid("runId", runId));
        if (result == null) {
            throw new NotFoundException("reconcile", runId);
        }
        return body(result);
    }

    /** How many records a resend from that date would send again, for the confirmation. */
    @GetMapping("/mappings/{uuid}/resend-from")
    public ResendCountBody countFrom(@PathVariable("uuid") String uuid,
            @RequestParam(value = "from", required = false) String from) {
        guard.read(Dhis2SyncPrivileges.RUN_SYNC);
        String checked = Params.uuid("uuid", uuid);
        Date date = date(from);
        return ResendCountBody.of(checked, date, service.countResendFromDate(checked, date));
    }

    /** Moves the mapping's markers back to the date and starts a sync from there (202; 409 while a run goes). */
    @PostMapping("/mappings/{uuid}/resend-from")
    public ResponseEntity<StartedRuns> resendFrom(@PathVariable("uuid") String uuid, HttpServletRequest request) {
        guard.change(request, Dhis2SyncPrivileges.RUN_SYNC);
        ReconcileRequest body = bodies.require(request, ReconcileRequest.class);
        String comment = comment(body);
        Date date = date(body.getFrom());
        return accepted(service.startResendFromDate(Params.uuid("uuid", uuid), date, comment));
    }

    private ReconcileBody body(ReconcileResult result) {
        RecordNaming naming = new RecordNaming(service, authorization);
        if (result.getReport() != null) {
            for (Drift drift : result.getReport().getDrifts()) {
                naming.add(drift.getCategory(), drift.getOpenmrsUuid());
            }
        }
        return ReconcileBody.of(result, naming.names());
    }

    private static Date date(String from) {
        Date date = Params.moment("from", from);
        if (date == null) {
            throw WebException.badRequest("from", "a date to resend from is required (2026-01-31)");
        }
        if (date.after(new Date())) {
            throw WebException.badRequest("from", "'" + Params.shorten(from) + "' is in the future: nothing changed"
                    + " since then");
        }
        return date;
    }

    private static String comment(ReconcileRequest body) {
        String comment = body.getComment();
        if (comment == null || comment.trim().isEmpty()) {
            throw WebException.badRequest("comment", "a comment is required: it is kept in the log");
        }
        if (comment.trim().length() > RunsController.MAX_COMMENT) {
            throw WebException.badRequest("comment", "must be at most " + RunsController.MAX_COMMENT + " characters");
        }
        return comment.trim();
    }

    private static ResponseEntity<StartedRuns> accepted(org.openmrs.module.dhis2sync.sync.RunState state) {
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(StartedRuns.of(state));
    }
}
