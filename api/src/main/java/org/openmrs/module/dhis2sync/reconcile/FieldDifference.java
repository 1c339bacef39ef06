package org.openmrs.module.dhis2sync.reconcile;

import java.util.Objects;

/** One field on which DHIS2 and OpenMRS disagree: an attribute, a data element, or a property of the record. */
public final class FieldDifference {

    private final String field;
    private final String name;
    private final String dhis2Value;
    private final String openmrsValue;

    /**
     * @param field the DHIS2 attribute or data element UID, or the property ({@code status}, {@code enrolledAt},
     *              {@code occurredAt}, {@code orgUnit})
     * @param name  its name in DHIS2 (the property's own name for a property)
     * @param dhis2Value   what DHIS2 holds, null for nothing
     * @param openmrsValue what a sync would send now, null for nothing
     */
    public FieldDifference(String field, String name, String dhis2Value, String openmrsValue) {
        this.field = Objects.requireNonNull(field, "field");
        this.name = name == null ? field : name;
        this.dhis2Value = dhis2Value;
        this.openmrsValue = openmrsValue;
    }

    public String getField() {
        return field;
    }

    public String getName() {
        return name;
    }

    public String getDhis2Value() {
        return dhis2Value;
    }

    public String getOpenmrsValue() {
        return openmrsValue;
    }

    @Override
    public String toString() {
        return name + (name.equals(field) ? "" : " (" + field + ")") + ": DHIS2 "
                + (dhis2Value == null ? "has none" : "'" + dhis2Value + "'") + ", OpenMRS "
                + (openmrsValue == null ? "has none" : "'" + openmrsValue + "'");
    }
}
