package org.openmrs.module.dhis2sync.sync.convergence;

/**
 * Every operation a random history is made of, and the one place that says which are generated. An operation is
 * gated (off) while the engine is known to get it wrong; its note says why, and which seed and history showed it
 * (see STATUS-conv.txt). Runs ({@link #isRun()}) are the sync runs and their faults.
 */
enum Op {
    // ---- registration
    /** Registered and enrolled at once. */
    REGISTER(8, true, null),
    /** Registered only (enrolled later by ENROLL). */
    REGISTER_ONLY(3, false, "a patient synced before being enrolled, then enrolled: a run dying after its tracker row was"
            + " saved PENDING leaves it never sent again (seed 18; helper loss)"),
    EDIT_NAME(3, true, null),
    EDIT_IDENTIFIER(2, true, null),
    EDIT_GENDER(2, true, null),
    /** Gender O, which the mapping has no code for: DHIS2 refuses the tracked entity (option set) until fixed. */
    REFUSED_GENDER(1, true, null),
    VOID_PATIENT(1, false, "voided patient: its enrollments cancelled, events deleted (issue 13 point 5, helper wd)"),
    MERGE_PATIENTS(1, false, "merge: records move to the preferred patient's tracked entity (issue 13 point 5, helper wd)"),

    // ---- program enrollments
    ENROLL(6, true, null),
    /** Enrolled again after the last enrollment was completed. */
    REENROLL(2, false, "E1015 after a failed run: a tracked completed enrollment is re-sent ACTIVE first while the"
            + " patient's next enrollment is ACTIVE in DHIS2 (seed 2; EnrollmentStep.sendCompleted, helper loss)"),
    COMPLETE(3, true, null),
    CORRECT_ENROLLMENT_DATE(2, false, "enrollment date corrected: coverage of encounters (issue 13 point 3, helper loss)"),
    VOID_ENROLLMENT(1, false, "voided enrollment: CANCELLED, its events deleted (issue 13 points 5 and 7, helpers wd/loss)"),
    UNVOID_ENROLLMENT(1, false, "unvoided enrollment (after VOID_ENROLLMENT)"),

    // ---- visits and obs
    RECORD_VISIT(8, true, null),
    EDIT_OBS(4, true, null),
    ADD_OBS(2, true, null),
    VOID_OBS(2, true, null),
    /** A coded answer the mapping has no option code for: the engine refuses that event until fixed. */
    UNMAPPED_ANSWER(1, true, null),
    VOID_ENCOUNTER(1, false, "voided encounter: its events deleted (issue 13 point 5, helper wd)"),
    UNVOID_ENCOUNTER(1, false, "unvoided encounter (after VOID_ENCOUNTER)"),
    FILL_FORM(2, false, "a Bahmni form: a second stage fed by one encounter (issue 13 point 2, helper loss)"),
    CLEAR_FORM(1, false, "a cleared Bahmni form (issue 13 point 4, helper loss)"),

    // ---- the mapping
    CHANGE_MAPPING(1, false, "a mapping change applies only to records changed after it (issue 13 point 10, own issue)"),

    // ---- runs
    SYNC(10, true, null),
    /** DHIS2 answers 503 to everything: the run fails, nothing moves. */
    SYNC_OUTAGE(1, true, null),
    /** DHIS2 goes down (503) after some requests of the run. */
    SYNC_OUTAGE_MIDWAY(2, true, null),
    /** The run dies (an exception, as when OpenMRS is killed) at some read of OpenMRS. */
    SYNC_KILLED_IN_SOURCE(2, true, null),
    /** The run dies at some call to DHIS2, before sending it. */
    SYNC_KILLED_BEFORE_CALL(1, true, null),
    /** The run dies right after some call to DHIS2 went through, before its reply is used. */
    SYNC_KILLED_AFTER_CALL(2, true, null);

    final int weight;
    final boolean enabled;
    /** Why the operation is off, or null. */
    final String gate;

    Op(int weight, boolean enabled, String gate) {
        this.weight = weight;
        this.enabled = enabled;
        this.gate = gate;
    }

    boolean isRun() {
        return name().startsWith("SYNC");
    }

    /** Whether generated: on, or switched on for one trial by {@code -Dconvergence.ops=OP1,OP2}. */
    boolean generated() {
        String extra = System.getProperty("convergence.ops", "");
        for (String name : extra.split(",")) {
            if (name.trim().equals(name())) {
                return true;
            }
        }
        return enabled;
    }
}
