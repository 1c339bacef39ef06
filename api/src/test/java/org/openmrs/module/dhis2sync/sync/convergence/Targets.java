package org.openmrs.module.dhis2sync.sync.convergence;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * How a step chooses what it acts on, among what exists when it is applied (patients and their records not voided,
 * unless said), and publishes it to the in-memory OpenMRS after acting; null when there is nothing to act on.
 */
final class Targets {

    private Targets() {
    }

    interface Action<T> {
        String on(T target);
    }

    interface ObsAction {
        String on(Clinic.Encounter encounter, Clinic.Obs obs);
    }

    static String onPatient(Clinic clinic, Random random, Predicate<Clinic.Patient> eligible,
            Action<Clinic.Patient> action) {
        Clinic.Patient patient = pick(new ArrayList<>(clinic.patients.values()), p -> !p.voided && eligible.test(p),
                random);
        if (patient == null) {
            return null;
        }
        String text = action.on(patient);
        clinic.publish(patient);
        return text;
    }

    /** Something about a patient that is not registration data (an enrollment, a visit). */
    static String withPatient(Clinic clinic, Random random, Predicate<Clinic.Patient> eligible,
            Action<Clinic.Patient> action) {
        Clinic.Patient patient = pick(new ArrayList<>(clinic.patients.values()), p -> !p.voided && eligible.test(p),
                random);
        return patient == null ? null : action.on(patient);
    }

    static String onEncounter(Clinic clinic, Random random, Predicate<Clinic.Encounter> eligible,
            Action<Clinic.Encounter> action) {
        Clinic.Encounter encounter = pick(new ArrayList<>(clinic.encounters.values()), e -> !e.voided && eligible.test(e),
                random);
        if (encounter == null) {
            return null;
        }
        String text = action.on(encounter);
        clinic.publish(encounter);
        return text;
    }

    static String onEnrollment(Clinic clinic, Random random, Predicate<Clinic.Enrollment> eligible,
            Action<Clinic.Enrollment> action) {
        Clinic.Enrollment enrollment = pick(new ArrayList<>(clinic.enrollments.values()),
                e -> !clinic.patients.get(e.patient).voided && eligible.test(e), random);
        if (enrollment == null) {
            return null;
        }
        String text = action.on(enrollment);
        clinic.publish(enrollment);
        return text;
    }

    /** Among all visits, voided ones included. */
    static String onAnyEncounter(Clinic clinic, Random random, Predicate<Clinic.Encounter> eligible,
            Action<Clinic.Encounter> action) {
        Clinic.Encounter encounter = pick(new ArrayList<>(clinic.encounters.values()),
                e -> !clinic.patients.get(e.patient).voided && eligible.test(e), random);
        if (encounter == null) {
            return null;
        }
        String text = action.on(encounter);
        clinic.publish(encounter);
        return text;
    }

    static String onObs(Clinic clinic, Random random, Predicate<Clinic.Obs> eligible, ObsAction action) {
        return onEncounter(clinic, random, e -> e.liveObs().stream().anyMatch(eligible), e -> {
            List<Clinic.Obs> candidates = e.liveObs().stream().filter(eligible).collect(Collectors.toList());
            return action.on(e, candidates.get(random.nextInt(candidates.size())));
        });
    }

    static <T> T pick(List<T> items, Predicate<T> eligible, Random random) {
        List<T> candidates = items.stream().filter(eligible).collect(Collectors.toList());
        return candidates.isEmpty() ? null : candidates.get(random.nextInt(candidates.size()));
    }

    static String pick(String[] names, Random random) {
        return names[random.nextInt(names.length)];
    }
}
