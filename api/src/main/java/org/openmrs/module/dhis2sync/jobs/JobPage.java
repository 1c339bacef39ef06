package org.openmrs.module.dhis2sync.jobs;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A page of a job's records of one group (or of all): the records from {@code offset}; {@code kept} of the
 * {@code counted} records that match are kept in memory and can be paged.
 *
 * @param <T> the items' type
 */
public final class JobPage<T> {

    private final List<JobRecord<T>> records;
    private final int offset;
    private final int kept;
    private final long counted;

    public JobPage(List<JobRecord<T>> records, int offset, int kept, long counted) {
        this.records = Collections.unmodifiableList(new ArrayList<>(records));
        this.offset = offset;
        this.kept = kept;
        this.counted = counted;
    }

    public List<JobRecord<T>> getRecords() {
        return records;
    }

    public int getOffset() {
        return offset;
    }

    /** Matching records that can be paged. */
    public int getKept() {
        return kept;
    }

    /** Matching records the job counted, also those past its bounds. */
    public long getCounted() {
        return counted;
    }

    /** Whether the job counted more matching records than it kept. */
    public boolean isTruncated() {
        return counted > kept;
    }
}
