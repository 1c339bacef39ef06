package org.openmrs.module.dhis2sync.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openmrs.module.dhis2sync.api.Dhis2SyncPrivileges;
import org.openmrs.module.dhis2sync.dhis2.fake.FakeTrackedEntity;
import org.openmrs.module.dhis2sync.tracking.InstanceTracker;

import com.fasterxml.jackson.databind.JsonNode;

/** The reconcile, resend-differences and resend-from endpoints, over the real service, engine and fake DHIS2. */
class ReconcileApiTest {

    private static final String JANE = "a1b2c3d4-0000-4000-8000-0000patient01";

    private TestInstallation installation;
    private Api api;
    private String mappingUuid;

    @BeforeEach
    void start() throws InterruptedException {
        installation = TestInstallation.start();
        mappingUuid = installation.seedDemo();
        installation.user.admin();
        api = new Api(installation.mockMvc());
        awaitEnd(api.post("sync", "{\"mappingUuid\": \"" + mappingUuid + "\", \"comment\": \"first\"}").json()
                .path("runs").get(0).path("runId").asText());
    }

    @AfterEach
    void stop() {
        installation.close();
    }

    @Test
    void aReconcileListsTheDriftNamedThenResendingTheDifferencesMakesTheNextOneClean() throws InterruptedException {
        String janeUid = installation.db.inTransaction(() -> {
            Map<String, InstanceTracker> found = installation.db.instanceTrackerDao().findByPatientUuids(List.of(JANE));
            return found.get(JANE).getInstanceUid();
        });
        FakeTrackedEntity jane = installation.dhis2.trackedEntity(janeUid).orElseThrow();
        Map<String, String> attributes = new LinkedHashMap<>(jane.attributes());
        attributes.put("TeaFirstNm1", "Janet");
        installation.dhis2.seedTrackedEntity(new FakeTrackedEntity(jane.uid(), jane.trackedEntityType(),
                jane.orgUnit(), attributes, jane.created(), jane.updated()));

        Api.Reply started = api.post("mappings/" + mappingUuid + "/reconcile", "{\"comment\": \"monthly check\"}");

        assertThat(started.status).as(started.toString()).isEqualTo(202);
        String runId = started.json().path("runs").get(0).path("runId").asText();
        assertThat(awaitEnd(runId).path("status").asText()).isEqualTo("DRIFT");
        JsonNode reconcile = api.get("reconciles/" + runId).json();
        assertThat(reconcile.path("kind").asText()).isEqualTo("RECONCILE");
        assertThat(reconcile.path("run").path("status").asText()).isEqualTo("DRIFT");
        JsonNode report = reconcile.path("report");
        assertThat(report.path("clean").asBoolean()).isFalse();
        assertThat(report.path("counts").path("DIFFERENT").asInt()).isEqualTo(1);
        assertThat(report.path("checked").path("INSTANCE").asInt()).isEqualTo(2);
        JsonNode drift = report.path("drifts").get(0);
        assertThat(drift.path("kind").asText()).isEqualTo("DIFFERENT");
        assertThat(drift.path("category").asText()).isEqualTo("INSTANCE");
        assertThat(drift.path("openmrsUuid").asText()).isEqualTo(JANE);
        assertThat(drift.path("dhis2Uid").asText()).isEqualTo(janeUid);
        assertThat(drift.path("record").path("patientName").asText()).contains("Jane");
        JsonNode field = drift.path("fields").get(0);
        assertThat(field.path("field").asText()).isEqualTo("TeaFirstNm1");
        assertThat(field.path("name").asText()).isEqualTo("Verify First name");
        assertThat(field.path("dhis2Value").asText()).isEqualTo("Janet");
        assertThat(field.path("openmrsValue").asText()).isEqualTo("Jane");
        assertThat(api.get("mappings/" + mappingUuid + "/reconcile").json().path("run").path("runId").asText())
                .isEqualTo(runId);
        JsonNode log = api.get("logs").json().path("results").get(0);
        assertThat(log.path("kind").asText()).isEqualTo("RECONCILE");
        assertThat(log.path("status").asText()).isEqualTo("DRIFT");
        assertThat(log.path("syncedBy").asText()).isEqualTo("admin");
        assertThat(log.path("comments").asText()).isEqualTo("monthly check");
        assertThat(log.path("statusInfo").asText()).startsWith("Drift found: 0 missing, 1 different, 0 extra");

        Api.Reply resend = api.post("mappings/" + mappingUuid + "/resend-differences", "{\"comment\": \"repair\"}");
        assertThat(resend.status).as(resend.toString()).isEqualTo(202);
        String resendRun = resend.json().path("runs").get(0).path("runId").asText();
        JsonNode resent = awaitEnd(resendRun);
        assertThat(resent.path("counts").path("INSTANCE").path("updated").asInt()).isEqualTo(1);
        assertThat(api.get("reconciles/" + resendRun).json().path("kind").asText()).isEqualTo("RESEND");
        assertThat(api.get("logs").json().path("results").get(0).path("kind").asText()).isEqualTo("RESEND");

        String again = api.post("mappings/" + mappingUuid + "/reconcile", "{\"comment\": \"after repair\"}").json()
                .path("runs").get(0).path("runId").asText();
        assertThat(awaitEnd(again).path("status").asText()).isEqualTo("SUCCESS");
        assertThat(api.get("reconciles/" + again).json().path("report").path("clean").asBoolean()).isTrue();
        assertThat(installation.dhis2.trackedEntity(janeUid).orElseThrow().attributes())
                .containsEntry("TeaFirstNm1", "Jane");
    }

