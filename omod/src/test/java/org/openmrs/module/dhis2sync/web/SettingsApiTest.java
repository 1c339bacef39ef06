package org.openmrs.module.dhis2sync.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

class SettingsApiTest {

    private static final String SECRET = "Zq9-very-secret-Pa55";

    private TestInstallation installation;
    private Api api;

    @BeforeEach
    void start() {
        installation = TestInstallation.start();
        installation.user.admin();
        api = new Api(installation.mockMvc());
    }

    @AfterEach
    void stop() {
        installation.close();
    }

    private String settings(String extra) {
        return "{\"url\": \"" + installation.dhis2.baseUrl() + "/\", \"username\": \"admin\", \"api\": \"auto\","
                + " \"defaultOrgUnit\": \"\", \"batchSize\": 100, \"timeoutSeconds\": 20" + extra + "}";
    }

    @Test
    void readsTheDefaultsOfAFreshInstallation() {
        JsonNode settings = api.get("settings").json();

        assertThat(settings.path("url").asText()).isEmpty();
        assertThat(settings.path("passwordSet").asBoolean()).isFalse();
        assertThat(settings.path("api").asText()).isEqualTo("auto");
        assertThat(settings.path("batchSize").asInt()).isEqualTo(250);
        assertThat(settings.path("timeoutSeconds").asInt()).isEqualTo(60);
        assertThat(settings.has("password")).isFalse();
    }

    @Test
    void savesTheSettingsAndKeepsTheSecretWriteOnly() {
        Api.Reply saved = api.post("settings", settings(", \"password\": \"" + SECRET + "\""));

        assertThat(saved.status).as(saved.toString()).isEqualTo(200);
        assertThat(saved.json().path("url").asText()).isEqualTo(installation.dhis2.baseUrl());
        assertThat(saved.json().path("passwordSet").asBoolean()).isTrue();
        assertThat(saved.body).doesNotContain(SECRET);
        assertThat(installation.globalProperties.stored().get("dhis2sync.dhis2.password")).isNotBlank()
                .doesNotContain(SECRET);

        Api.Reply kept = api.post("settings", settings(""));
        assertThat(kept.json().path("passwordSet").asBoolean()).isTrue();
        Api.Reply cleared = api.post("settings", settings(", \"password\": \"\""));
        assertThat(cleared.json().path("passwordSet").asBoolean()).isFalse();
    }

    @Test
    void aPersonalAccessTokenGoesWithoutAUserName() {
        String token = installation.dhis2.createApiToken();
        String body = settings(", \"apiToken\": \"" + token + "\"").replace("\"username\": \"admin\"",
                "\"username\": \"\"");

        assertThat(api.post("settings", body).status).isEqualTo(200);
        JsonNode test = api.post("settings/test-connection", null).json();

        assertThat(test.path("reachable").asBoolean()).as(test.toString()).isTrue();
        assertThat(api.post("settings", settings(", \"apiToken\": \"" + token + "\"")).errorField())
                .isEqualTo("username");
        assertThat(api.post("settings", settings(", \"apiToken\": \"a\", \"password\": \"b\"")).errorField())
                .isEqualTo("apiToken");
    }

    @Test
    void invalidSettingsNameEveryField() {
        Api.Reply reply = api.post("settings", "{\"url\": \"ftp://x\", \"username\": \"admin\", \"api\": \"new\","
                + " \"defaultOrgUnit\": \"bad\", \"batchSize\": 0, \"timeoutSeconds\": 20}");

        assertThat(reply.status).isEqualTo(400);
        assertThat(reply.errorField()).isEqualTo("url");
        List<String> fields = new ArrayList<>();
        reply.json().path("error").path("errors").forEach(e -> fields.add(e.path("field").asText()));
        assertThat(fields).containsExactly("url", "api", "defaultOrgUnit", "batchSize");

        assertThat(api.post("settings", settings("").replace("100", "\"100\"")).errorField()).isEqualTo("batchSize");
        assertThat(api.post("settings", settings(", \"colour\": \"red\"")).errorField()).isEqualTo("colour");
    }

    @Test
    void testsTheConnection() {
        api.post("settings", settings(", \"password\": \"district\""));

        JsonNode test = api.post("settings/test-connection", null).json();

        assertThat(test.path("reachable").asBoolean()).as(test.toString()).isTrue();
        assertThat(test.path("version").asText()).isEqualTo("2.41.9.1");
        assertThat(test.path("apiGeneration").asText()).isEqualTo("TRACKER");
        assertThat(test.path("user").asText()).isEqualTo("admin");
        assertThat(test.path("completionDateNotice").asText()).startsWith("DHIS2 2.41.9.1 stores the time of the sync "
                + "as an enrollment's completion date");

        api.post("settings", settings(", \"password\": \"district\"").replace("\"auto\"", "\"legacy\""));
        JsonNode legacy = api.post("settings/test-connection", null).json();
        assertThat(legacy.path("apiGeneration").asText()).as(legacy.toString()).isEqualTo("LEGACY");
        assertThat(legacy.path("completionDateNotice").isNull()).as(legacy.toString()).isTrue();
    }

