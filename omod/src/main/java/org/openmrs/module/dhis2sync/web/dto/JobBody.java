package org.openmrs.module.dhis2sync.web.dto;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.openmrs.module.dhis2sync.jobs.JobCount;
import org.openmrs.module.dhis2sync.jobs.JobState;

/**
 * A background job going or finished: who started it and why, where it stands, per category the records looked at of
 * those found ({@code progress}) and the records so far per tag ({@code summary}: NEW, UPDATE, PROBLEM).
 */
public final class JobBody {

    private final JobState state;

    private JobBody(JobState state) {
        this.state = state;
    }

    public static JobBody of(JobState state) {
        return new JobBody(state);
    }

    public String getJobId() {
        return state.getJobId();
    }

    public String getKind() {
        return state.getKind().name();
    }

    public String getMappingUuid() {
        return state.getMappingUuid();
    }

    public String getMappingName() {
        return state.getMappingName();
    }

    public String getStartedBy() {
        return state.getStartedBy();
    }

    public String getReason() {
        return state.getReason();
    }

    public String getStatus() {
        return state.getStatus().name();
    }

    public String getPhase() {
        return state.getPhase();
    }

    public String getStartDate() {
        return Iso.moment(state.getStartDate());
    }

    public String getEndDate() {
        return Iso.moment(state.getEndDate());
    }

    public int getPercent() {
        return state.getPercent();
    }

    /** Per category: {"done","total"}. */
    public Map<String, Map<String, Long>> getProgress() {
        Map<String, Map<String, Long>> progress = new LinkedHashMap<>();
        for (Map.Entry<String, JobCount> entry : state.getProgress().entrySet()) {
            Map<String, Long> counts = new LinkedHashMap<>();
            counts.put("done", entry.getValue().getDone());
            counts.put("total", entry.getValue().getTotal());
            progress.put(entry.getKey(), counts);
        }
        return progress;
    }

    /** Per category, per tag (NEW, UPDATE, PROBLEM): records so far. */
    public Map<String, Map<String, Long>> getSummary() {
        return state.getSummary();
    }

    public long getRecords() {
        return state.getRecords();
    }

    public long getProblems() {
        return state.getProblems();
    }

    public List<String> getNotes() {
        return state.getNotes();
    }

    public String getMessage() {
        return state.getMessage();
    }
}
