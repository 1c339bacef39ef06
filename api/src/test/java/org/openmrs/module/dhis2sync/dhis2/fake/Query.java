package org.openmrs.module.dhis2sync.dhis2.fake;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** A request's query string: decoded parameters plus the raw text (for DHIS2's prevPage/nextPage links). */
final class Query {

    final String raw;
    private final Map<String, List<String>> params = new LinkedHashMap<>();

    Query(String raw) {
        this.raw = raw == null ? "" : raw;
        for (String part : this.raw.split("&")) {
            if (part.isEmpty()) {
                continue;
            }
            int eq = part.indexOf('=');
            String name = decode(eq < 0 ? part : part.substring(0, eq));
            String value = eq < 0 ? "" : decode(part.substring(eq + 1));
            params.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
        }
    }

    private static String decode(String s) {
        try {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return s;
        }
    }

    String get(String name) {
        List<String> v = params.get(name);
        return v == null || v.isEmpty() ? null : v.get(0);
    }

    String get(String name, String fallback) {
        String v = get(name);
        return v == null || v.isEmpty() ? fallback : v;
    }

    List<String> all(String name) {
        return params.getOrDefault(name, List.of());
    }

    boolean isTrue(String name) {
        return "true".equalsIgnoreCase(get(name));
    }

    /**
     * A parameter the deprecated API (and 2.41's deprecated tracker parameters {@code orgUnit}, {@code trackedEntity},
     * {@code enrollment}, {@code event}) reads as a semicolon-separated list ({@code TextUtils.splitToSet(v, ";")}).
     */
    List<String> semicolonList(String name) {
        return all(name).stream().flatMap(v -> Arrays.stream(v.split(";"))).map(String::trim)
                .filter(s -> !s.isEmpty()).collect(Collectors.toList());
    }

    int integer(String name, int fallback) {
        try {
            String v = get(name);
            return v == null ? fallback : Integer.parseInt(v);
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    /** The raw query without {@code page}, with {@code page=N} appended, as DHIS2 2.42 builds its links. */
    String withPage(int page) {
        String rest = Arrays.stream(raw.split("&")).filter(p -> !p.isEmpty() && !p.startsWith("page="))
                .collect(Collectors.joining("&"));
        return (rest.isEmpty() ? "" : rest + "&") + "page=" + page;
    }
}
