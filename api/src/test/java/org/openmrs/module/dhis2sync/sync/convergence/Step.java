package org.openmrs.module.dhis2sync.sync.convergence;

import static org.openmrs.module.dhis2sync.sync.convergence.Enrollments.complete;
import static org.openmrs.module.dhis2sync.sync.convergence.Enrollments.correctEnrollmentDate;
import static org.openmrs.module.dhis2sync.sync.convergence.Enrollments.enroll;
import static org.openmrs.module.dhis2sync.sync.convergence.Enrollments.enrollable;
import static org.openmrs.module.dhis2sync.sync.convergence.Enrollments.merge;
import static org.openmrs.module.dhis2sync.sync.convergence.Enrollments.overlapsLive;
import static org.openmrs.module.dhis2sync.sync.convergence.Targets.onAnyEncounter;
import static org.openmrs.module.dhis2sync.sync.convergence.Targets.onEncounter;
import static org.openmrs.module.dhis2sync.sync.convergence.Targets.onEnrollment;
import static org.openmrs.module.dhis2sync.sync.convergence.Targets.onObs;
import static org.openmrs.module.dhis2sync.sync.convergence.Targets.onPatient;
import static org.openmrs.module.dhis2sync.sync.convergence.Targets.pick;
import static org.openmrs.module.dhis2sync.sync.convergence.Targets.withPatient;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;

import org.openmrs.module.dhis2sync.sync.SyncHarness;

/**
 * One step of a history: an operation and the seed of its own choices. The targets (which patient, which visit) are
 * chosen when the step is applied, among what exists then, so that any sub-list of a history is a history too (what
 * shrinking needs); a step with nothing to act on does nothing.
 */
record Step(Op op, long seed) {

    static final LocalDate FIRST_DAY = LocalDate.of(2025, 1, 1);
    static final LocalDate LAST_DAY = LocalDate.of(2025, 12, 31);
    private static final String[] GIVEN = {"Jane", "Amina", "Joseph", "Grace", "Peter", "Mary", "Ali", "Rose"};
    private static final String[] FAMILY = {"Doe", "Okello", "Mwangi", "Banda", "Phiri", "Moyo", "Juma"};

    static Step parse(String text) {
        int colon = text.indexOf(':');
        return new Step(Op.valueOf(text.substring(0, colon).trim()), Long.parseLong(text.substring(colon + 1).trim()));
    }

    @Override
    public String toString() {
        return op + ":" + seed;
    }

