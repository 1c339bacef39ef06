package org.openmrs.module.dhis2sync.api;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.openmrs.module.dhis2sync.names.RecordNames;
import org.openmrs.module.dhis2sync.settings.SettingsStore;
import org.openmrs.module.dhis2sync.source.ConceptItem;
import org.openmrs.module.dhis2sync.source.EncounterSummary;
import org.openmrs.module.dhis2sync.source.EnrollmentSummary;
import org.openmrs.module.dhis2sync.source.MetadataItem;
import org.openmrs.module.dhis2sync.source.MetadataKind;
import org.openmrs.module.dhis2sync.source.PatientDirectory;
import org.openmrs.module.dhis2sync.source.PatientFieldItem;
import org.openmrs.module.dhis2sync.source.PatientSummary;
import org.openmrs.module.dhis2sync.source.SourceMetadata;
import org.openmrs.module.dhis2sync.status.PatientSyncStatus;
import org.openmrs.module.dhis2sync.status.PatientSyncStatusReader;

/**
 * What the pages look up in OpenMRS: its metadata for the mapping editor's pickers, and its patients, enrollments
 * and encounters by name and identifier — these only for a user who may read patients in OpenMRS
 * ({@link RecordReads#requirePatientReader()}).
 */
public class OpenmrsLookups {

    static final int MIN_CONCEPT_QUERY = 2;
    static final int MAX_CONCEPT_RESULTS = 100;
    static final int MAX_NAMED_RECORDS = 2000;
    static final int MIN_PATIENT_QUERY = 2;
    static final int MAX_PATIENT_RESULTS = 50;

    private final SourceMetadata openmrsMetadata;
    private final PatientDirectory patients;
    private final PatientSyncStatusReader patientStatus;
    private final SettingsStore settingsStore;
    private final CurrentUser currentUser;
    private final RecordReads recordReads;

    public OpenmrsLookups(SourceMetadata openmrsMetadata, PatientDirectory patients,
            PatientSyncStatusReader patientStatus, SettingsStore settingsStore, CurrentUser currentUser,
            RecordReads recordReads) {
        this.openmrsMetadata = openmrsMetadata;
        this.patients = patients;
        this.patientStatus = patientStatus;
        this.settingsStore = settingsStore;
        this.currentUser = currentUser;
        this.recordReads = recordReads;
    }

    public List<MetadataItem> metadata(MetadataKind kind) {
        if (kind == null) {
            throw new FieldException("kind", "must be one of " + MetadataKind.keys());
        }
        return openmrsMetadata.list(kind);
    }

    public List<ConceptItem> concepts(String nameQuery, int limit) {
        if (nameQuery == null || nameQuery.trim().length() < MIN_CONCEPT_QUERY) {
            throw new FieldException("q", "type at least " + MIN_CONCEPT_QUERY + " characters of the concept's name");
        }
        if (limit < 1 || limit > MAX_CONCEPT_RESULTS) {
            throw new FieldException("limit", "must be from 1 to " + MAX_CONCEPT_RESULTS + ", was " + limit);
        }
        return openmrsMetadata.concepts(nameQuery.trim(), limit);
    }

    public List<PatientFieldItem> patientFields() {
        return openmrsMetadata.patientFields();
    }

    /** The records named by uuid, with the patients of the enrollments and encounters named too. */
    public RecordNames recordNames(Collection<String> patientUuids, Collection<String> enrollmentUuids,
            Collection<String> encounterUuids) {
        recordReads.requirePatientReader();
        int asked = size(patientUuids) + size(enrollmentUuids) + size(encounterUuids);
        if (asked > MAX_NAMED_RECORDS) {
            throw new FieldException("uuids", "at most " + MAX_NAMED_RECORDS + " records can be named at once, "
                    + asked + " were asked");
        }
        Map<String, EnrollmentSummary> enrollments = size(enrollmentUuids) == 0
                ? new LinkedHashMap<String, EnrollmentSummary>() : patients.enrollments(enrollmentUuids);
        Map<String, EncounterSummary> encounters = size(encounterUuids) == 0
                ? new LinkedHashMap<String, EncounterSummary>() : patients.encounters(encounterUuids);
        Set<String> people = new LinkedHashSet<>();
        if (patientUuids != null) {
            people.addAll(patientUuids);
        }
        enrollments.values().forEach(enrollment -> people.add(enrollment.getPatientUuid()));
        encounters.values().forEach(encounter -> people.add(encounter.getPatientUuid()));
        Map<String, PatientSummary> named = people.isEmpty() ? new LinkedHashMap<String, PatientSummary>()
                : patients.patients(people);
        return new RecordNames(named, enrollments, encounters);
    }

    public List<PatientSummary> findPatients(String query, int limit) {
        recordReads.requirePatientReader();
        if (query == null || query.trim().length() < MIN_PATIENT_QUERY) {
            throw new FieldException("q", "type at least " + MIN_PATIENT_QUERY + " characters of an identifier or a"
                    + " name");
        }
        if (limit < 1 || limit > MAX_PATIENT_RESULTS) {
            throw new FieldException("limit", "must be from 1 to " + MAX_PATIENT_RESULTS + ", was " + limit);
        }
        return patients.search(query.trim(), limit);
    }

    public PatientSyncStatus patientSyncStatus(String patientUuid) {
        recordReads.requirePatientReader();
        PatientSyncStatus status = patientStatus.read(patientUuid, settingsStore.read(), currentUser.name());
        if (status == null) {
            throw new NotFoundException("patient", patientUuid);
        }
        return status;
    }

    private static int size(Collection<String> uuids) {
        return uuids == null ? 0 : uuids.size();
    }
}
