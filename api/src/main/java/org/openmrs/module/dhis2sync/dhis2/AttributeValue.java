package org.openmrs.module.dhis2sync.dhis2;

import java.util.Objects;

/** A tracked entity attribute value as DHIS2 stores it (text, whatever the value type). */
public final class AttributeValue {

    private final String attributeUid;
    private final String value;

    public AttributeValue(String attributeUid, String value) {
        this.attributeUid = Objects.requireNonNull(attributeUid, "attributeUid");
        this.value = value;
    }

    public String getAttributeUid() {
        return attributeUid;
    }

    public String getValue() {
        return value;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof AttributeValue)) {
            return false;
        }
        AttributeValue that = (AttributeValue) o;
        return Objects.equals(attributeUid, that.attributeUid) && Objects.equals(value, that.value);
    }

    @Override
    public int hashCode() {
        return Objects.hash(attributeUid, value);
    }

    @Override
    public String toString() {
        return "AttributeValue{attributeUid=" + attributeUid + ", value=" + value + "}";
    }
}