    /** Applies an OpenMRS operation; returns what it did, or null when it had nothing to act on. */
    String apply(Clinic clinic, World world) {
        Random random = new Random(seed);
        world.tick(Duration.ofMinutes(1 + random.nextInt(10)));
        switch (op) {
            case REGISTER:
                return register(clinic, random, true);
            case REGISTER_ONLY:
                return register(clinic, random, false);
            case EDIT_NAME:
                return onPatient(clinic, random, p -> true, p -> {
                    if (random.nextBoolean()) {
                        p.given = pick(GIVEN, random) + "-" + random.nextInt(100);
                    } else {
                        p.family = pick(FAMILY, random) + "-" + random.nextInt(100);
                    }
                    return "name of " + p.uuid + " now " + p.given + " " + p.family;
                });
            case EDIT_IDENTIFIER:
                return onPatient(clinic, random, p -> true, p -> {
                    p.nationalId = clinic.newUuid("NID");
                    return "national id of " + p.uuid + " now " + p.nationalId;
                });
            case EDIT_GENDER:
                return onPatient(clinic, random, p -> true, p -> {
                    p.gender = "M".equals(p.gender) ? "F" : "M";
                    return "gender of " + p.uuid + " now " + p.gender;
                });
            case REFUSED_GENDER:
                return onPatient(clinic, random, p -> !"O".equals(p.gender), p -> {
                    p.gender = "O";
                    return "gender of " + p.uuid + " now O (no DHIS2 code)";
                });
            case ENROLL:
                return withPatient(clinic, random, p -> clinic.enrollmentsOf(p.uuid).isEmpty(),
                        p -> enroll(clinic, p, random));
            case REENROLL:
                return withPatient(clinic, random, p -> !clinic.enrollmentsOf(p.uuid).isEmpty() && enrollable(clinic, p),
                        p -> enroll(clinic, p, random));
            case COMPLETE:
                return complete(clinic, random);
            case RECORD_VISIT:
                return recordVisit(clinic, random);
            case EDIT_OBS:
                return onObs(clinic, random, o -> true, (e, o) -> {
                    o.voided = true;
                    Clinic.Obs edited = newObs(clinic, o.concept, random, e);
                    e.obs.add(edited);
                    return "obs " + o.id + " of " + e.uuid + " edited: " + o.value + " -> " + edited.value;
                });
            case ADD_OBS:
                return onEncounter(clinic, random, e -> missingConcept(e) != null, e -> {
                    Clinic.Obs added = newObs(clinic, missingConcept(e), random, e);
                    e.obs.add(added);
                    return "obs " + Clinic.conceptName(added.concept) + "=" + added.value + " added to " + e.uuid;
                });
            case VOID_OBS:
                return onObs(clinic, random, o -> true, (e, o) -> {
                    o.voided = true;
                    return "obs " + o.id + " (" + Clinic.conceptName(o.concept) + "=" + o.value + ") of " + e.uuid
                            + " voided";
                });
            case UNMAPPED_ANSWER:
                return onEncounter(clinic, random, e -> true, e -> {
                    e.obs.stream().filter(o -> !o.voided && o.concept.equals(SyncHarness.RESULT))
                            .forEach(o -> o.voided = true);
                    e.obs.add(new Clinic.Obs(clinic.nextObsId(), SyncHarness.RESULT, "Indeterminate",
                            SyncHarness.INDETERMINATE, null, e.date.atTime(10, 0)));
                    return "result of " + e.uuid + " now Indeterminate (no option code)";
                });
            case VOID_PATIENT:
                return withPatient(clinic, random, p -> true, p -> {
                    clinic.voidPatient(p);
                    return "patient " + p.uuid + " voided (its visits with it)";
                });
            case MERGE_PATIENTS:
                return merge(clinic, random);
            case VOID_ENROLLMENT:
                return onEnrollment(clinic, random, e -> !e.voided, e -> {
                    e.voided = true;
                    return "enrollment " + e.uuid + " voided";
                });
            case UNVOID_ENROLLMENT:
                return onEnrollment(clinic, random, e -> e.voided && !overlapsLive(clinic, e), e -> {
                    e.voided = false;
                    return "enrollment " + e.uuid + " unvoided";
                });
            case VOID_ENCOUNTER:
                return onEncounter(clinic, random, e -> true, e -> {
                    e.voided = true;
                    return "visit " + e.uuid + " voided";
                });
            case UNVOID_ENCOUNTER:
                return onAnyEncounter(clinic, random, e -> e.voided, e -> {
                    e.voided = false;
                    return "visit " + e.uuid + " unvoided";
                });
            case CORRECT_ENROLLMENT_DATE:
                return correctEnrollmentDate(clinic, random);
            case FILL_FORM:
                return onEncounter(clinic, random, e -> true, e -> {
                    List<String> done = new ArrayList<>();
                    for (String concept : new String[] {SyncHarness.WEIGHT, SyncHarness.NOTE}) {
                        if (random.nextInt(10) < 7) {
                            e.obs.stream().filter(o -> !o.voided && Clinic.FORM.equals(o.form) && o.concept.equals(concept))
                                    .forEach(o -> o.voided = true);
                            Clinic.Obs filled = newObs(clinic, concept, random, e);
                            e.obs.add(new Clinic.Obs(filled.id, concept, filled.value, null, Clinic.FORM, filled.observed));
                            done.add(Clinic.conceptName(concept) + "=" + filled.value);
                        }
                    }
                    return "form of " + e.uuid + " filled: " + done;
                });
            case CLEAR_FORM:
                return onEncounter(clinic, random, e -> e.liveObs().stream().anyMatch(o -> Clinic.FORM.equals(o.form)), e -> {
                    e.obs.stream().filter(o -> Clinic.FORM.equals(o.form)).forEach(o -> o.voided = true);
                    return "form of " + e.uuid + " cleared (its obs voided)";
                });
            default:
                throw new IllegalStateException(op + " is not an OpenMRS operation (or not written yet)");
        }
    }

