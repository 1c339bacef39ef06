package org.openmrs.module.dhis2sync.jobs;

/** How far a job is in one group: records looked at, of how many found so far. */
public final class JobCount {

    private final long done;
    private final long total;

    public JobCount(long done, long total) {
        this.done = done;
        this.total = Math.max(done, total);
    }

    public long getDone() {
        return done;
    }

    public long getTotal() {
        return total;
    }
}
