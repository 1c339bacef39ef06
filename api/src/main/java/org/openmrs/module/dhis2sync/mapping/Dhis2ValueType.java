package org.openmrs.module.dhis2sync.mapping;

/**
 * The value types of DHIS2 (2.41, {@code org.hisp.dhis.common.ValueType}) a data element or tracked entity
 * attribute can have. All of them are listed so that any DHIS2 metadata can be read; only those an OpenMRS
 * observation can produce ({@link #takesObservations()}) may be mapped to a concept.
 */
public enum Dhis2ValueType {
    TEXT, LONG_TEXT, MULTI_TEXT, LETTER, PHONE_NUMBER, EMAIL, BOOLEAN, TRUE_ONLY, DATE, DATETIME, TIME, NUMBER,
    UNIT_INTERVAL, PERCENTAGE, INTEGER, INTEGER_POSITIVE, INTEGER_NEGATIVE, INTEGER_ZERO_OR_POSITIVE,
    TRACKER_ASSOCIATE, USERNAME, COORDINATE, ORGANISATION_UNIT, REFERENCE, AGE, URL, FILE_RESOURCE, IMAGE, GEOJSON;

    public boolean isInteger() {
        return this == INTEGER || this == INTEGER_POSITIVE || this == INTEGER_NEGATIVE
                || this == INTEGER_ZERO_OR_POSITIVE;
    }

    public boolean isDecimal() {
        return this == NUMBER || this == UNIT_INTERVAL || this == PERCENTAGE;
    }

    public boolean isText() {
        return this == TEXT || this == LONG_TEXT || this == MULTI_TEXT || this == LETTER || this == PHONE_NUMBER
                || this == EMAIL || this == USERNAME || this == URL;
    }

    /**
     * Whether an observation's value can become a value of this type. References to other DHIS2 objects,
     * files and geometries cannot come from an obs.
     */
    public boolean takesObservations() {
        switch (this) {
            case TRACKER_ASSOCIATE:
            case COORDINATE:
            case ORGANISATION_UNIT:
            case REFERENCE:
            case FILE_RESOURCE:
            case IMAGE:
            case GEOJSON:
                return false;
            default:
                return true;
        }
    }
}