    @Test
    void resendFromADateSaysHowManyRecordsItWillSendThenSendsThem() throws InterruptedException {
        JsonNode count = api.send(Api.getting("mappings/" + mappingUuid + "/resend-from").param("from", "2020-01-01"))
                .json();
        assertThat(count.path("patients").asInt()).isEqualTo(3);
        assertThat(count.path("enrollments").asInt()).isEqualTo(3);
        assertThat(count.path("encounters").asInt()).isEqualTo(3);
        assertThat(count.path("total").asInt()).isEqualTo(9);
        assertThat(api.send(Api.getting("mappings/" + mappingUuid + "/resend-from")
                .param("from", java.time.Instant.now().toString())).json().path("total").asInt()).isZero();

        Api.Reply started = api.post("mappings/" + mappingUuid + "/resend-from",
                "{\"from\": \"2020-01-01\", \"comment\": \"mapping edited\"}");

        assertThat(started.status).as(started.toString()).isEqualTo(202);
        JsonNode run = awaitEnd(started.json().path("runs").get(0).path("runId").asText());
        assertThat(run.path("counts").path("INSTANCE").path("updated").asInt()).isEqualTo(2);
        JsonNode log = api.get("logs").json().path("results").get(0);
        assertThat(log.path("kind").asText()).isEqualTo("RESEND_FROM_DATE");
        assertThat(log.path("comments").asText()).isEqualTo("mapping edited");
        assertThat(log.path("statusInfo").asText()).startsWith("Resent from 2020-01-01 00:00");
    }

    @Test
    void refusesWhatCannotStartAndWhoMayNot() throws InterruptedException {
        String base = "mappings/" + mappingUuid;
        assertThat(api.post(base + "/reconcile", "{\"comment\": \" \"}").errorField()).isEqualTo("comment");
        assertThat(api.post(base + "/resend-differences", "{}").errorField()).isEqualTo("comment");
        assertThat(api.post(base + "/resend-from", "{\"comment\": \"x\"}").errorField()).isEqualTo("from");
        assertThat(api.post(base + "/resend-from", "{\"comment\": \"x\", \"from\": \"yesterday\"}").errorField())
                .isEqualTo("from");
        assertThat(api.post(base + "/resend-from", "{\"comment\": \"x\", \"from\": \"2999-01-01\"}").errorField())
                .isEqualTo("from");
        assertThat(api.get(base + "/resend-from").errorField()).isEqualTo("from");
        assertThat(api.post(base + "/reconcile", "{\"comment\": \"x\", \"resend\": true}").errorField())
                .isEqualTo("resend");
        assertThat(api.post("mappings/a1b2c3d4-0000-4000-8000-00000unknown/reconcile", "{\"comment\": \"x\"}").status)
                .isEqualTo(404);
        assertThat(api.get("reconciles/a1b2c3d4-0000-4000-8000-00000unknown").status).isEqualTo(404);
        assertThat(api.get(base + "/reconcile").status).isEqualTo(404);

        // one run per mapping: a reconcile is refused while a sync of the mapping goes, and the other way round
        installation.dhis2.setLatency(Duration.ofMillis(300));
        String sync = api.post("sync", "{\"mappingUuid\": \"" + mappingUuid + "\", \"comment\": \"slow\"}").json()
                .path("runs").get(0).path("runId").asText();
        Api.Reply refused = api.post(base + "/reconcile", "{\"comment\": \"now\"}");
        assertThat(refused.status).as(refused.toString()).isEqualTo(409);
        assertThat(refused.errorMessage()).contains("already running");
        installation.dhis2.setLatency(Duration.ZERO);
        awaitEnd(sync);

        installation.user.loggedIn("viewer", Dhis2SyncPrivileges.VIEW_LOGS);
        assertThat(api.post(base + "/reconcile", "{\"comment\": \"x\"}").status).isEqualTo(403);
        assertThat(api.post(base + "/resend-from", "{\"comment\": \"x\", \"from\": \"2020-01-01\"}").status)
                .isEqualTo(403);
        installation.user.loggedIn("runner", Dhis2SyncPrivileges.RUN_SYNC);
        Api.Reply allowed = api.post(base + "/reconcile", "{\"comment\": \"x\"}");
        assertThat(allowed.status).as(allowed.toString()).isEqualTo(202);
        awaitEnd(allowed.json().path("runs").get(0).path("runId").asText());
        installation.user.admin();
        assertThat(api.get("logs").json().path("results").get(0).path("syncedBy").asText()).isEqualTo("runner");
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
