package org.openmrs.module.dhis2sync.web;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import javax.servlet.http.HttpServletRequest;

import org.openmrs.module.dhis2sync.api.Dhis2SyncPrivileges;
import org.openmrs.module.dhis2sync.api.Dhis2SyncService;
import org.openmrs.module.dhis2sync.api.LogText;
import org.openmrs.module.dhis2sync.mapping.Mapping;
import org.openmrs.module.dhis2sync.mapping.MappingConfig;
import org.openmrs.module.dhis2sync.mapping.MappingJson;
import org.openmrs.module.dhis2sync.sync.PendingRecord;
import org.openmrs.module.dhis2sync.sync.RunTally;
import org.openmrs.module.dhis2sync.sync.ValidationVerdict;
import org.openmrs.module.dhis2sync.web.dto.HealthBody;
import org.openmrs.module.dhis2sync.web.dto.ImportReportBody;
import org.openmrs.module.dhis2sync.web.dto.ListBody;
import org.openmrs.module.dhis2sync.web.dto.MappingDetail;
import org.openmrs.module.dhis2sync.web.dto.MappingSummary;
import org.openmrs.module.dhis2sync.web.dto.PreviewBody;
import org.openmrs.module.dhis2sync.web.dto.ValidationBody;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Mappings: list, get, create, update, retire, export, import, preview, validate, health check. */
@RestController("dhis2syncMappingsController")
@RequestMapping(WebPaths.BASE + "/mappings")
public class MappingsController {

    private static final Logger log = LoggerFactory.getLogger(MappingsController.class);
    private static final String EXPORT_FILE = "dhis2sync-mappings.json";

    private final Dhis2SyncService service;
    private final RequestAuthorization authorization;
    private final RequestGuard guard;
    private final JsonBodies bodies = new JsonBodies();
    /** Reads a posted mapping strictly (unknown fields, wrong kinds) and validates it, errors naming JSON paths. */
    private final MappingJson mappingJson = new MappingJson();

    public MappingsController(Dhis2SyncService service, RequestAuthorization authorization) {
        this.service = service;
        this.authorization = authorization;
        this.guard = new RequestGuard(authorization);
    }

    @GetMapping
    public ListBody<MappingSummary> list(@RequestParam(value = "includeRetired", required = false,
            defaultValue = "false") boolean includeRetired) {
        guard.read(Dhis2SyncPrivileges.MANAGE_MAPPINGS, Dhis2SyncPrivileges.RUN_SYNC, Dhis2SyncPrivileges.VIEW_LOGS);
        List<MappingSummary> summaries = new ArrayList<>();
        for (Mapping mapping : service.getMappings(includeRetired)) {
            summaries.add(MappingSummary.of(mapping, service.getLastSuccessfulSync(mapping.getUuid())));
        }
        return ListBody.of(summaries);
    }

    @GetMapping("/{uuid:.+}")
    public MappingDetail get(@PathVariable("uuid") String uuid) {
        guard.read(Dhis2SyncPrivileges.MANAGE_MAPPINGS, Dhis2SyncPrivileges.RUN_SYNC);
        return detail(service.getMapping(Params.uuid("uuid", uuid)));
    }

    @PostMapping
    public ResponseEntity<MappingDetail> create(HttpServletRequest request) {
        guard.change(request, Dhis2SyncPrivileges.MANAGE_MAPPINGS);
        MappingConfig config = mappingJson.read(bodies.text(request));
        Mapping created = service.createMapping(config);
        return ResponseEntity.status(HttpStatus.CREATED).body(detail(created));
    }

    @RequestMapping(value = "/{uuid:.+}", method = {RequestMethod.POST, RequestMethod.PUT})
    public MappingDetail update(@PathVariable("uuid") String uuid, HttpServletRequest request) {
        guard.change(request, Dhis2SyncPrivileges.MANAGE_MAPPINGS);
        String checked = Params.uuid("uuid", uuid);
        MappingConfig config = mappingJson.read(bodies.text(request));
        return detail(service.updateMapping(checked, config));
    }

