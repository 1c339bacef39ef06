package org.openmrs.module.dhis2sync.dhis2;

/** Attribute filter operators of a tracked entity search. */
public enum FilterOperator {
    /** Exactly one value. */
    EQ,
    /** Any of several values: looks many patients up in one request. */
    IN,
    /** Contains the value, case-insensitively. */
    LIKE
}
