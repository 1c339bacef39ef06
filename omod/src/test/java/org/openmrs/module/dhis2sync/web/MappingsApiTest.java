package org.openmrs.module.dhis2sync.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openmrs.module.dhis2sync.sync.SyncHarness;

import com.fasterxml.jackson.databind.JsonNode;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MappingsApiTest {

    private TestInstallation installation;
    private Api api;
    private String demoUuid;

    @BeforeAll
    void start() {
        installation = TestInstallation.start();
        demoUuid = installation.seedDemo();
        api = new Api(installation.mockMvc());
    }

    @AfterAll
    void stop() {
        installation.close();
    }

    @BeforeEach
    void asAdmin() {
        installation.user.admin();
    }

    @Test
    void listsTheMappingsWithoutTheirConfig() {
        Api.Reply reply = api.get("mappings");

        assertThat(reply.status).isEqualTo(200);
        JsonNode demo = find(reply.json().path("results"), demoUuid);
        assertThat(demo.path("name").asText()).isEqualTo("HTS Service");
        assertThat(demo.path("openmrsProgramUuid").asText()).isEqualTo(SyncHarness.PROGRAM_UUID);
        assertThat(demo.path("dhis2ProgramUid").asText()).isEqualTo(SyncHarness.PROGRAM);
        assertThat(demo.path("retired").asBoolean()).isFalse();
        assertThat(demo.has("lastSuccessfulSync")).isTrue();
        assertThat(demo.path("dateChanged").asText()).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
        assertThat(demo.has("config")).isFalse();
        assertThat(reply.json().path("total").asInt()).isEqualTo(reply.json().path("results").size());
    }

    @Test
    void aRunnerWithoutTheMappingsPrivilegeStillSeesTheList() {
        installation.user.loggedIn("clerk", "Run DHIS2 Sync");

        assertThat(api.get("mappings").status).isEqualTo(200);
        assertThat(api.get("mappings/" + demoUuid).status).isEqualTo(200);
    }

    @Test
    void getsOneMappingWithItsConfig() {
        Api.Reply reply = api.get("mappings/" + demoUuid);

        assertThat(reply.status).isEqualTo(200);
        JsonNode config = reply.json().path("config");
        assertThat(config.path("name").asText()).isEqualTo("HTS Service");
        assertThat(config.path("instance").path("attributes").size()).isEqualTo(4);
        assertThat(config.path("events").get(0).path("programStageUid").asText()).isEqualTo(SyncHarness.STAGE);
    }

    @Test
    void createsUpdatesAndRetiresAMapping() {
        Api.Reply created = api.post("mappings", TestInstallation.demoMappingJson("Created here"));
        assertThat(created.status).as(created.toString()).isEqualTo(201);
        String uuid = created.json().path("uuid").asText();
        assertThat(created.json().path("config").path("name").asText()).isEqualTo("Created here");

        Api.Reply updated = api.post("mappings/" + uuid, TestInstallation.demoMappingJson("Renamed here"));
        assertThat(updated.status).as(updated.toString()).isEqualTo(200);
        assertThat(updated.json().path("name").asText()).isEqualTo("Renamed here");
        assertThat(api.send(Api.deleting("mappings/" + uuid).param("reason", "replaced")).status).isEqualTo(204);

        assertThat(api.get("mappings/" + uuid).json().path("retired").asBoolean()).isTrue();
        assertThat(names(api.get("mappings").json())).doesNotContain("Renamed here");
        assertThat(names(api.send(Api.getting("mappings").param("includeRetired", "true")).json()))
                .contains("Renamed here");
    }

    @Test
    void aNameThatExistsIsAConflict() {
        Api.Reply reply = api.post("mappings", TestInstallation.demoMappingJson("HTS Service"));

        assertThat(reply.status).isEqualTo(409);
        assertThat(reply.errorField()).isEqualTo("name");
        assertThat(reply.errorMessage()).contains("HTS Service");
    }

    @Test
    void anInvalidMappingNamesEveryField() {
        String json = TestInstallation.demoMappingJson("Invalid").replace("\"TeaNatIdNo1\"", "\"not-a-uid\"");

        Api.Reply reply = api.post("mappings", json);

        assertThat(reply.status).isEqualTo(400);
        assertThat(reply.errorField()).isEqualTo("instance.attributes[0].attributeUid");
        assertThat(reply.json().path("error").path("errors").get(0).path("field").asText())
                .isEqualTo("instance.attributes[0].attributeUid");
    }

    @Test
    void malformedJsonAndUnknownFieldsAreRefusedWithTheField() {
        Api.Reply malformed = api.post("mappings", "{\"name\": \"x\",");
        assertThat(malformed.status).isEqualTo(400);
        assertThat(malformed.errorMessage()).contains("malformed JSON");

        Api.Reply unknown = api.post("mappings", TestInstallation.demoMappingJson("Unknown field")
                .replaceFirst("\\{", "{\"colour\": \"red\","));
        assertThat(unknown.status).isEqualTo(400);
        assertThat(unknown.errorField()).isEqualTo("colour");
    }

    @Test
    void anOversizedBodyIsRefused() {
        String huge = "{\"name\": \"" + "x".repeat(JsonBodies.MAX_BYTES) + "\"}";

        Api.Reply reply = api.post("mappings", huge);

        assertThat(reply.status).isEqualTo(413);
        assertThat(reply.errorMessage()).contains("larger than");
    }

    @Test
    void unknownAndMalformedUuids() {
        Api.Reply unknown = api.get("mappings/a1b2c3d4-0000-4000-8000-00000unknown");
        assertThat(unknown.status).isEqualTo(404);
        assertThat(unknown.errorField()).isNull();

        Api.Reply malformed = api.get("mappings/not a uuid!");
        assertThat(malformed.status).isEqualTo(400);
        assertThat(malformed.errorField()).isEqualTo("uuid");

        assertThat(api.post("mappings/a1b2c3d4-0000-4000-8000-00000unknown",
                TestInstallation.demoMappingJson("Nobody")).status).isEqualTo(404);
        assertThat(api.delete("mappings/a1b2c3d4-0000-4000-8000-00000unknown").status).isEqualTo(404);
    }

    @Test
    void exportsAsAFileAndImportsWithoutOverwriting() {
        Api.Reply export = api.send(Api.getting("mappings/export").param("uuid", demoUuid));
        assertThat(export.status).isEqualTo(200);
        assertThat(export.disposition).isEqualTo("attachment; filename=\"dhis2sync-mappings.json\"");
        assertThat(export.json().path("mappings").get(0).path("name").asText()).isEqualTo("HTS Service");

        String file = export.body.replace("\"HTS Service\"", "\"Imported copy\"")
                .replace("\"mappings\" : [", "\"mappings\" : [" + TestInstallation.demoMappingJson("HTS Service") + ",");
        Api.Reply imported = api.post("mappings/import", file);

        assertThat(imported.status).as(imported.toString()).isEqualTo(200);
        assertThat(imported.json().path("imported").get(0).asText()).isEqualTo("Imported copy");
        assertThat(imported.json().path("conflicts").get(0).path("name").asText()).isEqualTo("HTS Service");
        assertThat(imported.json().path("conflicts").get(0).path("message").asText()).contains("left unchanged");
        assertThat(imported.json().path("errors").size()).isZero();
        assertThat(api.get("mappings/" + demoUuid).json().path("config").path("name").asText())
                .isEqualTo("HTS Service");
    }

    @Test
    void anInvalidImportSavesNothing() {
        String file = "{\"mappings\": [" + TestInstallation.demoMappingJson("Good one") + ","
                + TestInstallation.demoMappingJson("Bad one").replace("\"PrgVerify01\"", "\"bad\"") + "]}";

        Api.Reply reply = api.post("mappings/import", file);

        assertThat(reply.status).isEqualTo(400);
        assertThat(reply.errorField()).isEqualTo("mappings[1].dhis2ProgramUid");
        assertThat(names(api.send(Api.getting("mappings").param("includeRetired", "true")).json()))
                .doesNotContain("Good one", "Bad one");
    }

    @Test
    void previewsWithoutSendingAndValidatesAgainstDhis2() {
        String mapping = api.post("mappings", TestInstallation.demoMappingJson("Preview only")).json()
                .path("uuid").asText();
        installation.dhis2.clearRequests();

        Api.Reply preview = api.get("mappings/" + mapping + "/preview");

        assertThat(preview.status).as(preview.toString()).isEqualTo(200);
        assertThat(preview.json().path("mappingUuid").asText()).isEqualTo(mapping);
        assertThat(preview.json().path("counts").path("INSTANCE").asInt()).isEqualTo(3);
        assertThat(preview.json().path("records").size()).isGreaterThanOrEqualTo(3);
        assertThat(preview.json().path("truncated").asBoolean()).isFalse();
        assertThat(preview.json().path("records").get(0).path("decision").asText()).isEqualTo("NEW");
        JsonNode johnsVisit = null;
        for (JsonNode record : preview.json().path("records")) {
            assertThat(record.path("warnings").isArray()).as(record.toString()).isTrue();
            if (record.path("openmrsUuid").asText().equals("a1b2c3d4-0000-4000-8000-0000visit00002")) {
                johnsVisit = record;
            }
        }
        assertThat(johnsVisit).as("John's visit in " + preview).isNotNull();
        assertThat(johnsVisit.path("values").path("DeWeightKg1").asText()).isEqualTo("80.4");
        assertThat(johnsVisit.path("warnings")).hasSize(1);
        assertThat(johnsVisit.path("warnings").get(0).asText()).startsWith("stage StgVisit001: 2 values of concept"
                + " 'Weight'").contains("sent the most recent, '80.4'");

        Api.Reply validation = api.post("mappings/" + mapping + "/validate", null);

        assertThat(validation.status).as(validation.toString()).isEqualTo(200);
        JsonNode verdicts = validation.json().path("verdicts");
        assertThat(verdicts.size()).isGreaterThan(0);
        boolean refusedPatientInvalid = false;
        for (JsonNode verdict : verdicts) {
            if (verdict.path("openmrsUuid").asText().equals(TestInstallation.REFUSED_PATIENT)) {
                refusedPatientInvalid = !verdict.path("valid").asBoolean();
            }
        }
        assertThat(refusedPatientInvalid).as(verdicts.toString()).isTrue();
        assertThat(installation.dhis2.trackedEntities()).isEmpty();
    }

    @Test
    void aCheckOnADhis2BelowTheTrackerApiIsRefusedWith409AndSendsNothingThatWrites() {
        String mapping = api.post("mappings", TestInstallation.demoMappingJson("Old DHIS2")).json().path("uuid").asText();
        installation.dhis2.reportVersion("2.40.5");
        try {
            installation.dhis2.clearRequests();

            Api.Reply validation = api.post("mappings/" + mapping + "/validate", null);

            assertThat(validation.status).as(validation.toString()).isEqualTo(409);
            assertThat(validation.errorMessage()).isEqualTo("this DHIS2 (version 2.40.5) cannot check records without "
                    + "writing them; the check is available from DHIS2 2.41");
            assertThat(installation.dhis2.requests()).allMatch(r -> r.method().equals("GET"));
            assertThat(installation.dhis2.trackedEntities()).isEmpty();
        } finally {
            installation.dhis2.reportVersion(null);
        }
    }

    private static JsonNode find(JsonNode results, String uuid) {
        for (JsonNode result : results) {
            if (result.path("uuid").asText().equals(uuid)) {
                return result;
            }
        }
        throw new AssertionError("no " + uuid + " in " + results);
    }

    private static java.util.List<String> names(JsonNode body) {
        java.util.List<String> names = new java.util.ArrayList<>();
        body.path("results").forEach(r -> names.add(r.path("name").asText()));
        return names;
    }
}
