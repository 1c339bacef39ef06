package org.openmrs.module.dhis2sync.dhis2.fake;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.http.HttpTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Authentication as DHIS2 answers it, the injectable faults, request recording and the state file. */
class FakeDhis2AuthFaultsStateTest {

    private FakeDhis2 fake;
    private FakeHttp http;

    private void start(FakeDhis2.Version version) {
        fake = FakeDhis2.start(version);
        http = new FakeHttp(fake);
    }

    @AfterEach
    void stop() {
        if (fake != null) {
            fake.close();
        }
    }

    private static final String TE = "/api/tracker/trackedEntities/TeMissing01";

    @Test
    void basicAuthFailuresAnswerAsDhis2Does() throws Exception {
        start(FakeDhis2.Version.V2_42);
        FakeHttp.Answer wrong = http.basic("admin", "wrong-password").get(TE);
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(wrong.json().toString()).isEqualTo("{\"httpStatus\":\"Unauthorized\",\"httpStatusCode\":401,"
                + "\"status\":\"ERROR\",\"message\":\"Unauthorized\"}");
        FakeHttp.Answer none = http.authorization(null).get(TE);
        assertThat(none.status()).isEqualTo(302);
        assertThat(none.header("Location")).isEqualTo(fake.baseUrl() + "/dhis-web-commons/security/login.action");
        FakeHttp.Answer page = http.get("/dhis-web-commons/security/login.action");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.header("Content-Type")).startsWith("text/html");
        assertThat(http.authorization(null).send("GET", TE, null).status()).isEqualTo(302);

