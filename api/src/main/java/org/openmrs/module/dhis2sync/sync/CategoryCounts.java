package org.openmrs.module.dhis2sync.sync;

/**
 * One category's counts at one moment of a run: records created, updated and failed in DHIS2, records looked at so far
 * (some need nothing sent, e.g. an encounter outside every enrollment) and the total the run found to look at.
 */
public final class CategoryCounts {

    private final int created;
    private final int updated;
    private final int failed;
    private final int processed;
    private final int total;

    public CategoryCounts(int created, int updated, int failed, int processed, int total) {
        this.created = created;
        this.updated = updated;
        this.failed = failed;
        this.processed = processed;
        this.total = total;
    }

    /** Counts of a finished run read back from its log row: only what the log keeps. */
    public static CategoryCounts logged(int created, int updated) {
        return new CategoryCounts(created, updated, 0, created + updated, created + updated);
    }

    public int getCreated() {
        return created;
    }

    public int getUpdated() {
        return updated;
    }

    public int getFailed() {
        return failed;
    }

    /** Records of this category looked at so far. */
    public int getDone() {
        return processed;
    }

    /** Records of this category the run has to look at; known once the run reached the category. */
    public int getTotal() {
        return total;
    }
}
