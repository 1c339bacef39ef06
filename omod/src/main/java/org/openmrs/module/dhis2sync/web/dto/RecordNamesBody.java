package org.openmrs.module.dhis2sync.web.dto;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import org.openmrs.module.dhis2sync.names.RecordNames;
import org.openmrs.module.dhis2sync.source.EncounterSummary;
import org.openmrs.module.dhis2sync.source.EnrollmentSummary;
import org.openmrs.module.dhis2sync.source.PatientSummary;

/** Reply of {@code POST names/records}: patients, enrollments and encounters by uuid. */
public final class RecordNamesBody {

    private final Map<String, PatientBody> patients = new LinkedHashMap<>();
    private final Map<String, Enrollment> enrollments = new LinkedHashMap<>();
    private final Map<String, Encounter> encounters = new LinkedHashMap<>();

    private RecordNamesBody(RecordNames names) {
        for (PatientSummary patient : names.getPatients().values()) {
            patients.put(patient.getUuid(), PatientBody.of(patient));
        }
        for (EnrollmentSummary enrollment : names.getEnrollments().values()) {
            enrollments.put(enrollment.getUuid(), new Enrollment(enrollment));
        }
        for (EncounterSummary encounter : names.getEncounters().values()) {
            encounters.put(encounter.getUuid(), new Encounter(encounter));
        }
    }

    public static RecordNamesBody of(RecordNames names) {
        return new RecordNamesBody(names);
    }

    public Map<String, PatientBody> getPatients() {
        return Collections.unmodifiableMap(patients);
    }

    public Map<String, Enrollment> getEnrollments() {
        return Collections.unmodifiableMap(enrollments);
    }

    public Map<String, Encounter> getEncounters() {
        return Collections.unmodifiableMap(encounters);
    }

    /** An enrollment: whose, in which program, from and to when. */
    public static final class Enrollment {
        private final String patientUuid;
        private final String programUuid;
        private final String programName;
        private final String dateEnrolled;
        private final String dateCompleted;

        Enrollment(EnrollmentSummary enrollment) {
            this.patientUuid = enrollment.getPatientUuid();
            this.programUuid = enrollment.getProgramUuid();
            this.programName = enrollment.getProgramName();
            this.dateEnrolled = Iso.date(enrollment.getDateEnrolled());
            this.dateCompleted = Iso.date(enrollment.getDateCompleted());
        }

        public String getPatientUuid() {
            return patientUuid;
        }

        public String getProgramUuid() {
            return programUuid;
        }

        public String getProgramName() {
            return programName;
        }

        public String getDateEnrolled() {
            return dateEnrolled;
        }

        public String getDateCompleted() {
            return dateCompleted;
        }
    }

    /** An encounter: whose, of which type, when (local time of OpenMRS). */
    public static final class Encounter {
        private final String patientUuid;
        private final String encounterTypeUuid;
        private final String encounterTypeName;
        private final String encounterDatetime;

        Encounter(EncounterSummary encounter) {
            this.patientUuid = encounter.getPatientUuid();
            this.encounterTypeUuid = encounter.getEncounterTypeUuid();
            this.encounterTypeName = encounter.getEncounterTypeName();
            this.encounterDatetime = Iso.local(encounter.getEncounterDatetime());
        }

        public String getPatientUuid() {
            return patientUuid;
        }

        public String getEncounterTypeUuid() {
            return encounterTypeUuid;
        }

        public String getEncounterTypeName() {
            return encounterTypeName;
        }

        public String getEncounterDatetime() {
            return encounterDatetime;
        }
    }
}
