package org.openmrs.module.dhis2sync.api;

/** A request's field is missing or wrong; the message says how, for the person who filled it in. */
public class FieldException extends IllegalArgumentException {

    private final String field;

    public FieldException(String field, String message) {
        super(field + ": " + message);
        this.field = field;
    }

    public String getField() {
        return field;
    }
}
