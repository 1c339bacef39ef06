package org.openmrs.module.dhis2sync.dhis2.fake;

import java.util.List;
import java.util.Map;

/**
 * One request the fake received. {@code query} is the raw query string (null when absent); header names are
 * lower case. {@code kind} groups requests for counting, e.g. {@code "POST /api/tracker"} or
 * {@code "GET /api/tracker/trackedEntities/{uid}"}.
 */
public record RecordedRequest(String method, String path, String query, String body, Map<String, List<String>> headers,
        String kind) {

    public String header(String name) {
        List<String> values = headers.get(name.toLowerCase(java.util.Locale.ROOT));
        return values == null || values.isEmpty() ? null : values.get(0);
    }
}
