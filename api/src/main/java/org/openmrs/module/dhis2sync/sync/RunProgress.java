package org.openmrs.module.dhis2sync.sync;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

import org.openmrs.module.dhis2sync.tracking.SyncCategory;

/** A snapshot of a run: its phase and the counts so far per category. */
public final class RunProgress {

    private final String phase;
    private final Map<SyncCategory, CategoryCounts> counts;
    private final int ambiguous;

    public RunProgress(String phase, Map<SyncCategory, CategoryCounts> counts, int ambiguous) {
        this.phase = phase;
        this.counts = Collections.unmodifiableMap(new EnumMap<>(counts));
        this.ambiguous = ambiguous;
    }

    public String getPhase() {
        return phase;
    }

    public Map<SyncCategory, CategoryCounts> getCounts() {
        return counts;
    }

    public CategoryCounts get(SyncCategory category) {
        CategoryCounts c = counts.get(category);
        return c == null ? new CategoryCounts(0, 0, 0) : c;
    }

    public int getAmbiguous() {
        return ambiguous;
    }

    public int getFailed() {
        int failed = 0;
        for (CategoryCounts c : counts.values()) {
            failed += c.getFailed();
        }
        return failed;
    }
}
