package org.openmrs.module.dhis2sync.reconcile;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.openmrs.module.dhis2sync.tracking.SyncCategory;

/**
 * What a reconcile of one mapping found: how many tracked records it compared per category, and the records on which
 * DHIS2 departs from OpenMRS (the list capped at {@value #LIST_CAP}; the counts are whole).
 */
public final class ReconcileReport {

    public static final int LIST_CAP = 2000;

    private final Map<SyncCategory, Integer> checked;
    private final Map<DriftKind, Integer> counts;
    private final List<Drift> drifts;

    public ReconcileReport(Map<SyncCategory, Integer> checked, Map<DriftKind, Integer> counts, List<Drift> drifts) {
        this.checked = Collections.unmodifiableMap(copy(checked, SyncCategory.class));
        this.counts = Collections.unmodifiableMap(copy(counts, DriftKind.class));
        this.drifts = Collections.unmodifiableList(new ArrayList<>(drifts));
    }

    private static <K extends Enum<K>> Map<K, Integer> copy(Map<K, Integer> map, Class<K> type) {
        Map<K, Integer> copy = new EnumMap<>(type);
        for (K key : type.getEnumConstants()) {
            Integer value = map == null ? null : map.get(key);
            copy.put(key, value == null ? 0 : value);
        }
        return copy;
    }

    /** Records compared, per category (the tracked ones OpenMRS still sends). */
    public Map<SyncCategory, Integer> getChecked() {
        return checked;
    }

    /** Records found, per kind of drift (all of them, also past the list's cap). */
    public Map<DriftKind, Integer> getCounts() {
        return counts;
    }

    public List<Drift> getDrifts() {
        return drifts;
    }

    public int count(DriftKind kind) {
        return counts.get(kind);
    }

    /** Whether DHIS2 holds everything OpenMRS says, as it says it (extra records aside: they are never changed). */
    public boolean isClean() {
        return count(DriftKind.MISSING) == 0 && count(DriftKind.DIFFERENT) == 0;
    }

    /** E.g. "2 missing, 1 different, 1 extra of 120 patients, 118 enrollments, 342 events compared". */
    public String summary() {
        return count(DriftKind.MISSING) + " missing, " + count(DriftKind.DIFFERENT) + " different, "
                + count(DriftKind.EXTRA) + " extra of " + checked.get(SyncCategory.INSTANCE) + " patients, "
                + checked.get(SyncCategory.ENROLLMENT) + " enrollments, " + checked.get(SyncCategory.EVENT)
                + " events compared";
    }
}