    private static String register(Clinic clinic, Random random, boolean enrolling) {
        Clinic.Patient patient = new Clinic.Patient(clinic.newUuid("patient"));
        patient.nationalId = clinic.newUuid("NID");
        patient.given = pick(GIVEN, random);
        patient.family = pick(FAMILY, random);
        patient.gender = random.nextBoolean() ? "M" : "F";
        clinic.patients.put(patient.uuid, patient);
        clinic.publish(patient);
        String text = "registered " + patient.uuid + " (" + patient.nationalId + ", " + patient.given + " "
                + patient.family + ", " + patient.gender + ")";
        if (enrolling) {
            text += "; " + enroll(clinic, patient, random);
        }
        return text;
    }

    private static String recordVisit(Clinic clinic, Random random) {
        return withPatient(clinic, random, p -> true, p -> {
            List<Clinic.Enrollment> enrollments = clinic.enrollmentsOf(p.uuid).stream().filter(e -> !e.voided)
                    .collect(Collectors.toList());
            LocalDate date;
            if (!enrollments.isEmpty() && random.nextInt(10) < 8) {
                Clinic.Enrollment latest = enrollments.get(enrollments.size() - 1);
                LocalDate end = latest.completed != null ? latest.completed : latest.enrolled.plusDays(120);
                int days = (int) (end.toEpochDay() - latest.enrolled.toEpochDay());
                date = latest.enrolled.plusDays(random.nextInt(days + 1));
            } else {
                date = FIRST_DAY.plusDays(random.nextInt(300));
            }
            if (date.isAfter(LAST_DAY)) {
                date = LAST_DAY;
            }
            Clinic.Encounter encounter = new Clinic.Encounter(clinic.newUuid("visit"), p.uuid, date);
            for (String concept : new String[] {SyncHarness.WEIGHT, SyncHarness.NOTE, SyncHarness.RESULT}) {
                if (random.nextInt(10) < 6) {
                    encounter.obs.add(newObs(clinic, concept, random, encounter));
                }
            }
            clinic.encounters.put(encounter.uuid, encounter);
            clinic.publish(encounter);
            return "visit " + encounter.uuid + " of " + p.uuid + " on " + date + " with " + encounter.obs.stream()
                    .map(o -> Clinic.conceptName(o.concept) + "=" + o.value).collect(Collectors.joining(", "));
        });
    }

    private static Clinic.Obs newObs(Clinic clinic, String concept, Random random, Clinic.Encounter encounter) {
        LocalDateTime observed = encounter.date.atTime(10, 0);
        int id = clinic.nextObsId();
        if (concept.equals(SyncHarness.WEIGHT)) {
            return new Clinic.Obs(id, concept, (40 + random.nextInt(50)) + (random.nextBoolean() ? ".5" : ""), null,
                    null, observed);
        }
        if (concept.equals(SyncHarness.RESULT)) {
            boolean positive = random.nextBoolean();
            return new Clinic.Obs(id, concept, positive ? "Positive" : "Negative",
                    positive ? SyncHarness.POSITIVE : SyncHarness.NEGATIVE, null, observed);
        }
        return new Clinic.Obs(id, concept, "note " + random.nextInt(1000), null, null, observed);
    }

    private static String missingConcept(Clinic.Encounter encounter) {
        for (String concept : new String[] {SyncHarness.WEIGHT, SyncHarness.NOTE, SyncHarness.RESULT}) {
            if (encounter.liveObs().stream().noneMatch(o -> o.concept.equals(concept))) {
                return concept;
            }
        }
        return null;
    }

}
