package org.openmrs.module.dhis2sync.dhis2.fake;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * One {@code filter=ATTR:op:value[:op:value]} of a tracked entity search. Operators are case-insensitive
 * ({@code eq}, {@code ieq}, {@code like}, {@code ilike}, {@code sw}, {@code ew}, {@code in}, {@code ne},
 * {@code gt}, {@code ge}, {@code lt}, {@code le}, {@code null}, {@code !null}); text comparisons ignore case as
 * DHIS2's do.
 */
final class AttributeFilter {

    /** A filter text DHIS2 refuses with "Query item or filter is invalid". */
    static final class Invalid extends Exception {
        Invalid(String filter) {
            super("Query item or filter is invalid: " + filter, null, false, false);
        }
    }

    private static final Pattern START = Pattern.compile(",(?=[A-Za-z][A-Za-z0-9]{10}:)");

    final String attribute;
    private final List<String[]> conditions = new ArrayList<>();

    private AttributeFilter(String attribute) {
        this.attribute = attribute;
    }

    /** Every filter in the repeated, possibly comma-joined, {@code filter} parameters. */
    static List<AttributeFilter> parseAll(List<String> params) throws Invalid {
        List<AttributeFilter> result = new ArrayList<>();
        for (String param : params) {
            for (String one : START.split(param)) {
                result.add(parse(one));
            }
        }
        return result;
    }

    /**
     * The tracker API's reading (2.41 {@code RequestParamsValidator}, 2.42 {@code FilterParser}): all {@code filter}
     * parameters joined with commas, split on every comma not escaped as {@code /,}; in values {@code /,} and
     * {@code /:} stand for a comma and a colon.
     */
    static List<AttributeFilter> parseTracker(List<String> params) throws Invalid {
        List<AttributeFilter> result = new ArrayList<>();
        if (params.isEmpty()) {
            return result;
        }
        for (String one : String.join(",", params).split("(?<!/),")) {
            AttributeFilter f = parse(one.replace("/:", "\u0000"));
            for (String[] condition : f.conditions) {
                if (condition[1] != null) {
                    condition[1] = condition[1].replace("/,", ",").replace("\u0000", ":");
                }
            }
            result.add(f);
        }
        return result;
    }

    static AttributeFilter parse(String text) throws Invalid {
        String[] parts = text.split(":", -1);
        if (parts.length < 2 || parts[0].isEmpty()) {
            throw new Invalid(text);
        }
        AttributeFilter f = new AttributeFilter(parts[0]);
        int i = 1;
        while (i < parts.length) {
            String op = parts[i].toLowerCase(Locale.ROOT);
            if (op.equals("null") || op.equals("!null")) {
                f.conditions.add(new String[] {op, null});
                i++;
                continue;
            }
            if (i + 1 >= parts.length) {
                throw new Invalid(text);
            }
            // values may hold ':' themselves (times); take the rest unless another operator follows
            StringBuilder value = new StringBuilder(parts[i + 1]);
            int j = i + 2;
            while (j < parts.length && !isOperator(parts[j])) {
                value.append(':').append(parts[j]);
                j++;
            }
            if (!isOperator(op)) {
                throw new Invalid(text);
            }
            if (op.equals("in") && Arrays.stream(value.toString().split(";")).allMatch(String::isEmpty)) {
                throw new Invalid(text);
            }
            f.conditions.add(new String[] {op, value.toString()});
            i = j;
        }
        if (f.conditions.isEmpty()) {
            throw new Invalid(text);
        }
        return f;
    }

    private static boolean isOperator(String s) {
        return List.of("eq", "ieq", "like", "ilike", "sw", "ew", "in", "ne", "!eq", "neq", "gt", "ge", "lt", "le",
                "null", "!null", "nlike", "!like").contains(s.toLowerCase(Locale.ROOT));
    }

    /**
     * The values (lower case) one of this filter's conditions limits the attribute to — {@code eq}, {@code ieq} or
     * {@code in} — or null when no condition does; a search looks only at tracked entities holding one of them.
     */
    java.util.Set<String> exactValues() {
        for (String[] c : conditions) {
            switch (c[0]) {
                case "eq":
                case "ieq":
                    return java.util.Set.of(c[1].toLowerCase(Locale.ROOT));
                case "in":
                    return Arrays.stream(c[1].toLowerCase(Locale.ROOT).split(";")).collect(Collectors.toSet());
                default:
                    break;
            }
        }
        return null;
    }

    boolean matches(String value) {
        for (String[] c : conditions) {
            if (!matches(c[0], c[1], value)) {
                return false;
            }
        }
        return true;
    }

    private static boolean matches(String op, String expected, String value) {
        if (op.equals("null")) {
            return value == null;
        }
        if (op.equals("!null")) {
            return value != null;
        }
        if (value == null) {
            return false;
        }
        String v = value.toLowerCase(Locale.ROOT);
        String e = expected.toLowerCase(Locale.ROOT);
        switch (op) {
            case "eq":
            case "ieq":
                return v.equals(e);
            case "ne":
            case "!eq":
            case "neq":
                return !v.equals(e);
            case "like":
            case "ilike":
                return v.contains(e);
            case "nlike":
            case "!like":
                return !v.contains(e);
            case "sw":
                return v.startsWith(e);
            case "ew":
                return v.endsWith(e);
            case "in":
                return Arrays.stream(e.split(";")).collect(Collectors.toSet()).contains(v);
            default:
                return compare(op, value, expected);
        }
    }

    private static boolean compare(String op, String value, String expected) {
        int c;
        try {
            c = Double.compare(Double.parseDouble(value), Double.parseDouble(expected));
        } catch (NumberFormatException ex) {
            c = value.compareTo(expected);
        }
        switch (op) {
            case "gt": return c > 0;
            case "ge": return c >= 0;
            case "lt": return c < 0;
            default: return c <= 0;
        }
    }
}
