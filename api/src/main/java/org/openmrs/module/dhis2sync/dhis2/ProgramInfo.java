package org.openmrs.module.dhis2sync.dhis2;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/** A tracker program with what a mapping needs: its tracked entity type, attributes and stages. */
public final class ProgramInfo {

    private final String uid;
    private final String name;
    private final String trackedEntityType;
    private final boolean onlyEnrollOnce;
    private final List<AttributeInfo> attributes;
    private final List<ProgramStageInfo> stages;

    public ProgramInfo(String uid, String name, String trackedEntityType, boolean onlyEnrollOnce, List<AttributeInfo> attributes, List<ProgramStageInfo> stages) {
        this.uid = Objects.requireNonNull(uid, "uid");
        this.name = name;
        this.trackedEntityType = trackedEntityType;
        this.onlyEnrollOnce = onlyEnrollOnce;
        this.attributes = attributes == null ? Collections.<AttributeInfo>emptyList() : Collections.unmodifiableList(new ArrayList<>(attributes));
        this.stages = stages == null ? Collections.<ProgramStageInfo>emptyList() : Collections.unmodifiableList(new ArrayList<>(stages));
    }

    public String getUid() {
        return uid;
    }

    public String getName() {
        return name;
    }

    public String getTrackedEntityType() {
        return trackedEntityType;
    }

    public boolean isOnlyEnrollOnce() {
        return onlyEnrollOnce;
    }

    public List<AttributeInfo> getAttributes() {
        return attributes;
    }

    public List<ProgramStageInfo> getStages() {
        return stages;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof ProgramInfo)) {
            return false;
        }
        ProgramInfo that = (ProgramInfo) o;
        return Objects.equals(uid, that.uid) && Objects.equals(name, that.name) && Objects.equals(trackedEntityType, that.trackedEntityType) && onlyEnrollOnce == that.onlyEnrollOnce && Objects.equals(attributes, that.attributes) && Objects.equals(stages, that.stages);
    }

    @Override
    public int hashCode() {
        return Objects.hash(uid, name, trackedEntityType, onlyEnrollOnce, attributes, stages);
    }

    @Override
    public String toString() {
        return "ProgramInfo{uid=" + uid + ", name=" + name + ", trackedEntityType=" + trackedEntityType + ", onlyEnrollOnce=" + onlyEnrollOnce + ", attributes=" + attributes + ", stages=" + stages + "}";
    }
}
