package org.openmrs.module.dhis2sync.web.dto;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.openmrs.module.dhis2sync.names.RecordNames;
import org.openmrs.module.dhis2sync.status.MappingSyncStatus;
import org.openmrs.module.dhis2sync.status.PatientSyncStatus;
import org.openmrs.module.dhis2sync.status.SentRecord;
import org.openmrs.module.dhis2sync.tracking.FailedRecord;

/** Reply of {@code GET patients/{uuid}/status}: the patient, its tracked entity, and per mapping what was sent. */
public final class PatientStatusBody {

    private final PatientBody patient;
    private final SentBody trackedEntity;
    private final List<MappingStatus> mappings = new ArrayList<>();

    private PatientStatusBody(PatientSyncStatus status, RecordNames names) {
        this.patient = PatientBody.of(status.getPatient());
        this.trackedEntity = SentBody.of(status.getTrackedEntity(), names);
        for (MappingSyncStatus mapping : status.getMappings()) {
            mappings.add(new MappingStatus(mapping, names));
        }
    }

    public static PatientStatusBody of(PatientSyncStatus status, RecordNames names) {
        return new PatientStatusBody(status, names);
    }

    public PatientBody getPatient() {
        return patient;
    }

    public SentBody getTrackedEntity() {
        return trackedEntity;
    }

    public List<MappingStatus> getMappings() {
        return Collections.unmodifiableList(mappings);
    }

    /** The patient under one mapping. */
    public static final class MappingStatus {
        private final String mappingUuid;
        private final String mappingName;
        private final String dhis2ProgramUid;
        private final List<SentBody> enrollments = new ArrayList<>();
        private final List<SentBody> events = new ArrayList<>();
        private final List<FailureBody> failures = new ArrayList<>();
        private final List<PreviewBody.Record> pending;
        private final String pendingProblem;

        MappingStatus(MappingSyncStatus status, RecordNames names) {
            this.mappingUuid = status.getMappingUuid();
            this.mappingName = status.getMappingName();
            this.dhis2ProgramUid = status.getDhis2ProgramUid();
            for (SentRecord enrollment : status.getEnrollments()) {
                enrollments.add(SentBody.of(enrollment, names));
            }
            for (SentRecord event : status.getEvents()) {
                events.add(SentBody.of(event, names));
            }
            for (FailedRecord failure : status.getFailures()) {
                failures.add(FailureBody.of(failure, status.getMappingName(), names));
            }
            this.pending = PreviewBody.Record.of(status.getPending(), names);
            this.pendingProblem = status.getPendingProblem();
        }

        public String getMappingUuid() {
            return mappingUuid;
        }

        public String getMappingName() {
            return mappingName;
        }

        public String getDhis2ProgramUid() {
            return dhis2ProgramUid;
        }

        public List<SentBody> getEnrollments() {
            return Collections.unmodifiableList(enrollments);
        }

        public List<SentBody> getEvents() {
            return Collections.unmodifiableList(events);
        }

        /** DHIS2's last refusals of the patient's records, in DHIS2's words. */
        public List<FailureBody> getFailures() {
            return Collections.unmodifiableList(failures);
        }

        public List<PreviewBody.Record> getPending() {
            return Collections.unmodifiableList(pending);
        }

        public String getPendingProblem() {
            return pendingProblem;
        }
    }
}
