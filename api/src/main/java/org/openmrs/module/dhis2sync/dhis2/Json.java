package org.openmrs.module.dhis2sync.dhis2;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

import org.openmrs.module.dhis2sync.dhis2.Dhis2UnavailableException.Reason;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Small helpers to read and write DHIS2's JSON, shared by both generations. */
final class Json {

    private Json() {
    }

    /** The text of a field, or null when missing, null or empty. */
    static String text(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        if (value == null || value.isNull() || value.isContainerNode()) {
            return null;
        }
        String text = value.asText();
        return text.isEmpty() ? null : text;
    }

    /** The {@code id} inside an object field, e.g. {@code "optionSet": {"id": "..."}}; also accepts a plain string. */
    static String idOf(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        return value.isObject() ? text(value, "id") : text(node, field);
    }

    static Integer integer(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        return value != null && value.isNumber() ? Integer.valueOf(value.asInt()) : null;
    }

    static int count(JsonNode node, String field) {
        Integer value = integer(node, field);
        return value == null ? 0 : value;
    }

    static boolean bool(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        return value != null && value.asBoolean(false);
    }

    /** The elements of an array field; empty when missing. */
    static List<JsonNode> array(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        if (value == null || !value.isArray()) {
            return Collections.emptyList();
        }
        List<JsonNode> items = new ArrayList<>();
        value.forEach(items::add);
        return items;
    }

    /** The list under {@code key} of a list reply; a reply without it is malformed. */
    static List<JsonNode> listOf(JsonNode reply, String key, String what) {
        JsonNode value = reply.get(key);
        if (value == null || !value.isArray()) {
            throw new Dhis2UnavailableException(Reason.MALFORMED_REPLY, 200, "DHIS2's reply to " + what + " has no '" + key
                    + "' list: check the API setting and the DHIS2 version");
        }
        return array(reply, key);
    }

    /**
     * A date as DHIS2 writes it, {@code 2024-01-10} or a date-time such as {@code 2024-01-10T00:00:00.000} or
     * {@code 2024-01-10T00:00:00Z}: the calendar date it starts with.
     */
    static LocalDate date(JsonNode node, String field) {
        String text = text(node, field);
        if (text == null) {
            return null;
        }
        String day = text.length() >= 10 ? text.substring(0, 10) : text;
        try {
            return LocalDate.parse(day);
        } catch (DateTimeParseException e) {
            throw new Dhis2UnavailableException(Reason.MALFORMED_REPLY, 200, "DHIS2 sent '" + text + "' as " + field
                    + ", which is not a date", e);
        }
    }

    static <E extends Enum<E>> E enumValue(JsonNode node, String field, Class<E> type) {
        String text = text(node, field);
        if (text == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, text.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new Dhis2UnavailableException(Reason.MALFORMED_REPLY, 200, "DHIS2 sent an unknown " + field + " '" + text
                    + "' (expected one of " + java.util.Arrays.toString(type.getEnumConstants()) + ")", e);
        }
    }

    static void put(ObjectNode node, String field, String value) {
        if (value != null) {
            node.put(field, value);
        }
    }

    static void put(ObjectNode node, String field, LocalDate value) {
        if (value != null) {
            node.put(field, value.toString());
        }
    }

    static void put(ObjectNode node, String field, Enum<?> value) {
        if (value != null) {
            node.put(field, value.name());
        }
    }

    static ArrayNode arrayField(ObjectNode node, String field) {
        return node.putArray(field);
    }
}
