package org.openmrs.module.dhis2sync.web;

import java.util.ArrayList;
import java.util.List;

import javax.servlet.http.HttpServletRequest;

import org.openmrs.module.dhis2sync.api.Dhis2SyncPrivileges;
import org.openmrs.module.dhis2sync.api.Dhis2SyncService;
import org.openmrs.module.dhis2sync.web.dto.MappingNamesBody;
import org.openmrs.module.dhis2sync.web.dto.RecordNamesBody;
import org.openmrs.module.dhis2sync.web.dto.RecordsRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Names for every screen, read once per kind and page load: of what the mappings refer to (OpenMRS and DHIS2
 * metadata), and of OpenMRS records (patients, enrollments, encounters) by uuid.
 */
@RestController("dhis2syncNamesController")
@RequestMapping(WebPaths.BASE + "/names")
public class NamesController {

    private final Dhis2SyncService service;
    private final RequestGuard guard;
    private final JsonBodies bodies = new JsonBodies();

    public NamesController(Dhis2SyncService service, RequestAuthorization authorization) {
        this.service = service;
        this.guard = new RequestGuard(authorization);
    }

    /** Names of what the mappings refer to ({@code mapping} repeated; none: every active mapping). */
    @GetMapping
    public MappingNamesBody mappingNames(@RequestParam(value = "mapping", required = false) List<String> mappings) {
        guard.read(Dhis2SyncPrivileges.MANAGE_MAPPINGS, Dhis2SyncPrivileges.RUN_SYNC, Dhis2SyncPrivileges.VIEW_LOGS);
        List<String> checked = new ArrayList<>();
        if (mappings != null) {
            for (String uuid : mappings) {
                checked.add(Params.uuid("mapping", uuid));
            }
        }
        return MappingNamesBody.of(service.getMappingNames(checked));
    }

    /**
     * Patients, enrollments and encounters by uuid (a POST for its body: it changes nothing). Needs OpenMRS's
     * "Get Patients" too.
     */
    @PostMapping("/records")
    public RecordNamesBody records(HttpServletRequest request) {
        guard.change(request, Dhis2SyncPrivileges.MANAGE_MAPPINGS, Dhis2SyncPrivileges.RUN_SYNC,
                Dhis2SyncPrivileges.VIEW_LOGS);
        RecordsRequest body = bodies.require(request, RecordsRequest.class);
        return RecordNamesBody.of(service.getRecordNames(checked("patients", body.getPatients()),
                checked("enrollments", body.getEnrollments()), checked("encounters", body.getEncounters())));
    }

    private static List<String> checked(String field, List<String> uuids) {
        List<String> checked = new ArrayList<>();
        for (int i = 0; i < uuids.size(); i++) {
            checked.add(Params.uuid(field + "[" + i + "]", uuids.get(i)));
        }
        return checked;
    }
}
