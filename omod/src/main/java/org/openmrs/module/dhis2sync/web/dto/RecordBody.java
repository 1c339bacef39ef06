package org.openmrs.module.dhis2sync.web.dto;

import org.openmrs.module.dhis2sync.names.RecordNames;
import org.openmrs.module.dhis2sync.source.EncounterSummary;
import org.openmrs.module.dhis2sync.source.EnrollmentSummary;
import org.openmrs.module.dhis2sync.tracking.SyncCategory;

/**
 * What an OpenMRS record is, for naming it: its patient (name, preferred identifier), and an enrollment's program
 * and date or an encounter's type and moment. The page words it ("HIV Testing enrollment of Jane Doe (NID-1),
 * 2024-01-05"); the uuid stays in the record it belongs to.
 */
public final class RecordBody {

    private final String patientUuid;
    private final String patientName;
    private final String patientIdentifier;
    private final String programName;
    private final String encounterTypeUuid;
    private final String encounterTypeName;
    private final String date;

    private RecordBody(String patientUuid, String patientName, String patientIdentifier, String programName,
            String encounterTypeUuid, String encounterTypeName, String date) {
        this.patientUuid = patientUuid;
        this.patientName = patientName;
        this.patientIdentifier = patientIdentifier;
        this.programName = programName;
        this.encounterTypeUuid = encounterTypeUuid;
        this.encounterTypeName = encounterTypeName;
        this.date = date;
    }

    /** @return null when names are not known (no names read, or the record is gone from OpenMRS) */
    public static RecordBody of(RecordNames names, SyncCategory category, String openmrsUuid) {
        if (names == null || category == null || openmrsUuid == null) {
            return null;
        }
        switch (category) {
            case INSTANCE:
                return patient(names, openmrsUuid, null, null, null, null);
            case ENROLLMENT:
                EnrollmentSummary enrollment = names.getEnrollments().get(openmrsUuid);
                return enrollment == null ? null : patient(names, enrollment.getPatientUuid(),
                        enrollment.getProgramName(), null, null, Iso.date(enrollment.getDateEnrolled()));
            default:
                EncounterSummary encounter = names.getEncounters().get(openmrsUuid);
                return encounter == null ? null : patient(names, encounter.getPatientUuid(), null,
                        encounter.getEncounterTypeUuid(), encounter.getEncounterTypeName(),
                        Iso.local(encounter.getEncounterDatetime()));
        }
    }

    private static RecordBody patient(RecordNames names, String patientUuid, String program,
            String encounterTypeUuid, String encounterType, String date) {
        org.openmrs.module.dhis2sync.source.PatientSummary patient = names.getPatients().get(patientUuid);
        if (patient == null && program == null && encounterType == null) {
            return null;
        }
        return new RecordBody(patientUuid, patient == null ? null : patient.getName(),
                patient == null ? null : patient.getIdentifier(), program, encounterTypeUuid, encounterType, date);
    }

    public String getPatientUuid() {
        return patientUuid;
    }

    public String getPatientName() {
        return patientName;
    }

    public String getPatientIdentifier() {
        return patientIdentifier;
    }

    public String getProgramName() {
        return programName;
    }

    public String getEncounterTypeUuid() {
        return encounterTypeUuid;
    }

    public String getEncounterTypeName() {
        return encounterTypeName;
    }

    /** The enrollment date (yyyy-MM-dd) or the encounter's moment (local, yyyy-MM-ddTHH:mm:ss). */
    public String getDate() {
        return date;
    }
}
