package org.openmrs.module.dhis2sync.names;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.openmrs.module.dhis2sync.mapping.MappingConfig;
import org.openmrs.module.dhis2sync.mapping.StageMapping;

/**
 * What a screen needs of a mapping to name its records, for users who may not read the mapping itself (log
 * viewers): its programs, and which stage each feed sends to (an event is named by its stage).
 */
public final class MappingOutline {

    private final String name;
    private final String openmrsProgramUuid;
    private final String dhis2ProgramUid;
    private final List<Stage> stages;

    private MappingOutline(MappingConfig config) {
        this.name = config.getName();
        this.openmrsProgramUuid = config.getOpenmrsProgramUuid();
        this.dhis2ProgramUid = config.getDhis2ProgramUid();
        List<Stage> list = new ArrayList<>();
        for (StageMapping stage : config.getEvents()) {
            list.add(new Stage(stage.getProgramStageUid(), stage.getFeed() == null ? null : stage.getFeed().getKind().name(),
                    stage.getFeed() == null ? null : stage.getFeed().getReference()));
        }
        this.stages = Collections.unmodifiableList(list);
    }

    public static MappingOutline of(MappingConfig config) {
        return new MappingOutline(config);
    }

    public String getName() {
        return name;
    }

    public String getOpenmrsProgramUuid() {
        return openmrsProgramUuid;
    }

    public String getDhis2ProgramUid() {
        return dhis2ProgramUid;
    }

    public List<Stage> getStages() {
        return stages;
    }

    /** A program stage and what feeds it (ENCOUNTER_TYPE, FORM or CONCEPT_SET, and its uuid or form name). */
    public static final class Stage {
        private final String programStageUid;
        private final String feedKind;
        private final String feedReference;

        Stage(String programStageUid, String feedKind, String feedReference) {
            this.programStageUid = programStageUid;
            this.feedKind = feedKind;
            this.feedReference = feedReference;
        }

        public String getProgramStageUid() {
            return programStageUid;
        }

        public String getFeedKind() {
            return feedKind;
        }

        public String getFeedReference() {
            return feedReference;
        }
    }
}
