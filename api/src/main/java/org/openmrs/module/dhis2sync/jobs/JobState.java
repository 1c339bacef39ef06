package org.openmrs.module.dhis2sync.jobs;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A job as a polling request sees it: identity, who started it and why, where it stands, its counts so far. */
public final class JobState {

    private final String jobId;
    private final JobKind kind;
    private final String mappingUuid;
    private final String mappingName;
    private final String startedBy;
    private final String reason;
    private final JobStatus status;
    private final String phase;
    private final Date startDate;
    private final Date endDate;
    private final Map<String, JobCount> progress;
    private final Map<String, Map<String, Long>> summary;
    private final long records;
    private final long problems;
    private final List<String> notes;
    private final String message;

    JobState(Builder b) {
        this.jobId = b.jobId;
        this.kind = b.kind;
        this.mappingUuid = b.mappingUuid;
        this.mappingName = b.mappingName;
        this.startedBy = b.startedBy;
        this.reason = b.reason;
        this.status = b.status;
        this.phase = b.phase;
        this.startDate = b.startDate;
        this.endDate = b.endDate;
        this.progress = Collections.unmodifiableMap(new LinkedHashMap<>(b.progress));
        this.summary = b.summary;
        this.records = b.records;
        this.problems = b.problems;
        this.notes = Collections.unmodifiableList(new ArrayList<>(b.notes));
        this.message = b.message;
    }

    public String getJobId() {
        return jobId;
    }

    public JobKind getKind() {
        return kind;
    }

    public String getMappingUuid() {
        return mappingUuid;
    }

    public String getMappingName() {
        return mappingName;
    }

    /** The OpenMRS user who started the job. */
    public String getStartedBy() {
        return startedBy;
    }

    /** Why, as the user said it (may be null). */
    public String getReason() {
        return reason;
    }

    public JobStatus getStatus() {
        return status;
    }

    public String getPhase() {
        return phase;
    }

    public Date getStartDate() {
        return startDate;
    }

    /** Null while running. */
    public Date getEndDate() {
        return endDate;
    }

    /** Per group: records looked at of those found so far. */
    public Map<String, JobCount> getProgress() {
        return progress;
    }

    /** 0–100: records looked at over records found; 100 once finished. */
    public int getPercent() {
        if (status.isFinished()) {
            return 100;
        }
        long done = 0;
        long total = 0;
        for (JobCount count : progress.values()) {
            done += count.getDone();
            total += count.getTotal();
        }
        return total == 0 ? 0 : (int) Math.min(99, done * 100 / total);
    }

    /** Per group, per tag (problems under {@link JobRecord#PROBLEM}): records so far. */
    public Map<String, Map<String, Long>> getSummary() {
        return summary;
    }

    public long getRecords() {
        return records;
    }

    public long getProblems() {
        return problems;
    }

    /** What the result covers and does not, one sentence each. */
    public List<String> getNotes() {
        return notes;
    }

    /** Why the job failed, or that it was cancelled; else null. */
    public String getMessage() {
        return message;
    }

    static final class Builder {
        String jobId;
        JobKind kind;
        String mappingUuid;
        String mappingName;
        String startedBy;
        String reason;
        JobStatus status;
        String phase;
        Date startDate;
        Date endDate;
        Map<String, JobCount> progress = Collections.emptyMap();
        Map<String, Map<String, Long>> summary = Collections.emptyMap();
        long records;
        long problems;
        List<String> notes = Collections.emptyList();
        String message;
    }
}
