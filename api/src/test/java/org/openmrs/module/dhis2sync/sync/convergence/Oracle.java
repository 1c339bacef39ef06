package org.openmrs.module.dhis2sync.sync.convergence;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.openmrs.module.dhis2sync.sync.SyncHarness;

/**
 * What DHIS2 must hold after a successful run, projected from the clinic through the test mapping
 * ({@link SyncHarness#mapping(boolean)}, "open latest completed enrollment" No) by the README's rules, written here
 * without the engine's code:
 * <ul>
 * <li>a patient enrolled in the program (an enrollment not voided) is one tracked entity of type TetPerson01 in the
 * org unit of its registration location, with the attributes the mapping names that it has a value for: national id,
 * given name, family name, gender through the gender codes;</li>
 * <li>each enrollment not voided is one DHIS2 enrollment in the program, in its location's org unit, ACTIVE or
 * COMPLETED, enrolled on its date, completed on its date (where DHIS2 keeps the date sent);</li>
 * <li>each visit not voided whose date an enrollment covers (both ends included; the latest such) is one event of the
 * visit stage in that enrollment, COMPLETED, on the visit's date, in its location's org unit, with a data value per
 * mapped concept it holds an obs of (not voided): the weight as a number, the note as text, the result as its option
 * code; of several obs of one concept the most recent (obs datetime, then obs id);</li>
 * <li>such a visit holding obs (not voided) of the intake form is also an event of the intake stage, with the values
 * of those obs. A form cleared after it was sent leaves that event empty or deletes it: an intake event without
 * values is left out of the comparison ({@link Canonical#of}).</li>
 * <li>a voided enrollment that a successful run had sent is CANCELLED, without events; one voided before any successful
 * run sent it may be CANCELLED (without events) or absent. A patient whose every enrollment is voided keeps its tracked
 * entity if a successful run had sent it (it may have, or not, otherwise); a voided patient has no tracked entity.</li>
 * </ul>
 * Both sides are rendered as one canonical text (no UIDs: what each object holds and where it hangs), so a difference
 * reads as a diff.
 */
final class Oracle {

    private Oracle() {
    }

    /**
     * What DHIS2 may hold besides what it must: a voided enrollment, or the tracked entity of a patient whose every
     * enrollment is voided, that no successful run is known to have sent — a failed or partial run may have (then it
     * is CANCELLED, without events), or not. Keyed by the patient's national id (and the enrollment's date).
     */
    static final class Optional {
        final java.util.Set<String> trackedEntities = new java.util.HashSet<>();
        final java.util.Set<String> cancelledEnrollments = new java.util.HashSet<>();
    }

