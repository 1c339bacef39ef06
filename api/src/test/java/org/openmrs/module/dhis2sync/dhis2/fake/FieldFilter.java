package org.openmrs.module.dhis2sync.dhis2.fake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * DHIS2's {@code fields} parameter: {@code a,b[c,d[e]]}, {@code *} (or {@code :all}) for every field and
 * {@code !x} to leave one out. A field named without brackets keeps its whole value.
 */
final class FieldFilter {

    private boolean all;
    private final Map<String, FieldFilter> included = new LinkedHashMap<>();
    private final Set<String> excluded = new HashSet<>();

    static FieldFilter parse(String spec) {
        FieldFilter f = new FieldFilter();
        int[] pos = {0};
        f.parseInto(spec.replace(" ", ""), pos);
        return f;
    }

    private void parseInto(String s, int[] pos) {
        StringBuilder name = new StringBuilder();
        while (pos[0] < s.length()) {
            char c = s.charAt(pos[0]);
            if (c == ',') {
                add(name.toString(), null);
                name.setLength(0);
                pos[0]++;
            } else if (c == '[' || c == '(') {
                pos[0]++;
                FieldFilter child = new FieldFilter();
                child.parseInto(s, pos);
                add(name.toString(), child);
                name.setLength(0);
            } else if (c == ']' || c == ')') {
                pos[0]++;
                add(name.toString(), null);
                return;
            } else {
                name.append(c);
                pos[0]++;
            }
        }
        add(name.toString(), null);
    }

    private void add(String name, FieldFilter child) {
        if (name.isEmpty()) {
            return;
        }
        if (name.equals("*") || name.equals(":all")) {
            all = true;
        } else if (name.startsWith("!")) {
            excluded.add(name.substring(1));
        } else {
            included.put(name, child);
        }
    }

    JsonNode apply(JsonNode node) {
        if (node == null) {
            return null;
        }
        if (node.isArray()) {
            ArrayNode out = Reply.JSON.createArrayNode();
            node.forEach(e -> out.add(apply(e)));
            return out;
        }
        if (!node.isObject()) {
            return node;
        }
        ObjectNode out = Reply.JSON.createObjectNode();
        Iterator<Map.Entry<String, JsonNode>> it = node.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            String key = e.getKey();
            if (excluded.contains(key)) {
                continue;
            }
            if (included.containsKey(key)) {
                FieldFilter child = included.get(key);
                out.set(key, child == null ? e.getValue() : child.apply(e.getValue()));
            } else if (all) {
                out.set(key, e.getValue());
            }
        }
        return out;
    }
}
