package org.openmrs.module.dhis2sync.source;

import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * The port through which the module names OpenMRS records for people (patients by name and identifier, enrollments
 * and encounters by what and when) and looks one patient up. Reads only, in chunks, without keeping OpenMRS objects
 * in the session. It does not check OpenMRS privileges: the service requires "Get Patients" before it calls.
 */
public interface PatientDirectory {

    /** The patients of those uuids, by uuid; unknown uuids are left out. */
    Map<String, PatientSummary> patients(Collection<String> patientUuids);

    /** The patient programs of those uuids (voided ones too), by uuid; unknown uuids are left out. */
    Map<String, EnrollmentSummary> enrollments(Collection<String> patientProgramUuids);

    /** The encounters of those uuids (voided ones too), by uuid; unknown uuids are left out. */
    Map<String, EncounterSummary> encounters(Collection<String> encounterUuids);

    /**
     * Non-voided patients with an identifier starting with the query, or with names each word of the query starts
     * one of (given, middle or family name), at most {@code limit}.
     */
    List<PatientSummary> search(String query, int limit);

    /** Every enrollment of the patient in any program (voided ones too), oldest first. */
    List<EnrollmentSummary> enrollmentsOf(String patientUuid);

    /** Every non-voided encounter of the patient, oldest first. */
    List<EncounterSummary> encountersOf(String patientUuid);

    /**
     * The clinical source seen through one patient: its deltas hold only that patient's records, so that the engine
     * can decide what a run would send of that patient alone (needs an open transaction, like the source).
     */
    ClinicalSource clinicalSourceOf(String patientUuid);
}
