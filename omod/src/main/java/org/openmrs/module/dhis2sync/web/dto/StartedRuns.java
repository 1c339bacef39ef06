package org.openmrs.module.dhis2sync.web.dto;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.openmrs.module.dhis2sync.sync.RunState;

/** {@code {"runs": [{"runId", "mappingUuid", "mappingName"}]}}: the runs a request started. */
public final class StartedRuns {

    private final List<Started> runs;

    private StartedRuns(List<RunState> states) {
        List<Started> list = new ArrayList<>();
        for (RunState state : states) {
            list.add(new Started(state.getRunId(), state.getMappingUuid(), state.getMappingName()));
        }
        this.runs = Collections.unmodifiableList(list);
    }

    public static StartedRuns of(List<RunState> states) {
        return new StartedRuns(states);
    }

    public static StartedRuns of(RunState state) {
        return new StartedRuns(Collections.singletonList(state));
    }

    public List<Started> getRuns() {
        return runs;
    }

    /** One started run. */
    public static final class Started {
        private final String runId;
        private final String mappingUuid;
        private final String mappingName;

        Started(String runId, String mappingUuid, String mappingName) {
            this.runId = runId;
            this.mappingUuid = mappingUuid;
            this.mappingName = mappingName;
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
    }
}
