package org.openmrs.module.dhis2sync.web;

import java.util.ArrayList;
import java.util.List;

import org.openmrs.module.dhis2sync.api.Dhis2SyncPrivileges;
import org.openmrs.module.dhis2sync.api.Dhis2SyncService;
import org.openmrs.module.dhis2sync.source.PatientSummary;
import org.openmrs.module.dhis2sync.status.MappingSyncStatus;
import org.openmrs.module.dhis2sync.status.PatientSyncStatus;
import org.openmrs.module.dhis2sync.status.SentRecord;
import org.openmrs.module.dhis2sync.sync.PendingRecord;
import org.openmrs.module.dhis2sync.tracking.FailedRecord;
import org.openmrs.module.dhis2sync.web.dto.ListBody;
import org.openmrs.module.dhis2sync.web.dto.PatientBody;
import org.openmrs.module.dhis2sync.web.dto.PatientStatusBody;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** One patient's sync status: find the patient, then what was sent, refused and is pending. */
@RestController("dhis2syncPatientsController")
@RequestMapping(WebPaths.BASE + "/patients")
public class PatientsController {

    static final int DEFAULT_LIMIT = 20;

    private final Dhis2SyncService service;
    private final RequestAuthorization authorization;
    private final RequestGuard guard;

    public PatientsController(Dhis2SyncService service, RequestAuthorization authorization) {
        this.service = service;
        this.authorization = authorization;
        this.guard = new RequestGuard(authorization);
    }

    @GetMapping
    public ListBody<PatientBody> find(@RequestParam(value = "q", required = false) String q,
            @RequestParam(value = "limit", required = false) Integer limit) {
        guard.read(Dhis2SyncPrivileges.VIEW_LOGS);
        List<PatientBody> found = new ArrayList<>();
        for (PatientSummary patient : service.findPatients(q, limit == null ? DEFAULT_LIMIT : limit)) {
            found.add(PatientBody.of(patient));
        }
        return ListBody.of(found);
    }

    @GetMapping("/{uuid:.+}/status")
    public PatientStatusBody status(@PathVariable("uuid") String uuid) {
        guard.read(Dhis2SyncPrivileges.VIEW_LOGS);
        PatientSyncStatus status = service.getPatientSyncStatus(Params.uuid("uuid", uuid));
        RecordNaming naming = new RecordNaming(service, authorization);
        for (MappingSyncStatus mapping : status.getMappings()) {
            for (SentRecord enrollment : mapping.getEnrollments()) {
                naming.add(enrollment.getCategory(), enrollment.getOpenmrsUuid());
            }
            for (SentRecord event : mapping.getEvents()) {
                naming.add(event.getCategory(), event.getOpenmrsUuid());
            }
            for (FailedRecord failure : mapping.getFailures()) {
                naming.add(failure.getCategory(), failure.getOpenmrsUuid());
            }
            for (PendingRecord pending : mapping.getPending()) {
                naming.add(pending.getCategory(), pending.getOpenmrsUuid());
            }
        }
        return PatientStatusBody.of(status, naming.names());
    }
}
