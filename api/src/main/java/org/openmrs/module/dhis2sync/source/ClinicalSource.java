package org.openmrs.module.dhis2sync.source;

import java.util.Date;
import java.util.List;

/**
 * The port through which the sync engine reads OpenMRS. Deltas are read in chunks: each {@code changed...}
 * call returns at most {@code limit} internal ids greater than {@code afterId}, ascending, so the caller walks
 * the delta without ever holding it whole; the matching {@code load...} call turns one chunk into records.
 * {@code since} null means "everything" (a mapping that never ran).
 */
public interface ClinicalSource {

    /**
     * Non-voided patients ever enrolled in the program (voided enrollments included) whose registration data
     * (person, names, identifiers, person attributes, addresses) was created, changed or voided after {@code since}.
     */
    List<Integer> changedPatientIds(String programUuid, Date since, int afterId, int limit);

    /** The patients of those ids, in the same order; an id that no longer resolves, or a voided patient, is left out. */
    List<PatientRecord> loadPatients(List<Integer> patientIds);

    /**
     * The program's PatientPrograms (voided included) created, changed or voided after {@code since}, and those whose
     * patient was changed, voided or unvoided after {@code since} (see {@link EnrollmentRecord#isVoided()}).
     */
    List<Integer> changedEnrollmentIds(String programUuid, Date since, int afterId, int limit);

    List<EnrollmentRecord> loadEnrollments(List<Integer> patientProgramIds);

    /** Every enrollment (voided included) of one patient in the program, oldest first. */
    List<EnrollmentRecord> enrollmentsOfPatient(String patientUuid, String programUuid);

    /**
     * {@link #enrollmentsOfPatient} of each of the patients, by patient uuid (a patient without any maps to an empty
     * list): a source reading a database answers a chunk's patients at once.
     */
    default java.util.Map<String, List<EnrollmentRecord>> enrollmentsOfPatients(java.util.Collection<String> patientUuids,
            String programUuid) {
        java.util.Map<String, List<EnrollmentRecord>> enrollments = new java.util.LinkedHashMap<>();
        for (String patientUuid : patientUuids) {
            enrollments.put(patientUuid, enrollmentsOfPatient(patientUuid, programUuid));
        }
        return enrollments;
    }

    /**
     * Non-voided encounters of patients enrolled in the program that any of the feeds select, whose encounter or
     * obs were created, changed or voided after {@code since}.
     */
    List<Integer> changedEncounterIds(String programUuid, List<EncounterFeed> feeds, Date since, int afterId,
            int limit);

    List<EncounterRecord> loadEncounters(List<Integer> encounterIds);

    /**
     * Uuids of the encounters of patients ever enrolled in the program that are voided and were voided after
     * {@code since} (every voided one when null), ascending, at most {@code limit} after {@code afterUuid} (null
     * for the first page).
     */
    List<String> voidedEncounterUuids(String programUuid, Date since, String afterUuid, int limit);

    /**
     * Uuids of the program's PatientPrograms that are voided, or whose patient is, voided after {@code since}; paged
     * as {@link #voidedEncounterUuids}.
     */
    List<String> voidedEnrollmentUuids(String programUuid, Date since, String afterUuid, int limit);

    /**
     * Uuids of the patients ever enrolled in the program that are voided (patient or person), voided after
     * {@code since}; paged as {@link #voidedEncounterUuids}. OpenMRS voids the non-preferred patient of a merge.
     */
    List<String> voidedPatientUuids(String programUuid, Date since, String afterUuid, int limit);

    /** Records by uuid, for retrying earlier failures; a uuid that no longer resolves (or a voided patient) is left out. */
    List<PatientRecord> loadPatientsByUuid(List<String> patientUuids);

    List<EnrollmentRecord> loadEnrollmentsByUuid(List<String> patientProgramUuids);

    List<EncounterRecord> loadEncountersByUuid(List<String> encounterUuids);

    /**
     * The non-voided encounters of one patient that the feeds select, dated between {@code from} and
     * {@code to} (inclusive dates; {@code to} null = open), for sending an enrollment with all its events.
     */
    List<Integer> encounterIdsOfPatient(String patientUuid, List<EncounterFeed> feeds, java.time.LocalDate from,
            java.time.LocalDate to);

    /**
     * {@link #encounterIdsOfPatient} of each window, in the order asked: a source reading a database answers a
     * chunk's windows in one transaction.
     */
    default List<List<Integer>> encounterIdsOfPatients(List<EncounterWindow> windows, List<EncounterFeed> feeds) {
        List<List<Integer>> ids = new java.util.ArrayList<>();
        for (EncounterWindow window : windows) {
            ids.add(encounterIdsOfPatient(window.getPatientUuid(), feeds, window.getFrom(), window.getTo()));
        }
        return ids;
    }
}
