package org.openmrs.module.dhis2sync.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

class RunsApiTest {

    private TestInstallation installation;
    private Api api;
    private String mappingUuid;

    @BeforeEach
    void start() {
        installation = TestInstallation.start();
        mappingUuid = installation.seedDemo();
        installation.user.admin();
        api = new Api(installation.mockMvc());
    }

    @AfterEach
    void stop() {
        installation.close();
    }

    @Test
    void aRunStartsInTheBackgroundAndReportsItsProgressThenItsLog() throws InterruptedException {
        Api.Reply started = api.post("sync", "{\"mappingUuid\": \"" + mappingUuid + "\", \"comment\": \"monthly\"}");

        assertThat(started.status).as(started.toString()).isEqualTo(202);
        JsonNode run = started.json().path("runs").get(0);
        assertThat(run.path("mappingUuid").asText()).isEqualTo(mappingUuid);
        assertThat(run.path("mappingName").asText()).isEqualTo("HTS Service");
        JsonNode state = awaitEnd(run.path("runId").asText());

        assertThat(state.path("status").asText()).isEqualTo("PARTIAL");
        assertThat(state.path("percent").asInt()).isEqualTo(100);
        assertThat(state.path("counts").path("INSTANCE").path("created").asInt()).isEqualTo(2);
        assertThat(state.path("counts").path("EVENT").has("done")).isTrue();
        assertThat(state.path("statusInfo").asText()).contains("refused");
        assertThat(state.path("endDate").asText()).endsWith("Z");

        JsonNode logs = api.get("logs").json();
        assertThat(logs.path("total").asInt()).isEqualTo(1);
        JsonNode log = logs.path("results").get(0);
        assertThat(log.path("runId").asText()).isEqualTo(run.path("runId").asText());
        assertThat(log.path("syncedBy").asText()).isEqualTo("admin");
        assertThat(log.path("comments").asText()).isEqualTo("monthly");
        assertThat(log.path("status").asText()).isEqualTo("PARTIAL");
        assertThat(log.path("patientsCreated").asInt()).isEqualTo(2);
        assertThat(log.path("failedCount").asInt()).isGreaterThanOrEqualTo(1);
        assertThat(api.get("mappings").json().path("results").get(0).path("lastSuccessfulSync").isNull()).isFalse();

        JsonNode failures = api.send(Api.getting("failures").param("mapping", mappingUuid)).json();
        assertThat(failures.path("total").asInt()).isGreaterThanOrEqualTo(1);
        JsonNode failure = null;
        for (JsonNode each : failures.path("results")) {
            if (each.path("openmrsUuid").asText().equals(TestInstallation.REFUSED_PATIENT)) {
                failure = each;
            }
        }
        assertThat(failure).as(failures.toString()).isNotNull();
        assertThat(failure.path("category").asText()).isEqualTo("INSTANCE");
        assertThat(failure.path("mappingName").asText()).isEqualTo("HTS Service");
        assertThat(failure.path("message").asText()).isNotBlank();

        Api.Reply retry = api.post("failures/" + failure.path("id").asText() + "/retry", null);
        assertThat(retry.status).as(retry.toString()).isEqualTo(202);
        awaitEnd(retry.json().path("runs").get(0).path("runId").asText());
        Api.Reply retryAll = api.post("failures/retry", "{\"mappingUuid\": null}");
        assertThat(retryAll.status).as(retryAll.toString()).isEqualTo(202);
        awaitEnd(retryAll.json().path("runs").get(0).path("runId").asText());
        assertThat(api.get("logs").json().path("total").asInt()).isEqualTo(3);
    }

    @Test
    void logsAreFilteredAndPaged() throws InterruptedException {
        for (int i = 0; i < 2; i++) {
            String runId = api.post("sync", "{\"mappingUuid\": \"" + mappingUuid + "\", \"comment\": \"run " + i
                    + "\"}").json().path("runs").get(0).path("runId").asText();
            awaitEnd(runId);
        }

        JsonNode firstPage = api.send(Api.getting("logs").param("pageSize", "1")).json();
        assertThat(firstPage.path("total").asInt()).isEqualTo(2);
        assertThat(firstPage.path("results").get(0).path("comments").asText()).isEqualTo("run 1");
        assertThat(api.send(Api.getting("logs").param("pageSize", "1").param("page", "2")).json()
                .path("results").get(0).path("comments").asText()).isEqualTo("run 0");
        assertThat(api.send(Api.getting("logs").param("user", "someone else")).json().path("total").asInt()).isZero();
        assertThat(api.send(Api.getting("logs").param("mapping", "HTS Service").param("from", "2020-01-01")).json()
                .path("total").asInt()).isEqualTo(2);
        assertThat(api.send(Api.getting("logs").param("from", "2999-01-01T00:00:00Z")).json().path("total").asInt())
                .isZero();
        JsonNode daily = api.get("logs/daily").json().path("results");
        assertThat(daily.size()).isGreaterThan(0);
        assertThat(daily.get(daily.size() - 1).has("records")).isTrue();

        Api.Reply badFrom = api.send(Api.getting("logs").param("from", "yesterday"));
        assertThat(badFrom.status).isEqualTo(400);
        assertThat(badFrom.errorField()).isEqualTo("from");
        Api.Reply badSize = api.send(Api.getting("logs").param("pageSize", "501"));
        assertThat(badSize.errorField()).isEqualTo("pageSize");
        Api.Reply badPage = api.send(Api.getting("logs").param("page", "first"));
        assertThat(badPage.status).isEqualTo(400);
        assertThat(badPage.errorField()).isEqualTo("page");
        assertThat(api.send(Api.getting("logs/daily").param("days", "0")).errorField()).isEqualTo("days");
    }

