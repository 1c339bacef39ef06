package org.openmrs.module.dhis2sync.dhis2.fake;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/** DHIS2's value type checks for attribute and data values. */
final class ValueTypes {

    private ValueTypes() {
    }

    /** Null when the value suits the type, else DHIS2's tracker reason text. */
    static String problem(String valueType, String value) {
        if (value == null || valueType == null) {
            return null;
        }
        boolean ok;
        switch (valueType) {
            case "NUMBER":
            case "UNIT_INTERVAL":
            case "PERCENTAGE":
                ok = value.matches("^[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?$");
                break;
            case "INTEGER":
                ok = value.matches("^[+-]?\\d+$");
                break;
            case "INTEGER_POSITIVE":
                ok = value.matches("^\\+?0*[1-9]\\d*$");
                break;
            case "INTEGER_ZERO_OR_POSITIVE":
                ok = value.matches("^\\+?\\d+$");
                break;
            case "INTEGER_NEGATIVE":
                ok = value.matches("^-0*[1-9]\\d*$");
                break;
            case "BOOLEAN":
                ok = value.equals("true") || value.equals("false");
                break;
            case "TRUE_ONLY":
                ok = value.equals("true");
                break;
            case "DATE":
                ok = isDate(value);
                break;
            case "DATETIME":
            case "AGE":
                ok = Dates.normalize(value) != null;
                break;
            default:
                ok = true;
        }
        return ok ? null : "Value type is " + valueType + " but the value `" + value + "` is not.";
    }

    /** The deprecated API's reason keys (ValidationUtils.dataValueIsValid). */
    static String deprecatedProblem(String valueType, String value) {
        if (problem(valueType, value) == null) {
            return null;
        }
        switch (valueType) {
            case "NUMBER": return "value_not_numeric";
            case "INTEGER": return "value_not_integer";
            case "INTEGER_POSITIVE": return "value_not_positive_integer";
            case "INTEGER_ZERO_OR_POSITIVE": return "value_not_zero_or_positive_integer";
            case "INTEGER_NEGATIVE": return "value_not_negative_integer";
            case "BOOLEAN": return "value_not_bool";
            case "TRUE_ONLY": return "value_not_true_only";
            case "DATE": return "value_not_valid_date";
            default: return "value_not_valid";
        }
    }

    private static boolean isDate(String value) {
        try {
            LocalDate.parse(value.length() > 10 ? value.substring(0, 10) : value);
            return value.length() == 10 || Dates.normalize(value) != null;
        } catch (DateTimeParseException e) {
            return false;
        }
    }
}
