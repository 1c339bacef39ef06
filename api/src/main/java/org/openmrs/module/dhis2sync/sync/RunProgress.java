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
        return c == null ? new CategoryCounts(0, 0, 0, 0, 0) : c;
    }

    /**
     * How far the run is, 0–100: records looked at over records to look at. Each category's total is known only when
     * the run reaches it, so the figure can step back a little when a category starts.
     */
    public int getPercent() {
        if ("done".equals(phase)) {
            return 100;
        }
        long done = 0;
        long total = 0;
        for (CategoryCounts c : counts.values()) {
            done += c.getDone();
            total += c.getTotal();
        }
        return total == 0 ? 0 : (int) Math.min(99, done * 100 / total);
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
