package org.openmrs.module.dhis2sync.dhis2.fake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Compares a real DHIS2 reply with the fake's, field by field: the same field names at every level and the same
 * values, except values that differ from run to run (timestamps, hosts, generated ids) and message texts DHIS2
 * itself reworded between versions.
 */
final class JsonConformance {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Values never compared: times, server facts, generated keys. */
    private static final Set<String> VOLATILE = Set.of("createdAt", "updatedAt", "created", "lastUpdated",
            "createdAtClient", "lastUpdatedAtClient", "serverDate", "time", "buildTime", "dueDate", "contextPath",
            "userAgent", "instanceBaseUrl", "revision", "javaVersion", "javaVendor", "osVersion", "memoryInfo",
            "cpuCores", "name", "user", "url", "databaseVersion", "intervalSinceLastAnalyticsTableSuccess",
            "intervalSinceLastAnalyticsTablePartitionSuccess", "args", "key", "systemId", "externalDirectory");

    /** Fields DHIS2 itself writes or leaves out depending on earlier updates (storedBy is cleared by some). */
    private static final Set<String> OPTIONAL = Set.of("storedBy", "createdAtClient", "lastUpdatedAtClient",
            // 2.42.5.2's system info has it in the module's recorded traffic, not in the hand capture made at start-up
            "systemId");

    /** Options of one comparison. */
    static final class Options {
        boolean truncated;
        boolean listPrefix;
        /** Compare error reports' messages too (by default they are skipped: DHIS2 rewords them between versions). */
        boolean compareMessages;
        /**
         * Pair the elements of arrays of objects by what identifies them (uid, trackedEntity, enrollment, event,
         * reference, id; with errorCode for error reports) instead of by position: DHIS2 promises no order there.
         */
        boolean unordered;
        final Set<String> ignoredValuePaths = new TreeSet<>();
        final Set<String> ignoredValueKeys = new TreeSet<>();
    }

    private JsonConformance() {
    }

    static List<String> compare(JsonNode expected, JsonNode actual, Options options) {
        List<String> differences = new ArrayList<>();
        compare(expected, actual, "$", options, differences);
        return differences;
    }

    private static void compare(JsonNode exp, JsonNode act, String path, Options o, List<String> out) {
        if (act == null) {
            out.add(path + ": missing");
            return;
        }
        if (exp.isObject()) {
            if (!act.isObject()) {
                out.add(path + ": expected an object, got " + act.getNodeType());
                return;
            }
            Set<String> expKeys = keys(exp);
            Set<String> actKeys = keys(act);
            expKeys.removeAll(OPTIONAL);
            actKeys.removeAll(OPTIONAL);
            for (String k : expKeys) {
                if (!actKeys.contains(k)) {
                    out.add(path + "." + k + ": missing");
                }
            }
            if (!o.truncated) {
                for (String k : actKeys) {
                    if (!expKeys.contains(k)) {
                        out.add(path + "." + k + ": unexpected field");
                    }
                }
            }
            Iterator<String> it = exp.fieldNames();
            while (it.hasNext()) {
                String k = it.next();
                if (act.has(k)) {
                    String child = path + "." + k;
                    if (ignoredValue(k, child, o) && !exp.get(k).isContainerNode()) {
                        continue;
                    }
                    if (VOLATILE.contains(k) && exp.get(k).isContainerNode() && k.equals("args")) {
                        continue;
                    }
                    compare(exp.get(k), act.get(k), child, o, out);
                }
            }
            return;
        }
        if (exp.isArray()) {
            if (!act.isArray()) {
                out.add(path + ": expected an array, got " + act.getNodeType());
                return;
            }
            List<JsonNode> e = list(exp);
            List<JsonNode> a = list(act);
            boolean prefix = o.truncated || o.listPrefix;
            if (!prefix && e.size() != a.size()) {
                out.add(path + ": " + e.size() + " elements expected, " + a.size() + " found");
                return;
            }
            String key = keyField(o.truncated && !e.isEmpty() && !keyField(e.subList(0, e.size() - 1), e.get(e.size() - 1))
                    ? e.subList(0, e.size() - 1) : e);
            if (key != null) {
                // attribute and data values come in no fixed order: pair them by their key
                for (JsonNode expectedElement : e) {
                    if (!expectedElement.has(key)) {
                        continue; // the element the cut went through
                    }
                    String k = expectedElement.get(key).asText();
                    JsonNode match = a.stream().filter(n -> n.isObject() && k.equals(n.path(key).asText()))
                            .findFirst().orElse(null);
                    if (match == null) {
                        out.add(path + "[" + key + "=" + k + "]: missing");
                    } else {
                        compare(expectedElement, match, path + "[" + key + "=" + k + "]", o, out);
                    }
                }
                return;
            }
            if (o.unordered && !e.isEmpty() && e.stream().allMatch(n -> identity(n) != null)) {
                List<JsonNode> left = new ArrayList<>(a);
                for (JsonNode expectedElement : e) {
                    String id = identity(expectedElement);
                    JsonNode match = left.stream().filter(n -> id.equals(identity(n))).findFirst().orElse(null);
                    if (match == null) {
                        out.add(path + "[" + id + "]: missing");
                    } else {
                        left.remove(match);
                        compare(expectedElement, match, path + "[" + id + "]", o, out);
                    }
                }
                for (JsonNode extra : left) {
                    out.add(path + "[" + identity(extra) + "]: unexpected element");
                }
                return;
            }
            if (prefix && a.size() < Math.min(e.size(), 1)) {
                out.add(path + ": no elements found");
                return;
            }
            for (int i = 0; i < Math.min(e.size(), a.size()); i++) {
                compare(e.get(i), a.get(i), path + "[" + i + "]", o, out);
            }
            return;
        }
        String field = path.substring(path.lastIndexOf('.') + 1);
        if (ignoredValue(field, path, o)) {
            return;
        }
        String ev = normalise(exp);
        String av = normalise(act);
        if (!ev.equals(av) || exp.getNodeType() != act.getNodeType()) {
            out.add(path + ": expected " + exp + ", found " + act);
        }
    }

