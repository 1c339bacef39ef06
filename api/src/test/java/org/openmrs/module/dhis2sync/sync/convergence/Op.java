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
    /**
     * Registered only (enrolled later by ENROLL; gated until main d2ff82d: a PENDING tracked entity of a patient
     * enrolled later was never sent again, seed 18).
     */
    REGISTER_ONLY(3, true, null),
    EDIT_NAME(3, true, null),
    EDIT_IDENTIFIER(2, true, null),
    EDIT_GENDER(2, true, null),
    /** Gender O, which the mapping has no code for: DHIS2 refuses the tracked entity (option set) until fixed. */
    REFUSED_GENDER(1, true, null),
    /** A patient voided (its visits with it): its tracked entity leaves DHIS2 (main 7d189b8, issue 13 point 5). */
    VOID_PATIENT(1, true, null),
    /** Two patients merged: the other's records go to the preferred one's tracked entity (main 7d189b8, point 5). */
    MERGE_PATIENTS(1, true, null),

    // ---- program enrollments
    ENROLL(6, true, null),
    /**
     * Enrolled again after the last enrollment was completed (was gated until main 406ac37: E1015 for ever after a
     * failed run, seed 2).
     */
    REENROLL(2, true, null),
    COMPLETE(3, true, null),
    /** The enrollment date corrected: visits enter or leave the enrollment (gated until main 06207d5: point 3). */
    CORRECT_ENROLLMENT_DATE(2, true, null),
    /** An enrollment voided: CANCELLED, its events deleted (main 7d189b8, points 5 and 7). */
    VOID_ENROLLMENT(1, true, null),
    UNVOID_ENROLLMENT(1, true, null),

    // ---- visits and obs
    RECORD_VISIT(8, true, null),
    EDIT_OBS(4, true, null),
    ADD_OBS(2, true, null),
    VOID_OBS(2, true, null),
    /** A coded answer the mapping has no option code for: the engine refuses that event until fixed. */
    UNMAPPED_ANSWER(1, true, null),
    /** A visit voided: its events deleted (gated until main 7d189b8: seed 4). */
    VOID_ENCOUNTER(1, true, null),
    UNVOID_ENCOUNTER(1, true, null),
    /** A Bahmni form filled in a visit: a second stage fed by the same encounter. */
    FILL_FORM(2, true, null),
    /** A Bahmni form cleared (its obs voided; gated until main 06207d5: point 4). */
    CLEAR_FORM(1, true, null),

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

    /** The weight, or the one {@code -Dconvergence.weights=OP:n,...} gives it (to aim a trial at some operations). */
    int weight() {
        for (String pair : System.getProperty("convergence.weights", "").split(",")) {
            String[] parts = pair.split(":");
            if (parts.length == 2 && parts[0].trim().equals(name())) {
                return Integer.parseInt(parts[1].trim());
            }
        }
        return weight;
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
