package org.openmrs.module.dhis2sync.reconcile;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Whether a value DHIS2 holds is the value a sync would send, as DHIS2 stores it: empty is none, numbers compare by
 * value ({@code 61} and {@code 61.0}), booleans ignoring case, and a date against a date-time of that day at midnight
 * (DHIS2 answers dates of the deprecated API as {@code 2025-02-01T00:00:00.000}).
 */
final class SameValue {

    private static final Pattern NUMBER = Pattern.compile("[-+]?\\d+(\\.\\d+)?([eE][-+]?\\d+)?");
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern MIDNIGHT = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T00:00(:00(\\.0+)?)?Z?");

    private SameValue() {
    }

    static boolean same(String dhis2, String openmrs) {
        String a = blankToNull(dhis2);
        String b = blankToNull(openmrs);
        if (a == null || b == null) {
            return a == null && b == null;
        }
        if (a.equals(b)) {
            return true;
        }
        if (NUMBER.matcher(a).matches() && NUMBER.matcher(b).matches()) {
            return new BigDecimal(a).compareTo(new BigDecimal(b)) == 0;
        }
        if (isBoolean(a) && isBoolean(b)) {
            return a.equalsIgnoreCase(b);
        }
        if (DATE.matcher(b).matches() && MIDNIGHT.matcher(a).matches()
                || DATE.matcher(a).matches() && MIDNIGHT.matcher(b).matches()) {
            return a.substring(0, 10).equals(b.substring(0, 10));
        }
        return false;
    }

    static String blankToNull(String value) {
        return value == null || value.trim().isEmpty() ? null : value.trim();
    }

    private static boolean isBoolean(String value) {
        String lower = value.toLowerCase(Locale.ROOT);
        return lower.equals("true") || lower.equals("false");
    }
}