        fake.setCredentials("sync", "s3cret");
        assertThat(http.basic("admin", "district").get("/api/me").status()).isEqualTo(401);
        assertThat(http.basic("sync", "s3cret").get("/api/me").json().path("username").asText()).isEqualTo("sync");
    }

    @Test
    void xmlHttpRequestWithoutCredentialsIs401() throws Exception {
        start(FakeDhis2.Version.V2_41);
        java.net.http.HttpClient client = java.net.http.HttpClient.newHttpClient();
        java.net.http.HttpResponse<String> r = client.send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create(fake.baseUrl() + TE)).header("X-Requested-With", "XMLHttpRequest").build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(r.body()).contains("\"message\":\"Unauthorized\"");
    }

    @Test
    void apiTokensWorkBearerDoesNotAndBadTokensAre400() throws Exception {
        start(FakeDhis2.Version.V2_42);
        String token = fake.createApiToken();
        assertThat(token).startsWith("d2p_");
        assertThat(http.authorization("ApiToken " + token).get("/api/me?fields=id").json().path("id").asText())
                .isEqualTo("M5zQapPyTZI");
        FakeHttp.Answer bearer = http.authorization("Bearer " + token).get("/api/me");
        assertThat(bearer.status()).isEqualTo(302);
        FakeHttp.Answer invalid = http.authorization("ApiToken d2p_" + "x".repeat(50)).get("/api/me");
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.json().path("message").asText()).isEqualTo("Checksum validation failed");

        FakeHttp.Answer created = http.basic("admin", "district").post("/api/apiToken", "{\"name\":\"sync\"}");
        assertThat(created.status()).isEqualTo(201);
        String second = created.json().path("response").path("key").asText();
        assertThat(http.authorization("ApiToken " + second).get("/api/system/info").status()).isEqualTo(200);
    }

    @Test
    void tokenWarmUpAnswers500OnTrackerUntilGetMe() throws Exception {
        start(FakeDhis2.Version.V2_42);
        fake.requireTokenWarmup(true);
        String token = fake.createApiToken();
        http.authorization("ApiToken " + token);
        FakeHttp.Answer cold = http.post("/api/tracker?async=false", "{\"trackedEntities\":[]}");
        assertThat(cold.status()).isEqualTo(500);
        assertThat(cold.body()).contains("HTTP Status 500");
        assertThat(http.get("/api/tracker/trackedEntities/TeMissing01").status()).isEqualTo(500);
        assertThat(http.get("/api/system/info").status()).isEqualTo(200);
        assertThat(http.get("/api/me").status()).isEqualTo(200);
        assertThat(http.post("/api/tracker?async=false", "{\"trackedEntities\":[]}").status()).isEqualTo(200);
    }

    @Test
    void failNextAnswersTheStatusThenRecovers() throws Exception {
        start(FakeDhis2.Version.V2_41);
        fake.failNext(2, 503);
        FakeHttp.Answer first = http.get("/api/system/info");
        assertThat(first.status()).isEqualTo(503);
        assertThat(first.header("Content-Type")).startsWith("text/html");
        assertThat(http.get("/api/system/info").status()).isEqualTo(503);
        assertThat(http.get("/api/system/info").status()).isEqualTo(200);
        fake.failNext(1, 429);
        FakeHttp.Answer throttled = http.get("/api/system/info");
        assertThat(throttled.status()).isEqualTo(429);
        assertThat(throttled.json().path("httpStatusCode").asInt()).isEqualTo(429);
        fake.failNext(1, 500);
        assertThat(http.get("/api/system/info").body()).contains("HTTP Status 500");
    }

    @Test
    void droppedConnectionsGiveTheClientAnIoErrorWithoutReply() throws Exception {
        start(FakeDhis2.Version.V2_41);
        // a POST: java.net.http retries an idempotent GET once by itself when the connection closes
        fake.dropNextConnections(1);
        assertThatThrownBy(() -> http.post("/api/tracker?async=false", "{}")).isInstanceOf(IOException.class);
        assertThat(http.post("/api/tracker?async=false", "{}").status()).isEqualTo(200);
        assertThat(fake.requests()).hasSize(2);
    }

    @Test
    void stalledRequestsTripTheClientReadTimeout() throws Exception {
        start(FakeDhis2.Version.V2_41);
        fake.stallNext(1, Duration.ofMillis(1500));
        assertThatThrownBy(() -> http.timeout(Duration.ofMillis(300)).get("/api/system/info"))
                .isInstanceOf(HttpTimeoutException.class);
        long t0 = System.nanoTime();
        assertThat(http.timeout(Duration.ofSeconds(5)).get("/api/system/info").status()).isEqualTo(200);
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofMillis(1000));
    }

    @Test
    void latencyDelaysEveryReply() throws Exception {
        start(FakeDhis2.Version.V2_41);
        fake.setLatency(Duration.ofMillis(200));
        long t0 = System.nanoTime();
        http.get("/api/system/info");
        http.get("/api/system/info");
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isGreaterThanOrEqualTo(Duration.ofMillis(400));
    }

    @Test
    void loginPageModeRedirectsEvenAuthenticatedCallsToAnHtmlPage() throws Exception {
        start(FakeDhis2.Version.V2_41);
        fake.serveLoginPage(true);
        FakeHttp.Answer redirected = http.get("/api/tracker/trackedEntities?trackedEntityType=TetPerson01");
        assertThat(redirected.status()).isEqualTo(302);
        FakeHttp.Answer page = http.get(redirected.header("Location").substring(fake.baseUrl().length()));
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("j_username");
        fake.serveLoginPage(false);
        assertThat(http.get("/api/system/info").status()).isEqualTo(200);
    }

    @Test
    void requestsAreRecordedAndCountedByKind() throws Exception {
        start(FakeDhis2.Version.V2_41);
        http.get("/api/tracker/trackedEntities/TeAda000001");
        http.get("/api/tracker/trackedEntities/TeAlan00001?fields=*");
        http.post("/api/tracker?async=false", "{\"trackedEntities\":[]}");
        http.get("/api/trackedEntityInstances/TeAda000001.json");
        assertThat(fake.requestCountsByKind()).containsExactly(
                Map.entry("GET /api/trackedEntityInstances/{uid}", 1),
                Map.entry("GET /api/tracker/trackedEntities/{uid}", 2), Map.entry("POST /api/tracker", 1));
        RecordedRequest post = fake.requests().get(2);
        assertThat(post.method()).isEqualTo("POST");
        assertThat(post.query()).isEqualTo("async=false");
        assertThat(post.body()).isEqualTo("{\"trackedEntities\":[]}");
        assertThat(post.header("Authorization")).startsWith("Basic ");
        fake.clearRequests();
        assertThat(fake.requests()).isEmpty();
    }

    @Test
    void stateFileKeepsDataMetadataAndTokensAcrossRestarts(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("dhis2-state.json");
        fake = FakeDhis2.start(FakeDhis2.Version.V2_41, file);
        http = new FakeHttp(fake);
        fake.metadata().setOnlyEnrollOnce("PrgVerify01", true);
        String token = fake.createApiToken();
        http.post("/api/tracker?async=false", "{\"trackedEntities\":[{\"trackedEntity\":\"TeSaved0001\","
                + "\"trackedEntityType\":\"TetPerson01\",\"orgUnit\":\"OuVerify001\",\"attributes\":["
                + "{\"attribute\":\"TeaNatIdNo1\",\"value\":\"NID-S\"}],\"enrollments\":[{\"enrollment\":\"EnSaved0001\","
                + "\"program\":\"PrgVerify01\",\"orgUnit\":\"OuVerify001\",\"enrolledAt\":\"2024-01-01\"}]}]}");
        assertThat(Files.exists(file)).isTrue();
        fake.close();

        fake = FakeDhis2.start(FakeDhis2.Version.V2_41, file);
        http = new FakeHttp(fake);
        assertThat(fake.trackedEntity("TeSaved0001").orElseThrow().attributes()).containsEntry("TeaNatIdNo1", "NID-S");
        assertThat(fake.enrollment("EnSaved0001").orElseThrow().status()).isEqualTo("ACTIVE");
        assertThat(fake.metadata().program("PrgVerify01").orElseThrow().onlyEnrollOnce()).isTrue();
        assertThat(http.authorization("ApiToken " + token).get("/api/tracker/trackedEntities/TeSaved0001").status())
                .isEqualTo(200);
        fake.seedTrackedEntity(FakeTrackedEntity.of("TeSeeded001", "TetPerson01", "OuVerify001", Map.of()));
        fake.close();

        Path copy = dir.resolve("copy.json");
        fake = FakeDhis2.start(FakeDhis2.Version.V2_42, file);
        assertThat(fake.trackedEntities()).extracting(FakeTrackedEntity::uid).containsExactly("TeSaved0001", "TeSeeded001");
        fake.seedEvent(new FakeEvent("EvSaved0001", "EnSaved0001", null, null, "StgVisit001", "OuVerify001", "ACTIVE",
                LocalDateTime.of(2024, 2, 1, 0, 0), Map.of("DeNoteText1", "kept")));
        fake.saveState(copy);
        fake.close();
        fake = FakeDhis2.start(FakeDhis2.Version.V2_42, copy);
        FakeEvent event = fake.event("EvSaved0001").orElseThrow();
        assertThat(event.trackedEntity()).isEqualTo("TeSaved0001");
        assertThat(event.program()).isEqualTo("PrgVerify01");
        assertThat(event.dataValues()).containsEntry("DeNoteText1", "kept");
    }
}
