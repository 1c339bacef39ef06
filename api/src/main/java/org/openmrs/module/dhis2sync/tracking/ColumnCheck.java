package org.openmrs.module.dhis2sync.tracking;

/**
 * Checks a value against its column before it is written, so a bad value fails with the field's name instead of a
 * database error (or, on a lenient MySQL, silent truncation).
 */
public final class ColumnCheck {

    private ColumnCheck() {
    }

    /** @throws IllegalArgumentException "{field} is required" when the value is null */
    public static <T> T required(String field, T value) {
        if (value == null) {
            throw new IllegalArgumentException(field + " is required");
        }
        return value;
    }

    /** A required, non-blank text of at most {@code maxLength} characters. */
    public static String text(String field, String value, int maxLength) {
        if (value == null || value.trim().isEmpty()) {
            throw new IllegalArgumentException(field + " is required");
        }
        return optionalText(field, value, maxLength);
    }

    /** A text that may be null, of at most {@code maxLength} characters. */
    public static String optionalText(String field, String value, int maxLength) {
        if (value != null && value.length() > maxLength) {
            throw new IllegalArgumentException(field + " must be at most " + maxLength + " characters, was "
                    + value.length());
        }
        return value;
    }
}
