package org.openmrs.module.dhis2sync.sync;

/** Created / updated / failed counts of one category, at one moment of a run. */
public final class CategoryCounts {

    private final int created;
    private final int updated;
    private final int failed;

    public CategoryCounts(int created, int updated, int failed) {
        this.created = created;
        this.updated = updated;
        this.failed = failed;
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

    public int getDone() {
        return created + updated + failed;
    }
}
