package org.openmrs.module.dhis2sync.dhis2;

import java.util.Objects;

/** A data value of an event: data element UID and its value as text. */
public final class DataValue {

    private final String dataElementUid;
    private final String value;

    public DataValue(String dataElementUid, String value) {
        this.dataElementUid = Objects.requireNonNull(dataElementUid, "dataElementUid");
        this.value = value;
    }

    public String getDataElementUid() {
        return dataElementUid;
    }

    public String getValue() {
        return value;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof DataValue)) {
            return false;
        }
        DataValue that = (DataValue) o;
        return Objects.equals(dataElementUid, that.dataElementUid) && Objects.equals(value, that.value);
    }

    @Override
    public int hashCode() {
        return Objects.hash(dataElementUid, value);
    }

    @Override
    public String toString() {
        return "DataValue{dataElementUid=" + dataElementUid + ", value=" + value + "}";
    }
}