    /**
     * @param known the patients and enrollments a successful run has had to send so far (they are in DHIS2)
     * @param optional filled with what DHIS2 may hold besides
     */
    static String expected(Clinic clinic, World.Setup setup, java.util.Set<String> known, Optional optional) {
        List<String> entities = new ArrayList<>();
        for (Clinic.Patient patient : clinic.patients.values()) {
            List<Clinic.Enrollment> enrollments = new ArrayList<>();
            List<String> cancelled = new ArrayList<>();
            for (Clinic.Enrollment enrollment : clinic.enrollmentsOf(patient.uuid)) {
                if (!enrollment.voided) {
                    enrollments.add(enrollment);
                } else if (known.contains(enrollment.uuid)) {
                    cancelled.add(Canonical.enrollment(SyncHarness.PROGRAM, SyncHarness.ORG_UNIT, "CANCELLED",
                            enrollment.enrolled, null, List.of()));
                } else {
                    optional.cancelledEnrollments.add(patient.nationalId + "|" + enrollment.enrolled);
                }
            }
            if (patient.voided) {
                continue;
            }
            if (enrollments.isEmpty() && !known.contains(patient.uuid)) {
                optional.trackedEntities.add(patient.nationalId);
                continue;
            }
            Map<String, String> attributes = new TreeMap<>();
            put(attributes, "TeaNatIdNo1", patient.nationalId);
            put(attributes, "TeaFirstNm1", patient.given);
            put(attributes, "TeaLastNme1", patient.family);
            put(attributes, "TeaSexAttr1", genderCode(patient.gender));
            List<String> enrollmentTexts = new ArrayList<>();
            for (Clinic.Enrollment enrollment : enrollments) {
                List<String> events = new ArrayList<>();
                for (Clinic.Encounter encounter : clinic.encountersOf(patient.uuid)) {
                    if (!encounter.voided && covering(enrollments, encounter.date) == enrollment) {
                        events.add(Canonical.event(SyncHarness.STAGE, SyncHarness.ORG_UNIT, "COMPLETED",
                                encounter.date, dataValues(encounter.liveObs())));
                        List<Clinic.Obs> form = encounter.liveObs().stream().filter(o -> Clinic.FORM.equals(o.form))
                                .collect(java.util.stream.Collectors.toList());
                        if (!form.isEmpty()) {
                            events.add(Canonical.event(World.INTAKE_STAGE, SyncHarness.ORG_UNIT, "COMPLETED",
                                    encounter.date, dataValues(form)));
                        }
                    }
                }
                enrollmentTexts.add(Canonical.enrollment(SyncHarness.PROGRAM, SyncHarness.ORG_UNIT,
                        enrollment.completed == null ? "ACTIVE" : "COMPLETED", enrollment.enrolled,
                        setup.keepsCompletionDate() ? enrollment.completed : null, events));
            }
            enrollmentTexts.addAll(cancelled);
            entities.add(Canonical.trackedEntity("TetPerson01", SyncHarness.ORG_UNIT, attributes, enrollmentTexts));
        }
        return Canonical.dhis2(entities, List.of());
    }

    /** The patients and enrollments a successful run must have sent now (added to the known ones after it). */
    static java.util.Set<String> sentNow(Clinic clinic) {
        java.util.Set<String> sent = new java.util.HashSet<>();
        for (Clinic.Enrollment enrollment : clinic.enrollments.values()) {
            Clinic.Patient patient = clinic.patients.get(enrollment.patient);
            if (!enrollment.voided && !patient.voided) {
                sent.add(enrollment.uuid);
                sent.add(patient.uuid);
            }
        }
        return sent;
    }

    /** The latest enrollment (by date) whose dates cover the day. */
    private static Clinic.Enrollment covering(List<Clinic.Enrollment> enrollments, LocalDate date) {
        Clinic.Enrollment best = null;
        for (Clinic.Enrollment enrollment : enrollments) {
            if (enrollment.covers(date) && (best == null || !enrollment.enrolled.isBefore(best.enrolled))) {
                best = enrollment;
            }
        }
        return best;
    }

    /** Of several obs of one concept, the most recent (obs datetime, then id) gives the value (none is MULTI_TEXT). */
    private static Map<String, String> dataValues(List<Clinic.Obs> live) {
        Map<String, String> values = new TreeMap<>();
        List<Clinic.Obs> ordered = new ArrayList<>(live);
        ordered.sort(java.util.Comparator.comparing((Clinic.Obs o) -> o.observed).thenComparingInt(o -> o.id));
        for (Clinic.Obs obs : ordered) {
            if (obs.concept.equals(SyncHarness.WEIGHT)) {
                values.put("DeWeightKg1", obs.value);
            } else if (obs.concept.equals(SyncHarness.NOTE)) {
                values.put("DeNoteText1", obs.value);
            } else if (obs.concept.equals(SyncHarness.RESULT)) {
                values.put("DeResultOs1", obs.answer.equals(SyncHarness.POSITIVE) ? "POSITIVE"
                        : obs.answer.equals(SyncHarness.NEGATIVE) ? "NEGATIVE" : "(unmapped " + obs.value + ")");
            }
        }
        return values;
    }

    private static String genderCode(String gender) {
        if ("M".equals(gender)) {
            return "MALE";
        }
        return "F".equals(gender) ? "FEMALE" : gender;
    }

    private static void put(Map<String, String> map, String key, String value) {
        if (value != null && !value.trim().isEmpty()) {
            map.put(key, value);
        }
    }
}
