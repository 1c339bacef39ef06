package org.openmrs.module.dhis2sync.dhis2;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/** A program stage and its data elements. */
public final class ProgramStageInfo {

    private final String uid;
    private final String name;
    private final boolean repeatable;
    private final List<DataElementInfo> dataElements;

    public ProgramStageInfo(String uid, String name, boolean repeatable, List<DataElementInfo> dataElements) {
        this.uid = Objects.requireNonNull(uid, "uid");
        this.name = name;
        this.repeatable = repeatable;
        this.dataElements = dataElements == null ? Collections.<DataElementInfo>emptyList() : Collections.unmodifiableList(new ArrayList<>(dataElements));
    }

    public String getUid() {
        return uid;
    }

    public String getName() {
        return name;
    }

    public boolean isRepeatable() {
        return repeatable;
    }

    public List<DataElementInfo> getDataElements() {
        return dataElements;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof ProgramStageInfo)) {
            return false;
        }
        ProgramStageInfo that = (ProgramStageInfo) o;
        return Objects.equals(uid, that.uid) && Objects.equals(name, that.name) && repeatable == that.repeatable && Objects.equals(dataElements, that.dataElements);
    }

    @Override
    public int hashCode() {
        return Objects.hash(uid, name, repeatable, dataElements);
    }

    @Override
    public String toString() {
        return "ProgramStageInfo{uid=" + uid + ", name=" + name + ", repeatable=" + repeatable + ", dataElements=" + dataElements + "}";
    }
}
