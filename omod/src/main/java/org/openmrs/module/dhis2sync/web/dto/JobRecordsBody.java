package org.openmrs.module.dhis2sync.web.dto;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.openmrs.module.dhis2sync.jobs.JobPage;

/**
 * A page of a job's records: {@code records} from {@code offset}; {@code kept} records match and can be paged of the
 * {@code counted} the job found ({@code truncated} when it found more than it keeps).
 */
public final class JobRecordsBody {

    private final String jobId;
    private final String category;
    private final boolean problems;
    private final int offset;
    private final int kept;
    private final long counted;
    private final List<Object> records;

    public JobRecordsBody(String jobId, String category, boolean problems, JobPage<?> page, List<?> records) {
        this.jobId = jobId;
        this.category = category;
        this.problems = problems;
        this.offset = page.getOffset();
        this.kept = page.getKept();
        this.counted = page.getCounted();
        this.records = Collections.unmodifiableList(new ArrayList<Object>(records));
    }

    public String getJobId() {
        return jobId;
    }

    public String getCategory() {
        return category;
    }

    public boolean isProblems() {
        return problems;
    }

    public int getOffset() {
        return offset;
    }

    public int getKept() {
        return kept;
    }

    public long getCounted() {
        return counted;
    }

    public boolean isTruncated() {
        return counted > kept;
    }

    public List<Object> getRecords() {
        return records;
    }
}
