package org.openmrs.module.dhis2sync.dhis2;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The result of one import call, whatever the API generation: one {@link ObjectResult} per object sent (nested
 * enrollments and events included), keyed by type and UID, and totals.
 */
public final class ImportResult {

    private final List<ObjectResult> results;
    private final Map<String, ObjectResult> byKey;

    public ImportResult(List<ObjectResult> results) {
        Map<String, ObjectResult> index = new LinkedHashMap<>();
        for (ObjectResult result : results) {
            // a later verdict on the same object (e.g. after a resend) replaces the earlier one
            index.put(key(result.getType(), result.getUid()), result);
        }
        this.byKey = Collections.unmodifiableMap(index);
        this.results = Collections.unmodifiableList(new ArrayList<>(index.values()));
    }

    public static ImportResult empty() {
        return new ImportResult(Collections.<ObjectResult>emptyList());
    }

    public List<ObjectResult> getResults() {
        return results;
    }

    /** The verdict on one object, or null when DHIS2 was not asked about it. */
    public ObjectResult resultFor(ObjectType type, String uid) {
        return byKey.get(key(type, uid));
    }

    public List<ObjectResult> errors() {
        List<ObjectResult> errors = new ArrayList<>();
        for (ObjectResult result : results) {
            if (result.getOutcome() == Outcome.ERROR) {
                errors.add(result);
            }
        }
        return errors;
    }

    public boolean hasErrors() {
        return !errors().isEmpty();
    }

    public int count(Outcome outcome) {
        int count = 0;
        for (ObjectResult result : results) {
            if (result.getOutcome() == outcome) {
                count++;
            }
        }
        return count;
    }

    public int count(ObjectType type, Outcome outcome) {
        int count = 0;
        for (ObjectResult result : results) {
            if (result.getType() == type && result.getOutcome() == outcome) {
                count++;
            }
        }
        return count;
    }

    /** Totals per outcome, every outcome present (zero when none). */
    public Map<Outcome, Integer> totals() {
        Map<Outcome, Integer> totals = new EnumMap<>(Outcome.class);
        for (Outcome outcome : Outcome.values()) {
            totals.put(outcome, count(outcome));
        }
        return totals;
    }

    public int total() {
        return results.size();
    }

    /** This result followed by another's (used when a batch is sent in parts). */
    public ImportResult plus(ImportResult other) {
        List<ObjectResult> all = new ArrayList<>(results);
        all.addAll(other.results);
        return new ImportResult(all);
    }

    private static String key(ObjectType type, String uid) {
        return type.name() + ":" + uid;
    }

    @Override
    public String toString() {
        return "ImportResult" + totals();
    }
}
