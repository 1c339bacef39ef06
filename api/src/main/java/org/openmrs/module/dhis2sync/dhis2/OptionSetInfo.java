package org.openmrs.module.dhis2sync.dhis2;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/** An option set with its options. */
public final class OptionSetInfo {

    private final String uid;
    private final String name;
    private final String valueType;
    private final List<OptionInfo> options;

    public OptionSetInfo(String uid, String name, String valueType, List<OptionInfo> options) {
        this.uid = Objects.requireNonNull(uid, "uid");
        this.name = name;
        this.valueType = valueType;
        this.options = options == null ? Collections.<OptionInfo>emptyList() : Collections.unmodifiableList(new ArrayList<>(options));
    }

    public String getUid() {
        return uid;
    }

    public String getName() {
        return name;
    }

    public String getValueType() {
        return valueType;
    }

    public List<OptionInfo> getOptions() {
        return options;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof OptionSetInfo)) {
            return false;
        }
        OptionSetInfo that = (OptionSetInfo) o;
        return Objects.equals(uid, that.uid) && Objects.equals(name, that.name) && Objects.equals(valueType, that.valueType) && Objects.equals(options, that.options);
    }

    @Override
    public int hashCode() {
        return Objects.hash(uid, name, valueType, options);
    }

    @Override
    public String toString() {
        return "OptionSetInfo{uid=" + uid + ", name=" + name + ", valueType=" + valueType + ", options=" + options + "}";
    }
}
