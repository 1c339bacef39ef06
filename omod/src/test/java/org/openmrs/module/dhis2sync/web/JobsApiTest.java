package org.openmrs.module.dhis2sync.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/** Preview and check as background jobs over REST: start, poll, page, cancel, one at a time. */
class JobsApiTest {

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
    void aPreviewJobCountsEveryCategoryAndPagesItsRecordsByCategoryWithoutSendingAnything() throws Exception {
        installation.dhis2.clearRequests();

        Api.Reply started = api.post("jobs", "{\"kind\": \"preview\", \"mappingUuid\": \"" + mappingUuid
                + "\", \"reason\": \"before the audit\"}");

        assertThat(started.status).as(started.toString()).isEqualTo(202);
        assertThat(started.json().path("kind").asText()).isEqualTo("PREVIEW");
        assertThat(started.json().path("mappingName").asText()).isEqualTo("HTS Service");
        assertThat(started.json().path("startedBy").asText()).isEqualTo("admin");
        assertThat(started.json().path("reason").asText()).isEqualTo("before the audit");
        JsonNode done = awaitEnd(started.json().path("jobId").asText());
        assertThat(done.path("status").asText()).as(done.toString()).isEqualTo("DONE");
        assertThat(done.path("percent").asInt()).isEqualTo(100);
        assertThat(done.path("summary").path("INSTANCE").path("NEW").asLong()).isEqualTo(3);
        assertThat(done.path("summary").path("ENROLLMENT").path("NEW").asLong()).isEqualTo(3);
        assertThat(done.path("summary").path("EVENT").path("NEW").asLong()).isEqualTo(3);
        assertThat(done.path("records").asLong()).isEqualTo(9);
        assertThat(done.path("problems").asLong()).isZero();
        assertThat(done.path("progress").path("INSTANCE").path("done").asLong()).isEqualTo(3);
        assertThat(installation.dhis2.requests()).as("a preview asks DHIS2 nothing").isEmpty();

        String jobId = done.path("jobId").asText();
        JsonNode first = api.get("jobs/" + jobId + "/records?category=EVENT&limit=2").json();
        assertThat(first.path("counted").asLong()).isEqualTo(3);
        assertThat(first.path("kept").asInt()).isEqualTo(3);
        assertThat(first.path("truncated").asBoolean()).isFalse();
        assertThat(first.path("records")).hasSize(2);
        JsonNode rest = api.get("jobs/" + jobId + "/records?category=EVENT&offset=2&limit=2").json();
        assertThat(rest.path("records")).hasSize(1);
        List<String> events = new ArrayList<>();
        first.path("records").forEach(r -> events.add(r.path("openmrsUuid").asText()));
        rest.path("records").forEach(r -> events.add(r.path("openmrsUuid").asText()));
        assertThat(events).containsExactlyInAnyOrder("a1b2c3d4-0000-4000-8000-0000visit00001",
                "a1b2c3d4-0000-4000-8000-0000visit00002", "a1b2c3d4-0000-4000-8000-0000visit00003");
        JsonNode record = first.path("records").get(0);
        assertThat(record.path("category").asText()).isEqualTo("EVENT");
        assertThat(record.path("decision").asText()).isEqualTo("NEW");
        assertThat(record.path("record").path("patientName").asText()).as(record.toString()).isNotEmpty();
        assertThat(api.get("jobs/" + jobId + "/records?problems=true").json().path("records")).isEmpty();

        JsonNode kept = api.get("jobs?kind=PREVIEW&mappingUuid=" + mappingUuid).json().path("results");
        assertThat(kept).hasSize(1);
        assertThat(kept.get(0).path("jobId").asText()).isEqualTo(jobId);
    }

    @Test
    void aSecondJobOfTheSameKindAndMappingIsRefusedWhileTheFirstRunsAndACancelStopsIt() throws Exception {
        installation.dhis2.setLatency(java.time.Duration.ofMillis(300));
        try {
            String jobId = api.post("jobs", "{\"kind\": \"CHECK\", \"mappingUuid\": \"" + mappingUuid + "\"}").json()
                    .path("jobId").asText();

            Api.Reply again = api.post("jobs", "{\"kind\": \"CHECK\", \"mappingUuid\": \"" + mappingUuid + "\"}");
            assertThat(again.status).as(again.toString()).isEqualTo(409);
            assertThat(again.errorMessage()).contains("is already going");

            Api.Reply cancelled = api.post("jobs/" + jobId + "/cancel", null);
            assertThat(cancelled.status).as(cancelled.toString()).isEqualTo(200);
            JsonNode end = awaitEnd(jobId);
            assertThat(end.path("status").asText()).as(end.toString()).isEqualTo("CANCELLED");
            assertThat(end.path("message").asText()).startsWith("cancelled");
        } finally {
            installation.dhis2.setLatency(java.time.Duration.ZERO);
        }
        assertThat(installation.dhis2.trackedEntities()).isEmpty();
    }

    @Test
    void badRequestsNameTheirField() {
        assertThat(api.post("jobs", "{\"kind\": \"RESEND\", \"mappingUuid\": \"" + mappingUuid + "\"}")
                .errorMessage()).contains("must be one of [PREVIEW, CHECK]");
        assertThat(api.post("jobs", "{\"kind\": \"PREVIEW\"}").status).isEqualTo(400);
        assertThat(api.get("jobs/a1b2c3d4-0000-4000-8000-000000000000").status).isEqualTo(404);
        assertThat(api.get("jobs/a1b2c3d4-0000-4000-8000-000000000000/records?category=VISIT").status)
                .isEqualTo(400);
    }

    JsonNode awaitEnd(String jobId) throws InterruptedException {
        long until = System.currentTimeMillis() + 30_000;
        JsonNode state = api.get("jobs/" + jobId).json();
        while ("RUNNING".equals(state.path("status").asText()) && System.currentTimeMillis() < until) {
            Thread.sleep(20);
            state = api.get("jobs/" + jobId).json();
        }
        return state;
    }
}
