package org.openmrs.module.dhis2sync.mapping;

import java.util.Objects;

/**
 * One problem of a mapping. {@code field} is the JSON path of the offending value, e.g.
 * {@code instance.attributes[2].attributeUid}; it is empty when the problem concerns the document as a whole.
 */
public final class FieldError {

    private final String field;
    private final String message;

    public FieldError(String field, String message) {
        this.field = field == null ? "" : field;
        this.message = Objects.requireNonNull(message, "message");
    }

    public String getField() {
        return field;
    }

    public String getMessage() {
        return message;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof FieldError)) {
            return false;
        }
        FieldError that = (FieldError) o;
        return field.equals(that.field) && message.equals(that.message);
    }

    @Override
    public int hashCode() {
        return Objects.hash(field, message);
    }

    @Override
    public String toString() {
        return field.isEmpty() ? message : field + ": " + message;
    }
}
