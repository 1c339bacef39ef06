package org.openmrs.module.dhis2sync.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openmrs.module.dhis2sync.api.Dhis2SyncPrivileges;
import org.openmrs.module.dhis2sync.sync.SyncHarness;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Names on every reply, one patient's status, the session, the mapping health check and the smaller points of the
 * REST layer, through MockMvc over the real service (H2, the fake DHIS2, the demo clinic).
 */
class NamesAndStatusApiTest {

    private static final String JANE = "a1b2c3d4-0000-4000-8000-0000patient01";
    private static final String JANE_ENROLLMENT = "a1b2c3d4-0000-4000-8000-0000enrolmnt01";
    private static final String JANE_VISIT = "a1b2c3d4-0000-4000-8000-0000visit00001";

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

    private JsonNode sync() throws InterruptedException {
        String runId = api.post("sync", "{\"mappingUuid\": \"" + mappingUuid + "\", \"comment\": \"test\"}").json()
                .path("runs").get(0).path("runId").asText();
        long deadline = System.currentTimeMillis() + 30_000;
        while (System.currentTimeMillis() < deadline) {
            JsonNode state = api.get("runs/" + runId).json();
            if (!"RUNNING".equals(state.path("status").asText())) {
                return state;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("run " + runId + " did not end");
    }

    @Test
    void theSessionTellsWhoIsLoggedInAndWhichOfTheModulesPrivilegesTheyHold() {
        JsonNode admin = api.get("session").json();
        assertThat(admin.path("user").asText()).isEqualTo("admin");
        assertThat(admin.path("privileges")).hasSize(4);
        assertThat(admin.path("openmrsPrivileges").path("Get Patients").asBoolean()).isTrue();

        installation.user.loggedIn("runner", Dhis2SyncPrivileges.RUN_SYNC);
        JsonNode runner = api.get("session").json();
        assertThat(runner.path("privileges").toString()).isEqualTo("[\"Run DHIS2 Sync\"]");
        assertThat(runner.path("openmrsPrivileges").path("Get Patients").asBoolean()).isFalse();

        installation.user.loggedOut();
        Api.Reply out = api.get("session");
        assertThat(out.status).isEqualTo(401);
        assertThat(out.errorMessage()).contains("Not logged in");
    }

    @Test
    void mappingNamesComeFromOpenmrsAndDhis2InOneReply() {
        JsonNode names = api.get("names").json();

        assertThat(names.path("problems")).isEmpty();
        assertThat(names.path("openmrs").path(SyncHarness.PROGRAM_UUID).asText()).isEqualTo("HIV Testing Services");
        assertThat(names.path("openmrs").path(SyncHarness.VISIT_TYPE).asText()).isEqualTo("HTS Visit");
        assertThat(names.path("openmrs").path(SyncHarness.NATIONAL_ID_TYPE).asText()).isEqualTo("National ID");
        assertThat(names.path("openmrs").path(SyncHarness.WEIGHT).asText()).isEqualTo("Weight (kg)");
        assertThat(names.path("openmrs").path(SyncHarness.POSITIVE).asText()).isEqualTo("Positive");
        assertThat(names.path("openmrs").path(SyncHarness.CLINIC).asText()).isEqualTo("Verify Clinic");
        JsonNode dhis2 = names.path("dhis2");
        assertThat(dhis2.path(SyncHarness.PROGRAM).path("name").asText()).isEqualTo("Verify Tracker Program");
        assertThat(dhis2.path(SyncHarness.STAGE).path("kind").asText()).isEqualTo("programStage");
        assertThat(dhis2.path("TeaSexAttr1").path("optionSet").asText()).isEqualTo("OsSexOpts01");
        assertThat(dhis2.path("DeWeightKg1").path("valueType").asText()).isEqualTo("NUMBER");
        assertThat(dhis2.path(SyncHarness.ORG_UNIT).path("name").asText()).isEqualTo("Verify Clinic");
        assertThat(names.path("optionSets").path("OsResult001").path("options").get(0).path("code").asText())
                .isEqualTo("POSITIVE");
        assertThat(api.send(Api.getting("names").param("mapping", mappingUuid)).json().path("dhis2")
                .has(SyncHarness.PROGRAM)).isTrue();
        assertThat(api.send(Api.getting("names").param("mapping", "not a uuid")).errorField()).isEqualTo("mapping");
    }

    @Test
    void whenDhis2IsDownTheOpenmrsNamesAreStillThereAndTheProblemIsSaid() {
        installation.dhis2.failNext(100, 503);

        JsonNode names = api.get("names").json();

        assertThat(names.path("problems").get(0).asText()).startsWith("DHIS2's names could not be read");
        assertThat(names.path("openmrs").path(SyncHarness.WEIGHT).asText()).isEqualTo("Weight (kg)");
        assertThat(names.path("dhis2")).isEmpty();
    }

    @Test
    void recordsAreNamedByPatientProgramAndDateForUsersWhoMayReadPatients() {
        JsonNode names = api.post("names/records", "{\"patients\": [\"" + JANE + "\"], \"enrollments\": [\""
                + JANE_ENROLLMENT + "\"], \"encounters\": [\"" + JANE_VISIT + "\"]}").json();

        assertThat(names.path("patients").path(JANE).path("name").asText()).isEqualTo("Jane Doe");
        assertThat(names.path("patients").path(JANE).path("identifier").asText()).isEqualTo("NID-0001");
        assertThat(names.path("patients").path(JANE).path("identifierType").asText()).isEqualTo("National ID");
        assertThat(names.path("enrollments").path(JANE_ENROLLMENT).path("programName").asText())
                .isEqualTo("HIV Testing Services");
        assertThat(names.path("enrollments").path(JANE_ENROLLMENT).path("dateEnrolled").asText())
                .isEqualTo("2026-01-05");
        assertThat(names.path("encounters").path(JANE_VISIT).path("encounterDatetime").asText())
                .isEqualTo("2026-01-05T10:00");
        assertThat(names.path("encounters").path(JANE_VISIT).path("encounterTypeName").asText()).isEqualTo("HTS Visit");

        installation.user.loggedIn("viewer", Dhis2SyncPrivileges.VIEW_LOGS);
        Api.Reply refused = api.post("names/records", "{\"patients\": [\"" + JANE + "\"]}");
        assertThat(refused.status).isEqualTo(403);
        assertThat(refused.errorMessage()).contains("Get Patients");
        Api.Reply badUuid = api.post("names/records", "{\"patients\": [\"x\"]}");
        assertThat(badUuid.status).isEqualTo(403);
    }

    @Test
    void previewFailuresAndValidationNameTheirRecordsOnlyForUsersWhoMayReadPatients() throws InterruptedException {
        JsonNode preview = api.get("mappings/" + mappingUuid + "/preview").json();
        JsonNode janeRecord = null;
        for (JsonNode record : preview.path("records")) {
            if (record.path("openmrsUuid").asText().equals(JANE_VISIT)) {
                janeRecord = record;
            }
        }
        assertThat(janeRecord).isNotNull();
        assertThat(janeRecord.path("record").path("patientName").asText()).isEqualTo("Jane Doe");
        assertThat(janeRecord.path("record").path("patientIdentifier").asText()).isEqualTo("NID-0001");
        assertThat(janeRecord.path("record").path("encounterTypeName").asText()).isEqualTo("HTS Visit");

        sync();
        JsonNode failure = api.get("failures").json().path("results").get(0);
        assertThat(failure.path("record").path("patientName").asText()).isEqualTo("Alex Doe");

        installation.user.loggedIn("runner", Dhis2SyncPrivileges.RUN_SYNC, Dhis2SyncPrivileges.VIEW_LOGS);
        assertThat(api.get("failures").json().path("results").get(0).path("record").isNull()).isTrue();
    }

    @Test
    void previewListsRecordsOnlyToUsersWhoMayReadThemInOpenmrsAndCountsThemForEveryone() {
        installation.user.loggedIn("runner", Dhis2SyncPrivileges.RUN_SYNC, Dhis2SyncPrivileges.GET_PATIENTS,
                "Get Patient Programs", "Get Encounters");

        Api.Reply countsOnly = api.get("mappings/" + mappingUuid + "/preview");

        assertThat(countsOnly.status).as(countsOnly.toString()).isEqualTo(200);
        JsonNode body = countsOnly.json();
        assertThat(body.path("counts").path("INSTANCE").asInt()).isEqualTo(3);
        assertThat(body.path("records")).isEmpty();
        assertThat(body.path("truncated").asBoolean()).isFalse();
        assertThat(body.path("recordsWithheld").asText()).contains("missing: Get Observations");
        assertThat(countsOnly.body).doesNotContain("Jane").doesNotContain("NID-0001").doesNotContain(JANE)
                .doesNotContain("61.5");

        installation.user.loggedIn("reader", Dhis2SyncPrivileges.RUN_SYNC, Dhis2SyncPrivileges.GET_PATIENTS,
                "Get Patient Programs", "Get Encounters", "Get Observations");
        JsonNode listed = api.get("mappings/" + mappingUuid + "/preview").json();
        assertThat(listed.path("records").size()).isGreaterThanOrEqualTo(3);
        assertThat(listed.path("recordsWithheld").isNull()).isTrue();
        assertThat(listed.toString()).contains("Jane Doe").contains("61.5");

        // the background preview's records too
        installation.user.loggedIn("runner", Dhis2SyncPrivileges.RUN_SYNC, Dhis2SyncPrivileges.GET_PATIENTS);
        Api.Reply job = api.post("jobs", "{\"kind\": \"PREVIEW\", \"mappingUuid\": \"" + mappingUuid + "\"}");
        assertThat(job.status).as(job.toString()).isLessThan(300);
        Api.Reply records = api.get("jobs/" + job.json().path("jobId").asText() + "/records");
        assertThat(records.status).as(records.toString()).isEqualTo(403);
        assertThat(records.errorMessage()).contains("missing: Get Patient Programs, Get Encounters, Get Observations");
        assertThat(records.body).doesNotContain("Jane").doesNotContain("61.5");
    }

    @Test
    void aPatientIsFoundByIdentifierOrNameAndShowsWhatWasSentRefusedAndIsPending() throws InterruptedException {
        assertThat(api.send(Api.getting("patients").param("q", "NID-0002")).json().path("results").get(0)
                .path("name").asText()).isEqualTo("John Doe");
        JsonNode found = api.send(Api.getting("patients").param("q", "jane")).json().path("results");
        assertThat(found).hasSize(1);
        assertThat(found.get(0).path("uuid").asText()).isEqualTo(JANE);
        assertThat(api.send(Api.getting("patients").param("q", "j")).errorField()).isEqualTo("q");

        sync();
        installation.openmrs.setNow(new java.util.Date(System.currentTimeMillis() + 120_000));
        installation.openmrs.putEncounter(SyncHarness.visit(JANE_VISIT, JANE, "2026-01-05", SyncHarness.weight("62")));

        JsonNode status = api.get("patients/" + JANE + "/status").json();

        assertThat(status.path("patient").path("identifier").asText()).isEqualTo("NID-0001");
        String teUid = status.path("trackedEntity").path("dhis2Uid").asText();
        assertThat(installation.dhis2.trackedEntity(teUid)).isPresent();
        JsonNode hts = status.path("mappings").get(0);
        assertThat(hts.path("mappingName").asText()).isEqualTo("HTS Service");
        JsonNode enrollment = hts.path("enrollments").get(0);
        assertThat(enrollment.path("record").path("programName").asText()).isEqualTo("HIV Testing Services");
        assertThat(enrollment.path("captureUrl").asText()).startsWith(installation.dhis2.baseUrl()
                + "/dhis-web-capture/index.html#/enrollment?enrollmentId=" + enrollment.path("dhis2Uid").asText())
                .contains("&teiId=" + teUid);
        assertThat(hts.path("events").get(0).path("programStageUid").asText()).isEqualTo(SyncHarness.STAGE);
        assertThat(hts.path("pending")).hasSize(1);
        assertThat(hts.path("pending").get(0).path("decision").asText()).isEqualTo("UPDATE");
        assertThat(hts.path("pending").get(0).path("record").path("patientName").asText()).isEqualTo("Jane Doe");

        JsonNode alex = api.get("patients/" + TestInstallation.REFUSED_PATIENT + "/status").json();
        assertThat(alex.path("mappings").get(0).path("failures").get(0).path("message").asText()).isNotBlank();

        assertThat(api.get("patients/a1b2c3d4-0000-4000-8000-000000nobody/status").status).isEqualTo(404);
        installation.user.loggedIn("viewer", Dhis2SyncPrivileges.VIEW_LOGS);
        Api.Reply refused = api.get("patients/" + JANE + "/status");
        assertThat(refused.status).isEqualTo(403);
        assertThat(refused.errorMessage()).contains("Get Patients");
    }

    @Test
    void theMappingHealthCheckNamesEveryProblemByItsField() {
        JsonNode healthy = api.get("mappings/" + mappingUuid + "/health").json();
        assertThat(healthy.path("healthy").asBoolean()).as(healthy.toString()).isTrue();
        assertThat(api.post("mappings/" + mappingUuid + "/health", null).json().path("healthy").asBoolean()).isTrue();

        String broken = TestInstallation.demoMappingJson("Unsaved").replace("\"POSITIVE\"", "\"POS\"")
                .replace("\"FEMALE\"", "\"WOMAN\"");
        JsonNode report = api.post("mappings/health", broken).json();

        assertThat(report.path("healthy").asBoolean()).isFalse();
        assertThat(report.path("mappingUuid").isNull()).isTrue();
        assertThat(report.path("problems").findValuesAsText("field")).containsExactlyInAnyOrder(
                "instance.genderCodes.F", "events[0].dataElements[2].answers." + SyncHarness.POSITIVE);
        Api.Reply invalid = api.post("mappings/health", TestInstallation.demoMappingJson("Bad")
                .replace("PrgVerify01", "not a uid"));
        assertThat(invalid.status).isEqualTo(400);
        assertThat(invalid.errorField()).isEqualTo("dhis2ProgramUid");
    }

    @Test
    void aBrokenMappingStopsItsRunBeforeAnythingIsSent() throws InterruptedException {
        installation.dhis2.metadata().setOrgUnitAccessible(SyncHarness.ORG_UNIT, false);

        JsonNode run = sync();

        assertThat(run.path("status").asText()).isEqualTo("FAILED");
        assertThat(run.path("statusInfo").asText()).contains("orgUnits." + SyncHarness.CLINIC)
                .contains("nothing was sent");
        assertThat(installation.dhis2.trackedEntities()).isEmpty();
    }

    @Test
    void settingsSayWhichKindOfSecretIsStoredNeverTheSecret() {
        JsonNode password = api.get("settings").json();
        assertThat(password.path("secretKind").asText()).isEqualTo("password");
        assertThat(password.toString()).doesNotContain(TestInstallation.DHIS2_PASSWORD);

        api.post("settings", "{\"url\": \"" + installation.dhis2.baseUrl() + "\", \"username\": \"\", \"apiToken\":"
                + " \"d2p_abcdefghijklmnopqrstuvwxyz0123456789abcdefghij\", \"api\": \"auto\", \"defaultOrgUnit\": \"\","
                + " \"batchSize\": 50, \"timeoutSeconds\": 10}");
        assertThat(api.get("settings").json().path("secretKind").asText()).isEqualTo("token");

        api.post("settings", "{\"url\": \"\", \"username\": \"\", \"password\": \"\", \"api\": \"auto\","
                + " \"defaultOrgUnit\": \"\", \"batchSize\": 50, \"timeoutSeconds\": 10}");
        assertThat(api.get("settings").json().path("secretKind").isNull()).isTrue();
    }

    @Test
    void aRunningRunsLogRowShowsItsRecordsSoFar() throws InterruptedException {
        installation.dhis2.setLatency(Duration.ofMillis(400));
        api.post("sync", "{\"mappingUuid\": \"" + mappingUuid + "\", \"comment\": \"slow\"}");

        long deadline = System.currentTimeMillis() + 30_000;
        JsonNode seen = null;
        while (System.currentTimeMillis() < deadline && seen == null) {
            JsonNode row = api.get("logs").json().path("results").get(0);
            if ("RUNNING".equals(row.path("status").asText()) && row.path("patientsCreated").asInt() > 0) {
                seen = row;
            }
            Thread.sleep(50);
        }
        assertThat(seen).as("a running row with the patients created so far").isNotNull();
        assertThat(seen.path("patientsCreated").asInt()).isEqualTo(2);
    }
}
