package org.openmrs.module.dhis2sync.reconcile;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.openmrs.module.dhis2sync.sync.RecordSelection;
import org.openmrs.module.dhis2sync.tracking.SyncCategory;

/**
 * What a reconcile finds, as it goes: the report's counts and (capped) list, and, whole, what a resend needs — the
 * missing records (whose UIDs are renewed) and every missing or different record to send again.
 */
final class Findings {

    private final Map<SyncCategory, Integer> checked = new EnumMap<>(SyncCategory.class);
    private final Map<DriftKind, Integer> counts = new EnumMap<>(DriftKind.class);
    private final List<Drift> listed = new ArrayList<>();
    private final List<Drift> missing = new ArrayList<>();
    private final Map<SyncCategory, Set<String>> toResend = new EnumMap<>(SyncCategory.class);

    Findings() {
        for (SyncCategory category : SyncCategory.values()) {
            checked.put(category, 0);
            toResend.put(category, new LinkedHashSet<String>());
        }
        for (DriftKind kind : DriftKind.values()) {
            counts.put(kind, 0);
        }
    }

    void checked(SyncCategory category) {
        checked.put(category, checked.get(category) + 1);
    }

    void found(Drift drift) {
        counts.put(drift.getKind(), counts.get(drift.getKind()) + 1);
        if (listed.size() < ReconcileReport.LIST_CAP) {
            listed.add(drift);
        }
        if (drift.getKind() == DriftKind.MISSING) {
            missing.add(drift);
        }
        if (drift.getKind() != DriftKind.EXTRA) {
            toResend.get(drift.getCategory()).add(drift.getOpenmrsUuid());
        }
    }

    int checkedCount(SyncCategory category) {
        return checked.get(category);
    }

    ReconcileReport report() {
        return new ReconcileReport(checked, counts, listed);
    }

    List<Drift> missing() {
        return Collections.unmodifiableList(missing);
    }

    /** The missing and different records, to be sent again. */
    RecordSelection resendSelection() {
        return new RecordSelection(toResend.get(SyncCategory.INSTANCE), toResend.get(SyncCategory.ENROLLMENT),
                toResend.get(SyncCategory.EVENT));
    }
}
