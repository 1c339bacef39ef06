package org.openmrs.module.dhis2sync.sync;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import org.openmrs.module.dhis2sync.dhis2.AttributeValue;
import org.openmrs.module.dhis2sync.dhis2.TrackedEntity;

/**
 * The seed's de-duplication of a patient that is not tracked yet (3.1.1): the tracked entities found by the
 * searchable attributes, narrowed by the comparable ones when there are several. No match or several → NEW;
 * exactly one → UPDATE that tracked entity.
 */
public final class InstanceMatch {

    public enum Outcome { NO_MATCH, ONE_MATCH, AMBIGUOUS }

    private final Outcome outcome;
    private final TrackedEntity match;
    private final List<String> candidateUids;

    private InstanceMatch(Outcome outcome, TrackedEntity match, List<String> candidateUids) {
        this.outcome = outcome;
        this.match = match;
        this.candidateUids = Collections.unmodifiableList(candidateUids);
    }

    /**
     * @param found tracked entities whose searchable attributes equal the patient's
     * @param comparableValues the patient's comparable attribute values (attribute UID → value)
     */
    public static InstanceMatch decide(List<TrackedEntity> found, Map<String, String> comparableValues) {
        List<TrackedEntity> candidates = found;
        if (candidates.size() > 1 && !comparableValues.isEmpty()) {
            candidates = new ArrayList<>();
            for (TrackedEntity entity : found) {
                if (agreesOn(entity, comparableValues)) {
                    candidates.add(entity);
                }
            }
        }
        List<String> uids = new ArrayList<>();
        for (TrackedEntity entity : candidates) {
            uids.add(entity.getUid());
        }
        if (candidates.size() == 1) {
            return new InstanceMatch(Outcome.ONE_MATCH, candidates.get(0), uids);
        }
        return new InstanceMatch(candidates.isEmpty() ? Outcome.NO_MATCH : Outcome.AMBIGUOUS, null, uids);
    }

    /** Whether the tracked entity holds every one of the values (DHIS2 compares attribute values case-insensitively). */
    static boolean agreesOn(TrackedEntity entity, Map<String, String> values) {
        for (Map.Entry<String, String> wanted : values.entrySet()) {
            String held = valueOf(entity, wanted.getKey());
            if (held == null || !held.equalsIgnoreCase(wanted.getValue())) {
                return false;
            }
        }
        return true;
    }

    static String valueOf(TrackedEntity entity, String attributeUid) {
        for (AttributeValue attribute : entity.getAttributes()) {
            if (attribute.getAttributeUid().equals(attributeUid)) {
                return attribute.getValue();
            }
        }
        return null;
    }

    public Outcome getOutcome() {
        return outcome;
    }

    /** The one tracked entity to update, for ONE_MATCH. */
    public TrackedEntity getMatch() {
        return match;
    }

    /** The UIDs left after narrowing: listed in the run's log for AMBIGUOUS. */
    public List<String> getCandidateUids() {
        return candidateUids;
    }
}