    private static boolean ignoredValue(String field, String path, Options o) {
        String generic = path.replaceAll("\\[[^]]*]", "[]");
        return VOLATILE.contains(field) || o.ignoredValueKeys.contains(field) || o.ignoredValuePaths.contains(generic)
                || (field.equals("message") && generic.contains("errorReports[]") && !o.compareMessages);
    }

    private static final List<String> IDENTITIES = List.of("uid", "trackedEntity", "trackedEntityInstance",
            "enrollment", "event", "reference", "attribute", "dataElement", "id", "code", "trackerType");

    /** What identifies an object in a list: its first identity field, with its error code when it has one. */
    private static String identity(JsonNode n) {
        if (!n.isObject()) {
            return null;
        }
        for (String key : IDENTITIES) {
            if (n.hasNonNull(key) && n.get(key).isValueNode()) {
                return key + "=" + n.get(key).asText() + (n.has("errorCode") ? "/" + n.get("errorCode").asText() : "");
            }
        }
        return null;
    }

    /** Links hold the server's host and port: compare what follows them. */
    private static String normalise(JsonNode n) {
        return n.isTextual() ? n.asText().replaceAll("^https?://[^/]+", "") : n.toString();
    }

    private static Set<String> keys(JsonNode n) {
        Set<String> s = new TreeSet<>();
        n.fieldNames().forEachRemaining(s::add);
        return s;
    }

    private static List<JsonNode> list(JsonNode array) {
        List<JsonNode> list = new ArrayList<>();
        array.forEach(list::add);
        return list;
    }

    /** Whether the last element of a cut array lacks the key the others have. */
    private static boolean keyField(List<JsonNode> others, JsonNode last) {
        String key = keyField(others);
        return key == null || last.has(key);
    }

    private static String keyField(List<JsonNode> elements) {
        for (String key : List.of("attribute", "dataElement")) {
            if (!elements.isEmpty() && elements.stream().allMatch(n -> n.isObject() && n.has(key)
                    && n.get(key).isValueNode())) {
                return key;
            }
        }
        return null;
    }

    /** Parses a reply cut at 4 KiB: drops the last incomplete value and closes what is open. */
    static JsonNode parseTruncated(String text) throws IOException {
        Deque<Character> stack = new ArrayDeque<>();
        boolean inString = false;
        boolean escape = false;
        int safeEnd = 0;
        String safeClosers = "";
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (inString) {
                if (escape) {
                    escape = false;
                } else if (c == '\\') {
                    escape = true;
                } else if (c == '"') {
                    inString = false;
                }
                continue;
            }
            if (c == '"') {
                inString = true;
            } else if (c == '{' || c == '[') {
                stack.push(c == '{' ? '}' : ']');
            } else if (c == '}' || c == ']') {
                stack.pop();
                safeEnd = i + 1;
                safeClosers = closers(stack);
            } else if (c == ',') {
                safeEnd = i;
                safeClosers = closers(stack);
            }
        }
        return JSON.readTree(text.substring(0, safeEnd) + safeClosers);
    }

    private static String closers(Deque<Character> stack) {
        StringBuilder sb = new StringBuilder();
        stack.forEach(sb::append);
        return sb.toString();
    }
}
