package org.openmrs.module.dhis2sync.jobs;

import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/** One job: written by its thread through {@link JobContext}, read by polling requests through {@link #state()}. */
final class Job<T> implements JobContext<T> {

    static final int MAX_NOTES = 20;

    private final String jobId;
    private final JobKind kind;
    private final String mappingUuid;
    private final String mappingName;
    private final String startedBy;
    private final String reason;
    private final Date startDate;
    private final Supplier<Date> clock;
    private final JobRecords<T> records;
    private final Map<String, JobCount> progress = new LinkedHashMap<>();
    private final List<String> notes = new ArrayList<>();
    private volatile boolean cancelled;
    private JobStatus status = JobStatus.RUNNING;
    private String phase = "starting";
    private Date endDate;
    private String message;

    Job(String jobId, JobKind kind, String mappingUuid, String mappingName, String startedBy, String reason,
            Supplier<Date> clock, int keptPerGroup) {
        this.jobId = jobId;
        this.kind = kind;
        this.mappingUuid = mappingUuid;
        this.mappingName = mappingName;
        this.startedBy = startedBy;
        this.reason = reason;
        this.clock = clock;
        this.startDate = clock.get();
        this.records = new JobRecords<>(keptPerGroup);
    }

    String id() {
        return jobId;
    }

    JobKind kind() {
        return kind;
    }

    String mappingUuid() {
        return mappingUuid;
    }

    JobRecords<T> records() {
        return records;
    }

    @Override
    public synchronized void phase(String phase) {
        this.phase = phase;
    }

    @Override
    public synchronized void progress(String group, long done, long total) {
        progress.put(group, new JobCount(done, total));
    }

    @Override
    public void record(JobRecord<T> record) {
        records.add(record);
    }

    @Override
    public synchronized void note(String note) {
        if (notes.size() < MAX_NOTES && !notes.contains(note)) {
            notes.add(note);
        }
    }

    @Override
    public boolean isCancelled() {
        return cancelled;
    }

    void cancel() {
        cancelled = true;
    }

    synchronized boolean isRunning() {
        return status == JobStatus.RUNNING;
    }

    synchronized void finish(JobStatus outcome, String why) {
        status = outcome;
        message = why;
        endDate = clock.get();
        phase = outcome == JobStatus.DONE ? "done" : outcome.name().toLowerCase(java.util.Locale.ROOT);
    }

    JobState state() {
        JobState.Builder b = new JobState.Builder();
        b.summary = records.summary();
        b.records = records.count();
        b.problems = records.problemCount();
        synchronized (this) {
            b.jobId = jobId;
            b.kind = kind;
            b.mappingUuid = mappingUuid;
            b.mappingName = mappingName;
            b.startedBy = startedBy;
            b.reason = reason;
            b.status = status;
            b.phase = phase;
            b.startDate = startDate;
            b.endDate = endDate;
            b.progress = new LinkedHashMap<>(progress);
            b.notes = new ArrayList<>(notes);
            b.message = message;
        }
        return new JobState(b);
    }
}
