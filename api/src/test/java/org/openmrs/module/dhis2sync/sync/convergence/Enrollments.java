package org.openmrs.module.dhis2sync.sync.convergence;

import static org.openmrs.module.dhis2sync.sync.convergence.Step.FIRST_DAY;
import static org.openmrs.module.dhis2sync.sync.convergence.Step.LAST_DAY;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;

/** The enrollment operations of a history, kept within what OpenMRS allows (no overlapping enrollments). */
final class Enrollments {

    private Enrollments() {
    }

    /** OpenMRS allows no overlapping enrollments of one patient in one program: the last one must be completed. */
    static boolean enrollable(Clinic clinic, Clinic.Patient patient) {
        return clinic.enrollmentsOf(patient.uuid).stream().filter(e -> !e.voided)
                .allMatch(e -> e.completed != null && e.completed.isBefore(LAST_DAY.minusDays(40)));
    }

    static String enroll(Clinic clinic, Clinic.Patient patient, Random random) {
        LocalDate after = clinic.enrollmentsOf(patient.uuid).stream().filter(e -> !e.voided).map(e -> e.completed)
                .max(Comparator.naturalOrder()).orElse(null);
        LocalDate date = after == null ? FIRST_DAY.plusDays(random.nextInt(200)) : after.plusDays(1 + random.nextInt(40));
        Clinic.Enrollment enrollment = new Clinic.Enrollment(clinic.newUuid("enrollment"), patient.uuid);
        enrollment.enrolled = date;
        clinic.enrollments.put(enrollment.uuid, enrollment);
        clinic.publish(enrollment);
        return "enrolled " + patient.uuid + " on " + date + " (" + enrollment.uuid + ")";
    }

    /** Completed on or after its last visit (a visit after the completion date would leave it: CORRECT_ENROLLMENT_DATE). */
    static String complete(Clinic clinic, Random random) {
        List<Clinic.Enrollment> active = clinic.enrollments.values().stream().filter(e -> !e.voided && e.completed == null
                && !clinic.patients.get(e.patient).voided).collect(Collectors.toList());
        if (active.isEmpty()) {
            return null;
        }
        Clinic.Enrollment enrollment = active.get(random.nextInt(active.size()));
        LocalDate last = clinic.encountersOf(enrollment.patient).stream().filter(e -> !e.voided)
                .map(e -> e.date).filter(d -> !d.isBefore(enrollment.enrolled))
                .max(Comparator.naturalOrder()).orElse(enrollment.enrolled);
        LocalDate date = last.plusDays(random.nextInt(60));
        if (date.isAfter(LAST_DAY)) {
            date = LAST_DAY;
        }
        enrollment.completed = date;
        clinic.publish(enrollment);
        return "completed " + enrollment.uuid + " on " + date;
    }

    /**
     * The enrollment date moved (a typing error corrected), never across the previous enrollment's completion nor
     * past its own completion or the next enrollment's start (OpenMRS refuses overlapping enrollments).
     */
    static String correctEnrollmentDate(Clinic clinic, Random random) {
        List<Clinic.Enrollment> live = clinic.enrollments.values().stream()
                .filter(e -> !e.voided && !clinic.patients.get(e.patient).voided).collect(Collectors.toList());
        if (live.isEmpty()) {
            return null;
        }
        Clinic.Enrollment enrollment = live.get(random.nextInt(live.size()));
        LocalDate earliest = clinic.enrollmentsOf(enrollment.patient).stream()
                .filter(e -> !e.voided && e != enrollment && e.completed != null && e.completed.isBefore(enrollment.enrolled))
                .map(e -> e.completed.plusDays(1)).max(Comparator.naturalOrder()).orElse(FIRST_DAY);
        LocalDate latest = enrollment.completed != null ? enrollment.completed : LAST_DAY;
        LocalDate date = enrollment.enrolled.plusDays(random.nextInt(121) - 60);
        date = date.isBefore(earliest) ? earliest : date.isAfter(latest) ? latest : date;
        if (date.equals(enrollment.enrolled)) {
            return null;
        }
        LocalDate old = enrollment.enrolled;
        enrollment.enrolled = date;
        clinic.publish(enrollment);
        return "enrollment date of " + enrollment.uuid + " corrected: " + old + " -> " + date;
    }

    /**
     * Two patients merged (the second into the first), when OpenMRS would keep the preferred patient's enrollments
     * apart: none of the two patients' live enrollments overlap another.
     */
    static String merge(Clinic clinic, Random random) {
        List<Clinic.Patient> live = clinic.patients.values().stream().filter(p -> !p.voided).collect(Collectors.toList());
        if (live.size() < 2) {
            return null;
        }
        Clinic.Patient preferred = live.get(random.nextInt(live.size()));
        live.remove(preferred);
        Clinic.Patient other = live.get(random.nextInt(live.size()));
        List<Clinic.Enrollment> together = new ArrayList<>();
        together.addAll(clinic.enrollmentsOf(preferred.uuid));
        together.addAll(clinic.enrollmentsOf(other.uuid));
        together.removeIf(e -> e.voided);
        for (Clinic.Enrollment a : together) {
            for (Clinic.Enrollment b : together) {
                if (a != b && overlap(a, b)) {
                    return null;
                }
            }
        }
        clinic.merge(preferred, other);
        return "patient " + other.uuid + " merged into " + preferred.uuid;
    }

    static boolean overlap(Clinic.Enrollment a, Clinic.Enrollment b) {
        LocalDate aEnd = a.completed == null ? LocalDate.MAX : a.completed;
        LocalDate bEnd = b.completed == null ? LocalDate.MAX : b.completed;
        return !a.enrolled.isAfter(bEnd) && !b.enrolled.isAfter(aEnd);
    }

    /** Whether unvoiding would overlap a live enrollment of the patient (OpenMRS refuses overlapping ones). */
    static boolean overlapsLive(Clinic clinic, Clinic.Enrollment voided) {
        return clinic.enrollmentsOf(voided.patient).stream().filter(e -> !e.voided && e != voided)
                .anyMatch(e -> overlap(e, voided));
    }

}