    @Test
    void notConfiguredIsReportedNotThrown() {
        JsonNode test = api.post("settings/test-connection", null).json();

        assertThat(test.path("reachable").asBoolean()).isFalse();
        assertThat(test.path("message").asText()).contains("not configured");
        Api.Reply proxied = api.get("metadata/dhis2/orgUnits");
        assertThat(proxied.status).isEqualTo(502);
        assertThat(proxied.errorMessage()).contains("not configured");
    }

    @Test
    void theSecretAppearsInNoResponseAndNoLogLine() {
        PrintStream original = System.err;
        ByteArrayOutputStream logged = new ByteArrayOutputStream();
        List<String> bodies = new ArrayList<>();
        System.setErr(new PrintStream(logged, true, StandardCharsets.UTF_8));
        try {
            bodies.add(api.post("settings", settings(", \"password\": \"" + SECRET + "\"")).body);
            bodies.add(api.get("settings").body);
            bodies.add(api.post("settings/test-connection", null).body);
            bodies.add(api.get("metadata/dhis2/programs").body);
            installation.dhis2.setCredentials("admin", SECRET);
            bodies.add(api.post("settings/test-connection", null).body);
            bodies.add(api.post("settings", settings(", \"password\": \"" + SECRET + "\n\"")).body);
            bodies.add(api.post("settings", settings(", \"password\": \"" + SECRET + "\"").replace("100", "0")).body);
            bodies.add(api.post("settings", "{\"password\": \"" + SECRET + "\", \"batchSize\": true}").body);
            bodies.add(api.post("settings", "{\"password\": \"" + SECRET + "\",").body);
        } finally {
            System.setErr(original);
        }

        assertThat(bodies).hasSize(9).allSatisfy(body -> assertThat(body).doesNotContain(SECRET));
        assertThat(bodies.get(4)).contains("\"reachable\":true");
        assertThat(logged.toString(StandardCharsets.UTF_8)).contains("DHIS2 Sync settings saved")
                .doesNotContain(SECRET);
    }

    @Test
    void theStoredSecretIsBoundToItsDhis2AndAnotherAddressNeedsItAgain() {
        assertThat(api.post("settings", settings(", \"password\": \"district\"")).status).isEqualTo(200);
        String moved = settings("").replace(installation.dhis2.baseUrl(), "https://elsewhere.example.org");

        Api.Reply refused = api.post("settings", moved);

        assertThat(refused.status).as(refused.toString()).isEqualTo(400);
        assertThat(refused.errorField()).isEqualTo("password");
        assertThat(refused.errorMessage()).contains("entered again");
        assertThat(api.get("settings").json().path("url").asText()).isEqualTo(installation.dhis2.baseUrl());
        // another port of the same host is another server too
        String otherPort = settings("").replace(installation.dhis2.baseUrl(), "http://127.0.0.1:1");
        assertThat(api.post("settings", otherPort).errorField()).isEqualTo("password");

        Api.Reply cleared = api.post("settings", moved.replace("}", ", \"password\": \"\"}"));
        assertThat(cleared.status).as(cleared.toString()).isEqualTo(200);
        assertThat(cleared.json().path("passwordSet").asBoolean()).isFalse();
        assertThat(cleared.json().path("warning").isNull()).isTrue();
    }

    @Test
    void plainHttpToAnotherMachineIsWarnedAbout() {
        String remote = settings(", \"password\": \"district\"").replace(installation.dhis2.baseUrl(),
                "http://dhis2_web:8080");

        Api.Reply saved = api.post("settings", remote);

        assertThat(saved.status).as(saved.toString()).isEqualTo(200);
        assertThat(saved.json().path("url").asText()).isEqualTo("http://dhis2_web:8080");
        assertThat(saved.json().path("warning").asText()).contains("plain http").contains("dhis2_web");
        assertThat(api.get("settings").json().path("warning").asText()).contains("plain http");
    }

    @Test
    void aUrlWithCredentialsIsRefusedWithoutEchoingThem() {
        for (String url : new String[] {"https://admin:" + SECRET + "@dhis2.example.org",
            "https://admin:" + SECRET + "%zz@dhis2.example.org"}) {
            Api.Reply reply = api.post("settings", settings(", \"password\": \"district\"")
                    .replace(installation.dhis2.baseUrl() + "/", url));

            assertThat(reply.status).as(url).isEqualTo(400);
            assertThat(reply.errorField()).isEqualTo("url");
            assertThat(reply.body).doesNotContain(SECRET);
        }
    }

    @Test
    void aFractionIsNoWholeNumberAndAWildcardIsNoJson() {
        Api.Reply fraction = api.post("settings", settings("").replace("\"batchSize\": 100", "\"batchSize\": 50.7"));
        assertThat(fraction.status).as(fraction.toString()).isEqualTo(400);
        assertThat(fraction.errorField()).isEqualTo("batchSize");
        assertThat(api.get("settings").json().path("batchSize").asInt()).isEqualTo(250);

        Api.Reply wildcard = api.send(Api.posting("settings", settings("")).contentType("*/*"));
        assertThat(wildcard.status).as(wildcard.toString()).isEqualTo(415);
        Api.Reply anyText = api.send(Api.posting("settings", settings("")).contentType("text/*"));
        assertThat(anyText.status).isEqualTo(415);
        Api.Reply vendorJson = api.send(Api.posting("settings", settings("")).contentType("application/vnd.api+json"));
        assertThat(vendorJson.status).as(vendorJson.toString()).isEqualTo(200);
    }
}
