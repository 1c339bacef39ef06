package org.openmrs.module.dhis2sync.status;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.openmrs.module.dhis2sync.source.PatientSummary;

/** Where one patient stands with DHIS2: its tracked entity, and per mapping of its programs what was sent. */
public final class PatientSyncStatus {

    private final PatientSummary patient;
    private final SentRecord trackedEntity;
    private final List<MappingSyncStatus> mappings;

    /** @param trackedEntity null when the patient was never sent */
    public PatientSyncStatus(PatientSummary patient, SentRecord trackedEntity, List<MappingSyncStatus> mappings) {
        this.patient = patient;
        this.trackedEntity = trackedEntity;
        this.mappings = Collections.unmodifiableList(new ArrayList<>(mappings));
    }

    public PatientSummary getPatient() {
        return patient;
    }

    public SentRecord getTrackedEntity() {
        return trackedEntity;
    }

    public List<MappingSyncStatus> getMappings() {
        return mappings;
    }
}
