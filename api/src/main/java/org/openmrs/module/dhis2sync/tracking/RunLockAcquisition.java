package org.openmrs.module.dhis2sync.tracking;

/**
 * The outcome of one attempt to take a mapping's lock: taken (from nobody, from a holder that is known not to be
 * running, or from a holder whose heartbeat is stale), or refused because of the holder still there.
 */
public final class RunLockAcquisition {

    /** How the lock was taken, or why not. */
    public enum Outcome {
        /** No run held the mapping. */
        FREE,
        /** The holder was known not to be running (a previous life of this server): taken at once. */
        TAKEN_FROM_LEFT_RUN,
        /** The holder showed no sign of life since the stale limit: taken over. */
        TAKEN_FROM_STALE_RUN,
        /** The run asking already held it. */
        ALREADY_HELD,
        /** Another run holds it and may be going. */
        REFUSED
    }

    private final Outcome outcome;
    private final RunLock other;

    private RunLockAcquisition(Outcome outcome, RunLock other) {
        this.outcome = outcome;
        this.other = other;
    }

    static RunLockAcquisition of(Outcome outcome, RunLock other) {
        return new RunLockAcquisition(outcome, other);
    }

    public Outcome getOutcome() {
        return outcome;
    }

    public boolean isAcquired() {
        return outcome != Outcome.REFUSED;
    }

    /** The run whose lock was taken over (its run did not finish), else null. */
    public RunLock getReplaced() {
        return outcome == Outcome.TAKEN_FROM_LEFT_RUN || outcome == Outcome.TAKEN_FROM_STALE_RUN ? other : null;
    }

    /**
     * The run holding the lock when refused; null when the holder let it go between the attempt and this answer
     * (asking again then succeeds).
     */
    public RunLock getHolder() {
        return outcome == Outcome.REFUSED ? other : null;
    }

    @Override
    public String toString() {
        return outcome + (other == null ? "" : " " + other);
    }
}
