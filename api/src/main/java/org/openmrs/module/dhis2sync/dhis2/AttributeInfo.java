package org.openmrs.module.dhis2sync.dhis2;

import java.util.Objects;

/** A tracked entity attribute (in a program: with whether the program makes it mandatory). */
public final class AttributeInfo {

    private final String uid;
    private final String name;
    private final String code;
    private final String valueType;
    private final String optionSetUid;
    private final boolean unique;
    private final boolean mandatory;

    public AttributeInfo(String uid, String name, String code, String valueType, String optionSetUid, boolean unique, boolean mandatory) {
        this.uid = Objects.requireNonNull(uid, "uid");
        this.name = name;
        this.code = code;
        this.valueType = valueType;
        this.optionSetUid = optionSetUid;
        this.unique = unique;
        this.mandatory = mandatory;
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

    public boolean isUnique() {
        return unique;
    }

    public boolean isMandatory() {
        return mandatory;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof AttributeInfo)) {
            return false;
        }
        AttributeInfo that = (AttributeInfo) o;
        return Objects.equals(uid, that.uid) && Objects.equals(name, that.name) && Objects.equals(code, that.code) && Objects.equals(valueType, that.valueType) && Objects.equals(optionSetUid, that.optionSetUid) && unique == that.unique && mandatory == that.mandatory;
    }

    @Override
    public int hashCode() {
        return Objects.hash(uid, name, code, valueType, optionSetUid, unique, mandatory);
    }

    @Override
    public String toString() {
        return "AttributeInfo{uid=" + uid + ", name=" + name + ", code=" + code + ", valueType=" + valueType + ", optionSetUid=" + optionSetUid + ", unique=" + unique + ", mandatory=" + mandatory + "}";
    }
}
