package org.openmrs.module.dhis2sync.names;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import org.openmrs.module.dhis2sync.source.EncounterSummary;
import org.openmrs.module.dhis2sync.source.EnrollmentSummary;
import org.openmrs.module.dhis2sync.source.PatientSummary;

/**
 * OpenMRS records as people name them, by uuid: patients (name, preferred identifier), enrollments (program, date)
 * and encounters (type, moment); the patients of the enrollments and encounters are among the patients.
 */
public final class RecordNames {

    private final Map<String, PatientSummary> patients;
    private final Map<String, EnrollmentSummary> enrollments;
    private final Map<String, EncounterSummary> encounters;

    public RecordNames(Map<String, PatientSummary> patients, Map<String, EnrollmentSummary> enrollments,
            Map<String, EncounterSummary> encounters) {
        this.patients = Collections.unmodifiableMap(new LinkedHashMap<>(patients));
        this.enrollments = Collections.unmodifiableMap(new LinkedHashMap<>(enrollments));
        this.encounters = Collections.unmodifiableMap(new LinkedHashMap<>(encounters));
    }

    public Map<String, PatientSummary> getPatients() {
        return patients;
    }

    public Map<String, EnrollmentSummary> getEnrollments() {
        return enrollments;
    }

    public Map<String, EncounterSummary> getEncounters() {
        return encounters;
    }
}