    @DeleteMapping("/{uuid:.+}")
    public ResponseEntity<Void> retire(@PathVariable("uuid") String uuid,
            @RequestParam(value = "reason", required = false) String reason, HttpServletRequest request) {
        guard.change(request, Dhis2SyncPrivileges.MANAGE_MAPPINGS);
        Mapping retired = service.retireMapping(Params.uuid("uuid", uuid));
        // the mapping table has no column for it: the reason goes to the log, next to who retired it
        String why = reason == null || reason.trim().isEmpty() ? "none given" : LogText.of(reason.trim());
        log.info("DHIS2 Sync mapping '{}' ({}) retired; reason: {}", LogText.of(retired.getName()), retired.getUuid(),
                why);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/export")
    public ResponseEntity<byte[]> export(@RequestParam(value = "uuid", required = false) List<String> uuids) {
        guard.read(Dhis2SyncPrivileges.MANAGE_MAPPINGS);
        List<String> checked = new ArrayList<>();
        if (uuids != null) {
            for (String uuid : uuids) {
                checked.add(Params.uuid("uuid", uuid));
            }
        }
        byte[] json = service.exportMappings(checked).getBytes(StandardCharsets.UTF_8);
        return ResponseEntity.ok()
                .contentType(new MediaType(MediaType.APPLICATION_JSON, StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + EXPORT_FILE + "\"")
                .body(json);
    }

    @PostMapping("/import")
    public ImportReportBody importMappings(HttpServletRequest request) {
        guard.change(request, Dhis2SyncPrivileges.MANAGE_MAPPINGS);
        String document = bodies.text(request);
        if (document.trim().isEmpty()) {
            throw WebException.badRequest(null, "the request needs a JSON body: one mapping or {\"mappings\": [...]}");
        }
        return ImportReportBody.of(service.importMappings(document));
    }

    @GetMapping("/{uuid:.+}/preview")
    public PreviewBody preview(@PathVariable("uuid") String uuid) {
        guard.read(Dhis2SyncPrivileges.RUN_SYNC);
        String checked = Params.uuid("uuid", uuid);
        RunTally tally = service.preview(checked);
        RecordNaming naming = new RecordNaming(service, authorization);
        for (PendingRecord record : tally.pendingRecords()) {
            naming.add(record.getCategory(), record.getOpenmrsUuid());
        }
        return PreviewBody.of(checked, tally, naming.names());
    }

    @PostMapping("/{uuid:.+}/validate")
    public ValidationBody validate(@PathVariable("uuid") String uuid, HttpServletRequest request) {
        guard.change(request, Dhis2SyncPrivileges.RUN_SYNC);
        String checked = Params.uuid("uuid", uuid);
        RunTally tally = service.validate(checked);
        RecordNaming naming = new RecordNaming(service, authorization);
        for (ValidationVerdict verdict : tally.verdicts()) {
            naming.add(verdict.getCategory(), verdict.getOpenmrsUuid());
        }
        return ValidationBody.of(checked, tally, naming.names());
    }

    /** The saved mapping checked against DHIS2's live metadata (GET, or POST from a form). */
    @RequestMapping(value = "/{uuid:.+}/health", method = {RequestMethod.GET, RequestMethod.POST})
    public HealthBody health(@PathVariable("uuid") String uuid, HttpServletRequest request) {
        if ("POST".equalsIgnoreCase(request.getMethod())) {
            guard.change(request, Dhis2SyncPrivileges.MANAGE_MAPPINGS, Dhis2SyncPrivileges.RUN_SYNC);
        } else {
            guard.read(Dhis2SyncPrivileges.MANAGE_MAPPINGS, Dhis2SyncPrivileges.RUN_SYNC);
        }
        String checked = Params.uuid("uuid", uuid);
        return HealthBody.of(checked, service.checkMappingHealth(checked));
    }

    /** An unsaved mapping (the editor's) checked against DHIS2's live metadata; invalid JSON is refused first. */
    @PostMapping("/health")
    public HealthBody healthOfUnsaved(HttpServletRequest request) {
        guard.change(request, Dhis2SyncPrivileges.MANAGE_MAPPINGS);
        String body = bodies.text(request);
        if (body.trim().isEmpty()) {
            throw WebException.badRequest(null, "the request needs a JSON body: the mapping to check");
        }
        return HealthBody.of(null, service.checkMappingHealth(mappingJson.read(body)));
    }

    private MappingDetail detail(Mapping mapping) {
        String config = mappingJson.write(service.getMappingConfig(mapping.getUuid()));
        return MappingDetail.of(mapping, service.getLastSuccessfulSync(mapping.getUuid()), config);
    }
}
