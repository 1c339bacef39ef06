package org.openmrs.module.dhis2sync.sync.convergence;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.openmrs.module.dhis2sync.source.EncounterRecord;
import org.openmrs.module.dhis2sync.source.EnrollmentRecord;
import org.openmrs.module.dhis2sync.source.ObsValue;
import org.openmrs.module.dhis2sync.source.PatientRecord;
import org.openmrs.module.dhis2sync.sync.InMemoryClinicalSource;
import org.openmrs.module.dhis2sync.sync.SyncHarness;

/**
 * OpenMRS's state in the convergence test's own terms (what a clinic did), independent of the engine: patients,
 * program enrollments and visits with their obs, voided rows kept as OpenMRS keeps them. Every change is published to
 * the in-memory OpenMRS the engine reads, stamped with the clock's time, as OpenMRS stamps its rows.
 */
final class Clinic {

    static final String FORM = "Intake Form";

    static final class Patient {
        final String uuid;
        String nationalId;
        String given;
        String family;
        String gender;
        boolean voided;

        Patient(String uuid) {
            this.uuid = uuid;
        }
    }

    static final class Enrollment {
        final String uuid;
        final String patient;
        LocalDate enrolled;
        LocalDate completed;
        boolean voided;

        Enrollment(String uuid, String patient) {
            this.uuid = uuid;
            this.patient = patient;
        }

        boolean covers(LocalDate date) {
            return !voided && !date.isBefore(enrolled) && (completed == null || !date.isAfter(completed));
        }
    }

    static final class Obs {
        final int id;
        final String concept;
        final String value;
        final String answer;
        final String form;
        final LocalDateTime observed;
        boolean voided;

        Obs(int id, String concept, String value, String answer, String form, LocalDateTime observed) {
            this.id = id;
            this.concept = concept;
            this.value = value;
            this.answer = answer;
            this.form = form;
            this.observed = observed;
        }
    }

    static final class Encounter {
        final String uuid;
        /** Changes when a merge moves the encounter to the preferred patient. */
        String patient;
        final LocalDate date;
        boolean voided;
        final List<Obs> obs = new ArrayList<>();

        Encounter(String uuid, String patient, LocalDate date) {
            this.uuid = uuid;
            this.patient = patient;
            this.date = date;
        }

        List<Obs> liveObs() {
            return obs.stream().filter(o -> !o.voided).collect(Collectors.toList());
        }
    }

    final Map<String, Patient> patients = new LinkedHashMap<>();
    final Map<String, Enrollment> enrollments = new LinkedHashMap<>();
    final Map<String, Encounter> encounters = new LinkedHashMap<>();
    private final InMemoryClinicalSource openmrs;
    private final String prefix;
    private int counter;

    /** @param prefix makes this history's uuids its own */
    Clinic(InMemoryClinicalSource openmrs, String prefix) {
        this.openmrs = openmrs;
        this.prefix = prefix;
    }

    String newUuid(String kind) {
        return prefix + "-" + kind + "-" + (++counter);
    }

    int nextObsId() {
        return ++counter;
    }

    List<Enrollment> enrollmentsOf(String patient) {
        return enrollments.values().stream().filter(e -> e.patient.equals(patient)).collect(Collectors.toList());
    }

    List<Encounter> encountersOf(String patient) {
        return encounters.values().stream().filter(e -> e.patient.equals(patient)).collect(Collectors.toList());
    }

    /** {@code PatientService.voidPatient}: the patient and its encounters are voided. */
    void voidPatient(Patient patient) {
        patient.voided = true;
        for (Encounter encounter : encountersOf(patient.uuid)) {
            encounter.voided = true;
        }
        openmrs.voidPatient(patient.uuid);
    }

    /**
     * {@code PatientService.mergePatients}: the other patient's encounters move to the preferred one, its enrollments
     * not voided are copied to the preferred one (new uuids), and it is voided.
     */
    void merge(Patient preferred, Patient other) {
        String prefix = newUuid("merged") + "-";
        for (Encounter encounter : encountersOf(other.uuid)) {
            encounter.patient = preferred.uuid;
        }
        for (Enrollment enrollment : enrollmentsOf(other.uuid)) {
            if (!enrollment.voided) {
                Enrollment copy = new Enrollment(prefix + enrollment.uuid, preferred.uuid);
                copy.enrolled = enrollment.enrolled;
                copy.completed = enrollment.completed;
                enrollments.put(copy.uuid, copy);
            }
        }
        other.voided = true;
        openmrs.mergePatients(preferred.uuid, other.uuid, prefix);
    }

    // ---- publishing into the in-memory OpenMRS

    void publish(Patient patient) {
        Map<String, String> ids = new LinkedHashMap<>();
        if (patient.nationalId != null) {
            ids.put(SyncHarness.NATIONAL_ID_TYPE, patient.nationalId);
        }
        openmrs.putPatient(new PatientRecord(patient.uuid, patient.given, null, patient.family, patient.gender,
                LocalDate.of(1990, 5, 4), false, ids, Map.of(), Map.of(), SyncHarness.CLINIC));
    }

    void publish(Enrollment enrollment) {
        openmrs.putEnrollment(new EnrollmentRecord(enrollment.uuid, enrollment.patient, SyncHarness.PROGRAM_UUID,
                enrollment.enrolled, enrollment.completed, SyncHarness.CLINIC, enrollment.voided));
    }

    void publish(Encounter encounter) {
        List<ObsValue> live = new ArrayList<>();
        List<ObsValue> voided = new ArrayList<>();
        for (Obs obs : encounter.obs) {
            (obs.voided ? voided : live).add(value(obs));
        }
        EncounterRecord record = new EncounterRecord(encounter.uuid, encounter.patient, SyncHarness.VISIT_TYPE,
                encounter.date.atTime(10, 0), SyncHarness.CLINIC, null, live);
        openmrs.putEncounter(record, voided, encounter.voided);
    }

    private static ObsValue value(Obs obs) {
        ObsValue.Type type = obs.concept.equals(SyncHarness.WEIGHT) ? ObsValue.Type.NUMERIC
                : obs.concept.equals(SyncHarness.RESULT) ? ObsValue.Type.CODED : ObsValue.Type.TEXT;
        return new ObsValue(obs.concept, conceptName(obs.concept), type, obs.value, obs.answer, obs.form, List.of(),
                obs.observed, obs.id);
    }

    static String conceptName(String concept) {
        if (concept.equals(SyncHarness.WEIGHT)) {
            return "Weight";
        }
        return concept.equals(SyncHarness.RESULT) ? "HIV test result" : "Note";
    }
}
