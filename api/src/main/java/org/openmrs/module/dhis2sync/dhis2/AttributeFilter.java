package org.openmrs.module.dhis2sync.dhis2;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/** One attribute condition of a tracked entity search: {@code attribute OP value[;value...]}. */
public final class AttributeFilter {

    private final String attributeUid;
    private final FilterOperator operator;
    private final List<String> values;

    public AttributeFilter(String attributeUid, FilterOperator operator, Collection<String> values) {
        if (!Uid.isValid(attributeUid)) {
            throw new IllegalArgumentException("filter attributeUid '" + attributeUid + "' is not a valid DHIS2 UID");
        }
        this.attributeUid = attributeUid;
        this.operator = Objects.requireNonNull(operator, "filter operator");
        if (values == null || values.isEmpty()) {
            throw new IllegalArgumentException("filter on " + attributeUid + ": values must not be empty");
        }
        if (operator != FilterOperator.IN && values.size() != 1) {
            throw new IllegalArgumentException("filter on " + attributeUid + ": " + operator + " takes exactly one value, got "
                    + values.size());
        }
        List<String> copy = new ArrayList<>();
        for (String value : values) {
            // DHIS2 splits filters on ':' and IN lists on ';' and the two generations escape them differently
            if (value == null || value.isEmpty() || value.indexOf(':') >= 0 || value.indexOf(';') >= 0) {
                throw new IllegalArgumentException("filter on " + attributeUid + ": value '" + value
                        + "' must be non-empty and contain neither ':' nor ';'");
            }
            if (!copy.contains(value)) {
                copy.add(value);
            }
        }
        this.values = Collections.unmodifiableList(copy);
    }

    public static AttributeFilter eq(String attributeUid, String value) {
        return new AttributeFilter(attributeUid, FilterOperator.EQ, Collections.singletonList(value));
    }

    public static AttributeFilter in(String attributeUid, Collection<String> values) {
        return new AttributeFilter(attributeUid, FilterOperator.IN, values);
    }

    public static AttributeFilter like(String attributeUid, String value) {
        return new AttributeFilter(attributeUid, FilterOperator.LIKE, Collections.singletonList(value));
    }

    public String getAttributeUid() {
        return attributeUid;
    }

    public FilterOperator getOperator() {
        return operator;
    }

    public List<String> getValues() {
        return values;
    }

    /** The same condition on a subset of the values (an IN list sent in parts). */
    AttributeFilter withValues(List<String> subset) {
        return new AttributeFilter(attributeUid, operator, subset);
    }

    /** The deprecated API's form: {@code ATTR:OP:v1;v2}, the operator in upper case. */
    String toDeprecatedQueryValue() {
        return attributeUid + ":" + operator.name() + ":" + String.join(";", values);
    }

    /**
     * The tracker API's form, {@code ATTR:op:v1;v2} with a lower-case operator and each comma of a value escaped as
     * {@code /,}: 2.41 and 2.42 read all {@code filter} parameters as one comma-separated list (Spring joins repeated
     * values with commas) and split it on every comma not preceded by {@code /} ({@code RequestParamsValidator} in
     * 2.41, {@code FilterParser} in 2.42), so a bare comma inside a value would cut the filter in two.
     */
    String toTrackerQueryValue() {
        List<String> escaped = new ArrayList<>();
        for (String value : values) {
            escaped.add(value.replace(",", "/,"));
        }
        return attributeUid + ":" + operator.name().toLowerCase(java.util.Locale.ROOT) + ":" + String.join(";", escaped);
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof AttributeFilter)) {
            return false;
        }
        AttributeFilter that = (AttributeFilter) o;
        return attributeUid.equals(that.attributeUid) && operator == that.operator && values.equals(that.values);
    }

    @Override
    public int hashCode() {
        return Objects.hash(attributeUid, operator, values);
    }

    @Override
    public String toString() {
        return toDeprecatedQueryValue();
    }
}
