package org.openmrs.module.dhis2sync.mapping;

import java.util.Objects;

/** One tracked entity attribute value to send: the attribute's UID and the value as DHIS2 takes it. */
public final class AttributeValue {

    private final String attributeUid;
    private final String value;

    public AttributeValue(String attributeUid, String value) {
        this.attributeUid = Objects.requireNonNull(attributeUid, "attributeUid");
        this.value = Objects.requireNonNull(value, "value");
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
        return attributeUid.equals(that.attributeUid) && value.equals(that.value);
    }

    @Override
    public int hashCode() {
        return Objects.hash(attributeUid, value);
    }

    @Override
    public String toString() {
        return attributeUid + "=" + value;
    }
}
