package org.openmrs.module.dhis2sync.dhis2.fake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.openmrs.module.dhis2sync.dhis2.ReferenceReplies;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Replays the requests captured by hand from real DHIS2 2.41.9.1 and 2.42.5.2 (test resources
 * {@code /dhis2/<version>/}) against the fake, in the order they were made, and compares each reply field by field with
 * the real one. Steps whose request was not captured as a file (the capture notes name them) are rebuilt from those
 * notes; steps marked "setup" only bring the fake to the state the real server had.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FakeDhis2ConformanceTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String BASIC = "basic admin:district";
    private static final String TRACKER_SYNC = "/api/tracker?async=false&importStrategy=CREATE_AND_UPDATE";

    /** One replayed request; {@code response} null for a setup step. */
    record Step(FakeDhis2.Version version, String response, String requestFile, String method, String path,
            String auth, boolean listPrefix, List<String> ignoredValuePaths) {

        @Override
        public String toString() {
            return version.text() + " " + (response == null ? "setup " + method + " " + path : response);
        }
    }

    private final Map<FakeDhis2.Version, FakeDhis2> fakes = new EnumMap<>(FakeDhis2.Version.class);
    private final Map<String, String> tokens = new HashMap<>();
    private final Map<String, String> substitutions = new HashMap<>();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER).build();

    private static Step reply(FakeDhis2.Version v, String name) {
        return new Step(v, name, name, null, null, null, false, List.of());
    }

    private static Step reply(FakeDhis2.Version v, String name, String method, String path) {
        return new Step(v, name, name, method, path, BASIC, false, List.of());
    }

    private static Step rebuilt(FakeDhis2.Version v, String response, String requestFile, String method, String path) {
        return new Step(v, response, requestFile, method, path, BASIC, false, List.of());
    }

    private static Step setup(FakeDhis2.Version v, String requestFile, String method, String path, String auth) {
        return new Step(v, null, requestFile, method, path, auth, false, List.of());
    }

    private static Step ignoring(Step s, boolean listPrefix, String... paths) {
        return new Step(s.version(), s.response(), s.requestFile(), s.method(), s.path(), s.auth(), listPrefix,
                List.of(paths));
    }

    static Stream<Arguments> steps() {
        List<Step> s = new ArrayList<>();
        FakeDhis2.Version v = FakeDhis2.Version.V2_41;
        s.add(reply(v, "compare-01-system-info"));
        s.add(reply(v, "depr-tei", "POST", "/api/trackedEntityInstances?strategy=CREATE_AND_UPDATE"));
        s.add(reply(v, "depr-enr", "POST", "/api/enrollments?strategy=CREATE_AND_UPDATE"));
        s.add(rebuilt(v, "depr-get-enr", null, "GET", "/api/enrollments/EnrDepr0001.json"));
        s.add(reply(v, "depr-evt", "POST", "/api/events?strategy=CREATE_AND_UPDATE"));
        s.add(rebuilt(v, "depr-get-evt", null, "GET", "/api/events/EvtDepr0001.json"));
        s.add(rebuilt(v, "depr-search", null, "GET", "/api/trackedEntityInstances.json?ou=OuVerify001"
                + "&program=PrgVerify01&filter=TeaNatIdNo1:EQ:NID-DEPR-0001&fields=trackedEntityInstance,orgUnit,"
                + "attributes[attribute,value],enrollments[enrollment,status,events[event,status,"
                + "dataValues[dataElement,value]]]"));
        s.add(reply(v, "depr-tei-dup", "POST", "/api/trackedEntityInstances?strategy=CREATE_AND_UPDATE"));
        s.add(reply(v, "depr-tei-enr2", "POST", "/api/trackedEntityInstances?strategy=CREATE_AND_UPDATE"));
        s.add(rebuilt(v, "depr-get-tei", null, "GET", "/api/trackedEntityInstances/TeiDepr0001.json?program=PrgVerify01&fields=*"));
        s.add(reply(v, "depr-enr2", "POST", "/api/enrollments?strategy=CREATE_AND_UPDATE"));
        s.add(reply(v, "depr-enr2b", "POST", "/api/enrollments?strategy=CREATE_AND_UPDATE"));
        s.add(reply(v, "depr-evt-bad", "POST", "/api/events?strategy=CREATE_AND_UPDATE"));
        s.add(reply(v, "depr-evt-upd", "POST", "/api/events?strategy=CREATE_AND_UPDATE"));
        s.add(reply(v, "new-te", "POST", TRACKER_SYNC + "&atomicMode=ALL&reportMode=FULL"));
        s.add(rebuilt(v, "new-get-te", null, "GET", "/api/tracker/trackedEntities/TeNewApi001?program=PrgVerify01&fields=*"));
        s.add(rebuilt(v, "new-get-en", null, "GET", "/api/tracker/enrollments/EnNewApi001"));
        s.add(rebuilt(v, "new-get-ev", null, "GET", "/api/tracker/events/EvNewApi001"));
        s.add(rebuilt(v, "new-search", null, "GET", "/api/tracker/trackedEntities?orgUnits=OuVerify001"
                + "&program=PrgVerify01&filter=TeaNatIdNo1:eq:NID-NEW-0001&fields=trackedEntity,orgUnit,"
                + "attributes[attribute,value],enrollments[enrollment,status,events[event,status,"
                + "dataValues[dataElement,value]]]"));
        s.add(ignoring(rebuilt(v, "new-te-upd-async", "new-te-upd", "POST", "/api/tracker?importStrategy=CREATE_AND_UPDATE"),
                false, "$.response.id", "$.response.location"));
        s.add(rebuilt(v, "new-te-upd-async-report", null, "GET", "/api/tracker/jobs/{job}/report"));
        s.add(reply(v, "new-en2", "POST", TRACKER_SYNC + "&atomicMode=ALL"));
        s.add(setup(v, "new-en2", "POST", "/api/tracker?importStrategy=CREATE_AND_UPDATE&atomicMode=ALL", BASIC));
        s.add(rebuilt(v, "new-en2-async-report", null, "GET", "/api/tracker/jobs/{job}/report"));
        s.add(reply(v, "new-ev-bad", "POST", TRACKER_SYNC + "&atomicMode=ALL"));
        s.add(reply(v, "new-te-upd-missing", "POST", "/api/tracker?async=false&importStrategy=UPDATE&atomicMode=ALL"));
        s.add(reply(v, "compare-20-get-trackedEntities-filter-in"));
        s.add(reply(v, "compare-20b-get-trackedEntities-program-totalPages"));
        s.add(reply(v, "compare-20d-get-trackedEntities-paging-false"));
        s.add(reply(v, "compare-20e-get-trackedEntities-orgUnit-ouMode-bogus-uid"));
        // the real server held other (benchmark) tracked entities: page 2 is someone else there
        s.add(ignoring(reply(v, "compare-20g-get-trackedEntities-page2-pageSize1"), false,
                "$.trackedEntities[].trackedEntity"));
        s.add(reply(v, "compare-21-get-trackedEntity-fields-all"));
        s.add(reply(v, "compare-22-get-enrollments-by-trackedEntity"));
        s.add(ignoring(reply(v, "compare-30-deprecated-GET-trackedEntityInstances"), true));
        s.add(reply(v, "compare-40-auth-bad-password"));
        s.add(reply(v, "compare-41-auth-no-credentials"));
        s.add(reply(v, "compare-41b-auth-no-credentials-xhr"));
        for (String r : List.of("r1-create-tei", "r2-completed-enrollment", "r3-new-active-while-other-completed",
                "r4-reopen-completed-while-other-active", "r5-complete-second", "r6-reopen-first-now-none-active",
                "r7-get-enrollments")) {
            s.add(reply(v, "reopen-depr-" + r));
        }
        addReopenTracker(s, v);

        v = FakeDhis2.Version.V2_42;
        String object = TRACKER_SYNC + "&atomicMode=OBJECT";
        String all = TRACKER_SYNC + "&atomicMode=ALL";
        s.add(reply(v, "01-system-info"));
        s.add(reply(v, "04-user-orgunits"));
        s.add(reply(v, "10-tracker-import-nested-success", "POST", all + "&reportMode=FULL"));
        s.add(reply(v, "11-tracker-import-second-active-enrollment-E1015", "POST", object));
        s.add(reply(v, "11b-tracker-import-second-active-enrollment-ALL", "POST", all));
        s.add(reply(v, "12-tracker-import-event-invalid-option-E1125", "POST", object));
        s.add(reply(v, "12b-tracker-import-event-invalid-option-ALL", "POST", all));
        s.add(reply(v, "13-tracker-import-batch3-dup-natid-OBJECT", "POST", object));
        s.add(reply(v, "13b-tracker-import-batch3-dup-natid-ALL", "POST", all));
        s.add(reply(v, "14-tracker-import-invalid-uid", "POST", object));
        s.add(reply(v, "15-tracker-import-active-event-with-completedAt-E1051", "POST", object));
        s.add(reply(v, "16a-tracker-import-async-default", "POST",
                "/api/tracker?importStrategy=CREATE_AND_UPDATE&atomicMode=OBJECT"));
        s.add(ignoring(reply(v, "16b-tracker-job-notifications"), true, "$[].id", "$[].uid", "$[].level"));
        s.add(reply(v, "16c-tracker-job-report"));
        s.add(reply(v, "16d-tracker-job-follow-response-location"));
        for (String name : List.of("20-get-trackedEntities-filter-in", "20b-get-trackedEntities-program-totalPages",
                "20c-get-trackedEntities-241-deprecated-params", "20d-get-trackedEntities-paging-false",
                "20e-get-trackedEntities-orgUnit-ouMode-bogus-uid", "20f-get-trackedEntities-orgUnits-unknown",
                "20g-get-trackedEntities-page2-pageSize1", "21-get-trackedEntity-fields-all",
                "22-get-enrollments-by-trackedEntity", "22b-get-enrollments-program-orgUnits-status",
                "22c-get-enrollments-241-programStatus", "23-get-trackedEntity-rejected-batch-member",
                "23b-get-trackedEntity-created-batch-member", "30-deprecated-GET-trackedEntityInstances",
                "30b-deprecated-GET-trackedEntityInstances-accept-json")) {
            s.add(reply(v, name));
        }
        s.add(reply(v, "31-deprecated-POST-trackedEntityInstances", "POST",
                "/api/trackedEntityInstances?strategy=CREATE_AND_UPDATE"));
        s.add(reply(v, "32-deprecated-GET-enrollments"));
        s.add(reply(v, "33-deprecated-POST-events", "POST", "/api/events?strategy=CREATE_AND_UPDATE"));
        s.add(reply(v, "40-auth-bad-password"));
        s.add(reply(v, "41-auth-no-credentials"));
        s.add(reply(v, "41b-auth-no-credentials-xhr"));
        s.add(ignoring(reply(v, "50-apiToken-create", "POST", "/api/apiToken"), false, "$.response.uid"));
        s.add(reply(v, "51-apiToken-GET-trackedEntity"));
        // real 2.42.5.2 answered this retry without a warm-up call; the fake needs GET /api/me first
        s.add(setup(v, null, "GET", "/api/me", "ApiToken token1"));
        s.add(reply(v, "51b-apiToken-GET-trackedEntity-retry"));
        s.add(reply(v, "52-apiToken-GET-me"));
        s.add(reply(v, "53-apiToken-invalid"));
        s.add(ignoring(reply(v, "54-apiToken-create-second", "POST", "/api/apiToken"), false, "$.response.uid"));
        s.add(new Step(v, "55-apiToken2-first-use-POST-tracker", "55-apiToken2-first-use-POST-tracker", "POST", object,
                "ApiToken token2", false, List.of()));
        s.add(new Step(v, "56-apiToken2-retry-POST-tracker", "56-apiToken2-retry-POST-tracker", "POST", object,
                "ApiToken token2", false, List.of()));
        s.add(setup(v, null, "GET", "/api/me", "ApiToken token2"));
        s.add(new Step(v, "57-apiToken2-after-warmup-POST-tracker", "57-apiToken2-after-warmup-POST-tracker", "POST",
                object, "ApiToken token2", false, List.of()));
        s.add(reply(v, "58-apiToken-as-Bearer"));
        addReopenTracker(s, v);
        return s.stream().map(Arguments::of);
    }

    private static void addReopenTracker(List<Step> s, FakeDhis2.Version v) {
        for (String r : List.of("r1-create-te-with-completed-enrollment", "r2-new-active-enrollment-while-other-completed",
                "r3-reopen-completed-while-other-active", "r4-complete-second", "r5-reopen-first-now-none-active",
                "r6-get-enrollments")) {
            s.add(reply(v, "reopen-tracker-" + r));
        }
    }

    @AfterAll
    void stopFakes() {
        fakes.values().forEach(FakeDhis2::close);
    }

    private FakeDhis2 fake(FakeDhis2.Version v) {
        return fakes.computeIfAbsent(v, version -> {
            FakeDhis2 f = FakeDhis2.start(version);
            f.requireTokenWarmup(version == FakeDhis2.Version.V2_42);
            return f;
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("steps")
    void replyMatchesRealDhis2(Step step) throws Exception {
        String version = step.version().text();
        FakeDhis2 fake = fake(step.version());
        String method = step.method();
        String path = step.path();
        String auth = step.auth();
        String body = null;
        if (step.requestFile() != null) {
            String text = ReferenceReplies.read(version, step.requestFile() + ".request.json");
            JsonNode request = JSON.readTree(text);
            if (request.has("method") && (request.has("url") || request.has("path"))) {
                method = request.get("method").asText();
                path = request.has("url") ? request.get("url").asText().replaceAll("^https?://[^/]+", "")
                        : request.get("path").asText();
                auth = request.hasNonNull("auth") ? request.get("auth").asText() : BASIC;
                JsonNode b = request.get("body");
                body = b == null || b.isNull() ? null : JSON.writeValueAsString(b);
                if (method.equals("POST") && path.startsWith("/api/apiToken")) {
                    body = JSON.writeValueAsString(request);
                }
            } else {
                body = text;
            }
        }
        path = substitute(path.replace("{job}", substitutions.getOrDefault("job", "none")));
        HttpResponse<String> response = send(fake, method, path, auth, body);
        remember(step, response);
        if (step.response() == null) {
            return;
        }
        String expectedText = ReferenceReplies.read(version, step.response() + ".response.txt");
        int newline = expectedText.stripTrailing().lastIndexOf('\n');
        String lastLine = expectedText.stripTrailing().substring(newline + 1);
        boolean cut = !lastLine.startsWith("HTTP ");
        String expectedBody = cut ? expectedText : expectedText.stripTrailing().substring(0, Math.max(newline, 0));
        if (!cut) {
            assertThat(response.statusCode()).as("HTTP status; body: %s", response.body())
                    .isEqualTo(Integer.parseInt(lastLine.substring(5).trim()));
        } else {
            assertThat(response.statusCode()).as("HTTP status; body: %s", response.body()).isEqualTo(200);
        }
        String trimmed = expectedBody.trim();
        if (trimmed.isEmpty()) {
            if (response.statusCode() == 302) {
                assertThat(response.headers().firstValue("Location").orElse(""))
                        .endsWith("/dhis-web-commons/security/login.action");
            }
            return;
        }
        if (trimmed.startsWith("<")) {
            assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
            assertThat(response.body()).contains("HTTP Status " + response.statusCode());
            return;
        }
        JsonNode expected = cut ? parseCut(trimmed) : JSON.readTree(substitute(trimmed));
        JsonNode actual = JSON.readTree(response.body());
        JsonConformance.Options options = new JsonConformance.Options();
        options.truncated = cut;
        options.listPrefix = step.listPrefix();
        options.ignoredValuePaths.addAll(step.ignoredValuePaths());
        assertThat(JsonConformance.compare(expected, actual, options)).as("differences; fake replied %s", response.body())
                .isEmpty();
    }

    private static JsonNode parseCut(String text) throws IOException {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            return JsonConformance.parseTruncated(text);
        }
    }

    private String substitute(String text) {
        String result = text;
        for (Map.Entry<String, String> e : substitutions.entrySet()) {
            if (!e.getKey().equals("job")) {
                result = result.replace(e.getKey(), e.getValue());
            }
        }
        return result;
    }

    /** Job ids and token keys the fake generated, to use where the real ones appear later. */
    private void remember(Step step, HttpResponse<String> response) throws IOException {
        if (!response.body().startsWith("{")) {
            return;
        }
        JsonNode json = JSON.readTree(response.body());
        if ("Tracker job added".equals(json.path("message").asText())) {
            String id = json.path("response").path("id").asText();
            substitutions.put("job", id);
            if (step.version() == FakeDhis2.Version.V2_42) {
                substitutions.put("UlcbvV3Q5QH", id);
            }
        }
        if (json.path("response").has("key")) {
            tokens.put(step.response().startsWith("50") ? "token1" : "token2", json.path("response").path("key").asText());
        }
    }

    private HttpResponse<String> send(FakeDhis2 fake, String method, String path, String auth, String body)
            throws IOException, InterruptedException {
        String encoded = path.replace("[", "%5B").replace("]", "%5D").replace(" ", "%20");
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(fake.baseUrl() + encoded))
                .timeout(Duration.ofSeconds(20)).header("Accept", "application/json");
        String a = auth == null ? BASIC : auth;
        if (a.startsWith("basic ")) {
            b.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                    a.substring(6).getBytes(StandardCharsets.UTF_8)));
        } else if (a.contains("X-Requested-With: XMLHttpRequest")) {
            b.header("X-Requested-With", "XMLHttpRequest");
        } else if (a.contains("ApiToken <key from 50") || a.equals("ApiToken token1")) {
            b.header("Authorization", "ApiToken " + tokens.get("token1"));
        } else if (a.equals("ApiToken token2")) {
            b.header("Authorization", "ApiToken " + tokens.get("token2"));
        } else if (a.contains("ApiToken d2p_ + 50 wrong chars")) {
            b.header("Authorization", "ApiToken d2p_" + "x".repeat(50));
        } else if (a.contains("Bearer <key from 54>")) {
            b.header("Authorization", "Bearer " + tokens.get("token2"));
        }
        if (body != null) {
            b.header("Content-Type", "application/json");
        }
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }
}