    @Test
    void twoConcurrentStartsOfOneMappingRunItOnce() throws Exception {
        installation.dhis2.setLatency(Duration.ofMillis(300));
        String body = "{\"mappingUuid\": \"" + mappingUuid + "\", \"comment\": \"at once\"}";
        ExecutorService clients = Executors.newFixedThreadPool(2);
        try {
            List<Callable<Api.Reply>> both = new ArrayList<>();
            both.add(() -> api.post("sync", body));
            both.add(() -> api.post("sync", body));
            List<Integer> statuses = new ArrayList<>();
            String runId = null;
            String conflict = null;
            for (Future<Api.Reply> reply : clients.invokeAll(both)) {
                statuses.add(reply.get().status);
                if (reply.get().status == 202) {
                    runId = reply.get().json().path("runs").get(0).path("runId").asText();
                } else {
                    conflict = reply.get().errorMessage();
                }
            }

            assertThat(statuses).containsExactlyInAnyOrder(202, 409);
            assertThat(conflict).contains("already running");
            JsonNode active = api.send(Api.getting("runs").param("active", "true")).json().path("results");
            assertThat(active.size()).isEqualTo(1);
            assertThat(active.get(0).path("status").asText()).isEqualTo("RUNNING");
            assertThat(active.get(0).path("percent").isNull()).isTrue();
            installation.dhis2.setLatency(Duration.ZERO);
            awaitEnd(runId);
            assertThat(api.get("logs").json().path("total").asInt()).isEqualTo(1);
        } finally {
            clients.shutdownNow();
        }
    }

    @Test
    void allActiveMappingsStartWithANullMapping() throws InterruptedException {
        Api.Reply started = api.post("sync", "{\"mappingUuid\": null, \"comment\": \"everything\"}");

        assertThat(started.status).isEqualTo(202);
        assertThat(started.json().path("runs").size()).isEqualTo(1);
        awaitEnd(started.json().path("runs").get(0).path("runId").asText());
    }

    @Test
    void refusesWhatCannotStart() {
        Api.Reply noComment = api.post("sync", "{\"mappingUuid\": \"" + mappingUuid + "\", \"comment\": \"  \"}");
        assertThat(noComment.status).isEqualTo(400);
        assertThat(noComment.errorField()).isEqualTo("comment");

        Api.Reply missingComment = api.post("sync", "{\"mappingUuid\": \"" + mappingUuid + "\"}");
        assertThat(missingComment.errorField()).isEqualTo("comment");

        Api.Reply longComment = api.post("sync", "{\"mappingUuid\": \"" + mappingUuid + "\", \"comment\": \""
                + "x".repeat(1001) + "\"}");
        assertThat(longComment.errorField()).isEqualTo("comment");

        Api.Reply unknownField = api.post("sync", "{\"mapping\": \"" + mappingUuid + "\", \"comment\": \"x\"}");
        assertThat(unknownField.status).isEqualTo(400);
        assertThat(unknownField.errorField()).isEqualTo("mapping");

        Api.Reply wrongKind = api.post("sync", "{\"mappingUuid\": \"" + mappingUuid + "\", \"comment\": 42}");
        assertThat(wrongKind.status).isEqualTo(400);
        assertThat(wrongKind.errorField()).isEqualTo("comment");

        Api.Reply malformedUuid = api.post("sync", "{\"mappingUuid\": \"<script>\", \"comment\": \"x\"}");
        assertThat(malformedUuid.errorField()).isEqualTo("mappingUuid");

        Api.Reply unknown = api.post("sync", "{\"mappingUuid\": \"a1b2c3d4-0000-4000-8000-00000unknown\","
                + " \"comment\": \"x\"}");
        assertThat(unknown.status).isEqualTo(404);

        assertThat(api.post("sync", null).status).isEqualTo(400);
        assertThat(api.get("runs/a1b2c3d4-0000-4000-8000-00000unknown").status).isEqualTo(404);
        assertThat(api.post("failures/987654/retry", null).status).isEqualTo(404);
        assertThat(api.post("failures/abc/retry", null).errorField()).isEqualTo("id");
    }

    @Test
    void dhis2DownIsABadGatewayWithTheClientsMessage() {
        installation.dhis2.close();

        Api.Reply reply = api.post("mappings/" + mappingUuid + "/validate", null);

        assertThat(reply.status).isEqualTo(502);
        assertThat(reply.errorMessage()).isNotBlank();
        assertThat(reply.body).doesNotContain("Exception:", "\tat ");
    }

    private JsonNode awaitEnd(String runId) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 30_000;
        while (System.currentTimeMillis() < deadline) {
            Api.Reply reply = api.get("runs/" + runId);
            assertThat(reply.status).as(reply.toString()).isEqualTo(200);
            if (!"RUNNING".equals(reply.json().path("status").asText())) {
                return reply.json();
            }
            Thread.sleep(50);
        }
        throw new AssertionError("run " + runId + " did not end");
    }
}
