package org.openmrs.module.dhis2sync.dhis2;

import java.util.Objects;

/** A data element (in a program stage: with whether the stage makes it compulsory). */
public final class DataElementInfo {

    private final String uid;
    private final String name;
    private final String code;
    private final String valueType;
    private final String optionSetUid;
    private final boolean compulsory;

    public DataElementInfo(String uid, String name, String code, String valueType, String optionSetUid, boolean compulsory) {
        this.uid = Objects.requireNonNull(uid, "uid");
        this.name = name;
        this.code = code;
        this.valueType = valueType;
        this.optionSetUid = optionSetUid;
        this.compulsory = compulsory;
    }

    public String getUid() {
        return uid;
    }

    public String getName() {
        return name;
    }

    public String getCode() {
        return code;
    }

    public String getValueType() {
        return valueType;
    }

    public String getOptionSetUid() {
        return optionSetUid;
    }

    public boolean isCompulsory() {
        return compulsory;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof DataElementInfo)) {
            return false;
        }
        DataElementInfo that = (DataElementInfo) o;
        return Objects.equals(uid, that.uid) && Objects.equals(name, that.name) && Objects.equals(code, that.code) && Objects.equals(valueType, that.valueType) && Objects.equals(optionSetUid, that.optionSetUid) && compulsory == that.compulsory;
    }

    @Override
    public int hashCode() {
        return Objects.hash(uid, name, code, valueType, optionSetUid, compulsory);
    }

    @Override
    public String toString() {
        return "DataElementInfo{uid=" + uid + ", name=" + name + ", code=" + code + ", valueType=" + valueType + ", optionSetUid=" + optionSetUid + ", compulsory=" + compulsory + "}";
    }
}
