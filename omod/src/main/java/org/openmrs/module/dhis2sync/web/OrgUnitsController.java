package org.openmrs.module.dhis2sync.web;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.servlet.http.HttpServletRequest;

import org.openmrs.module.dhis2sync.api.Dhis2SyncPrivileges;
import org.openmrs.module.dhis2sync.api.Dhis2SyncService;
import org.openmrs.module.dhis2sync.source.MetadataItem;
import org.openmrs.module.dhis2sync.source.MetadataKind;
import org.openmrs.module.dhis2sync.tracking.OrgUnitMapping;
import org.openmrs.module.dhis2sync.web.dto.ListBody;
import org.openmrs.module.dhis2sync.web.dto.OrgUnitBody;
import org.openmrs.module.dhis2sync.web.dto.OrgUnitRequest;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The installation's location → DHIS2 org unit table. */
@RestController("dhis2syncOrgUnitsController")
@RequestMapping(WebPaths.BASE + "/org-units")
public class OrgUnitsController {

    private final Dhis2SyncService service;
    private final RequestGuard guard;
    private final JsonBodies bodies = new JsonBodies();

    public OrgUnitsController(Dhis2SyncService service, RequestAuthorization authorization) {
        this.service = service;
        this.guard = new RequestGuard(authorization);
    }

    @GetMapping
    public ListBody<OrgUnitBody> list() {
        guard.read(Dhis2SyncPrivileges.MANAGE_MAPPINGS);
        Map<String, String> names = locationNames();
        List<OrgUnitBody> rows = new ArrayList<>();
        for (OrgUnitMapping row : service.getOrgUnitMappings()) {
            rows.add(OrgUnitBody.of(row, names.get(row.getLocationUuid())));
        }
        return ListBody.of(rows);
    }

    /** Adds the location's row or changes its org unit. */
    @PostMapping
    public OrgUnitBody save(HttpServletRequest request) {
        guard.change(request, Dhis2SyncPrivileges.MANAGE_MAPPINGS);
        OrgUnitRequest body = bodies.require(request, OrgUnitRequest.class);
        String locationUuid = Params.uuid("locationUuid", body.getLocationUuid());
        OrgUnitMapping row = service.saveOrgUnitMapping(locationUuid, body.getOrgUnitUid());
        return OrgUnitBody.of(row, locationNames().get(row.getLocationUuid()));
    }

    @DeleteMapping("/{locationUuid:.+}")
    public ResponseEntity<Void> delete(@PathVariable("locationUuid") String locationUuid, HttpServletRequest request) {
        guard.change(request, Dhis2SyncPrivileges.MANAGE_MAPPINGS);
        service.deleteOrgUnitMapping(Params.uuid("locationUuid", locationUuid));
        return ResponseEntity.noContent().build();
    }

    private Map<String, String> locationNames() {
        Map<String, String> names = new HashMap<>();
        for (MetadataItem location : service.getOpenmrsMetadata(MetadataKind.LOCATIONS)) {
            names.put(location.getUuid(), location.getName());
        }
        return names;
    }
}
