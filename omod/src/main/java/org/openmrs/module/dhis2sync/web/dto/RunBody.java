package org.openmrs.module.dhis2sync.web.dto;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.openmrs.module.dhis2sync.sync.CategoryCounts;
import org.openmrs.module.dhis2sync.sync.RunProgress;
import org.openmrs.module.dhis2sync.sync.RunState;
import org.openmrs.module.dhis2sync.tracking.SyncCategory;
import org.openmrs.module.dhis2sync.tracking.SyncStatus;

/**
 * A run going or finished: phase, counts per category, the first error messages. A run does not know its totals
 * while it goes (that would cost a preview), so {@code percent} is given only once it has finished.
 */
public final class RunBody {

    private final String runId;
    private final String mappingUuid;
    private final String mappingName;
    private final String status;
    private final String phase;
    private final String startDate;
    private final String endDate;
    private final Map<String, Counts> counts;
    private final int ambiguous;
    private final Integer percent;
    private final List<String> errors;
    private final String statusInfo;

    private RunBody(RunState state) {
        RunProgress progress = state.getProgress();
        this.runId = state.getRunId();
        this.mappingUuid = state.getMappingUuid();
        this.mappingName = state.getMappingName();
        this.status = state.getStatus() == null ? null : state.getStatus().name();
        this.phase = progress == null ? null : progress.getPhase();
        this.startDate = Iso.moment(state.getStartDate());
        this.endDate = Iso.moment(state.getEndDate());
        Map<String, Counts> byCategory = new LinkedHashMap<>();
        for (SyncCategory category : SyncCategory.values()) {
            byCategory.put(category.name(), new Counts(progress == null ? new CategoryCounts(0, 0, 0)
                    : progress.get(category)));
        }
        this.counts = Collections.unmodifiableMap(byCategory);
        this.ambiguous = progress == null ? 0 : progress.getAmbiguous();
        this.percent = state.getStatus() == null || state.getStatus() == SyncStatus.RUNNING ? null : 100;
        this.errors = state.getErrors() == null ? Collections.<String>emptyList()
                : Collections.unmodifiableList(new ArrayList<>(state.getErrors()));
        this.statusInfo = state.getStatusInfo();
    }

    public static RunBody of(RunState state) {
        return new RunBody(state);
    }

    public String getRunId() {
        return runId;
    }

    public String getMappingUuid() {
        return mappingUuid;
    }

    public String getMappingName() {
        return mappingName;
    }

    public String getStatus() {
        return status;
    }

    public String getPhase() {
        return phase;
    }

    public String getStartDate() {
        return startDate;
    }

    public String getEndDate() {
        return endDate;
    }

    public Map<String, Counts> getCounts() {
        return counts;
    }

    public int getAmbiguous() {
        return ambiguous;
    }

    public Integer getPercent() {
        return percent;
    }

    public List<String> getErrors() {
        return errors;
    }

    public String getStatusInfo() {
        return statusInfo;
    }

    /** Created / updated / failed / done of one category. */
    public static final class Counts {
        private final int created;
        private final int updated;
        private final int failed;
        private final int done;

        Counts(CategoryCounts counts) {
            this.created = counts.getCreated();
            this.updated = counts.getUpdated();
            this.failed = counts.getFailed();
            this.done = counts.getDone();
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
            return done;
        }
    }
}
