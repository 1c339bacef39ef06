package org.openmrs.module.dhis2sync.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openmrs.module.dhis2sync.sync.SyncHarness;

import com.fasterxml.jackson.databind.JsonNode;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MetadataApiTest {

    private TestInstallation installation;
    private Api api;

    @BeforeAll
    void start() {
        installation = TestInstallation.start();
        installation.seedDemo();
        api = new Api(installation.mockMvc());
    }

    @AfterAll
    void stop() {
        installation.close();
    }

    @BeforeEach
    void asMappingManager() {
        installation.user.loggedIn("manager", "Manage DHIS2 Sync Mappings");
    }

    @Test
    void openmrsListsWithUuidNameAndDescription() {
        JsonNode programs = api.get("metadata/openmrs/programs").json().path("results");
        assertThat(programs.get(0).path("uuid").asText()).isEqualTo(SyncHarness.PROGRAM_UUID);
        assertThat(programs.get(0).path("name").asText()).isEqualTo("HIV Testing Services");
        assertThat(programs.get(0).path("description").asText()).isEqualTo("HTS programme");

        for (String kind : List.of("encounterTypes", "forms", "personAttributeTypes", "identifierTypes")) {
            assertThat(api.get("metadata/openmrs/" + kind).json().path("results").size()).as(kind).isEqualTo(1);
        }
        assertThat(names(api.get("metadata/openmrs/locations").json())).containsExactly("Outreach Post",
                "Verify Clinic");
        assertThat(names(api.send(Api.getting("metadata/openmrs/locations").param("q", "verif")).json()))
                .containsExactly("Verify Clinic");
        assertThat(api.get("metadata/openmrs/drugs").status).isEqualTo(404);
    }

    @Test
    void conceptsAreSearchedByNameWithTheirAnswers() {
        JsonNode results = api.send(Api.getting("metadata/openmrs/concepts").param("q", "hiv")).json()
                .path("results");

        assertThat(results.size()).isEqualTo(1);
        JsonNode result = results.get(0);
        assertThat(result.path("uuid").asText()).isEqualTo(SyncHarness.RESULT);
        assertThat(result.path("datatype").asText()).isEqualTo("Coded");
        assertThat(result.path("answers").get(0).path("uuid").asText()).isEqualTo(SyncHarness.POSITIVE);
        assertThat(result.path("answers").get(0).path("name").asText()).isEqualTo("Positive");
        assertThat(result.path("setMembers").size()).isZero();

        Api.Reply tooShort = api.send(Api.getting("metadata/openmrs/concepts").param("q", "h"));
        assertThat(tooShort.status).isEqualTo(400);
        assertThat(tooShort.errorField()).isEqualTo("q");
        assertThat(api.get("metadata/openmrs/concepts").errorField()).isEqualTo("q");
        assertThat(api.send(Api.getting("metadata/openmrs/concepts").param("q", "hiv").param("limit", "1000"))
                .errorField()).isEqualTo("limit");
    }

    @Test
    void patientFieldsCoverTheTypesOfThisInstallation() {
        JsonNode fields = api.get("metadata/openmrs/patientFields").json().path("results");
        List<String> sources = new ArrayList<>();
        fields.forEach(f -> sources.add(f.path("source").asText()));

        assertThat(sources).contains("givenName", "gender", "birthdate", "identifier:" + SyncHarness.NATIONAL_ID_TYPE,
                "attribute:" + TestInstallation.PHONE_ATTRIBUTE, "address:cityVillage", "address:address15");
        assertThat(fields.get(0).path("label").asText()).isEqualTo("Given name");
    }

    @Test
    void dhis2MetadataIsProxiedWithAPager() {
        JsonNode programs = api.get("metadata/dhis2/programs").json();
        JsonNode program = programs.path("results").get(0);
        assertThat(program.path("id").asText()).isEqualTo(SyncHarness.PROGRAM);
        assertThat(program.path("trackedEntityType").asText()).isEqualTo("TetPerson01");
        assertThat(program.path("programStages").get(0).path("id").asText()).isEqualTo(SyncHarness.STAGE);
        assertThat(program.path("programStages").get(0).path("dataElements").size()).isGreaterThan(0);
        assertThat(program.path("attributes").size()).isEqualTo(4);
        assertThat(programs.path("pager").path("page").asInt()).isEqualTo(1);
        assertThat(programs.path("pager").path("pageSize").asInt()).isEqualTo(50);

        assertThat(api.send(Api.getting("metadata/dhis2/programs").param("q", SyncHarness.PROGRAM)).json()
                .path("results").size()).isEqualTo(1);
        assertThat(api.send(Api.getting("metadata/dhis2/programs").param("q", "no such")).json()
                .path("results").size()).isZero();

        JsonNode attribute = find(api.send(Api.getting("metadata/dhis2/trackedEntityAttributes").param("q", "Sex"))
                .json(), "TeaSexAttr1");
        assertThat(attribute.path("optionSet").asText()).isEqualTo("OsSexOpts01");
        assertThat(find(api.get("metadata/dhis2/dataElements").json(), "DeWeightKg1").path("valueType").asText())
                .isEqualTo("NUMBER");
        JsonNode optionSet = find(api.get("metadata/dhis2/optionSets").json(), "OsSexOpts01");
        assertThat(optionSet.path("options").get(0).path("code").asText()).isEqualTo("MALE");
        JsonNode orgUnit = find(api.send(Api.getting("metadata/dhis2/orgUnits").param("q", "Verify")).json(),
                SyncHarness.ORG_UNIT);
        assertThat(orgUnit.path("path").asText()).contains(SyncHarness.ORG_UNIT);

        assertThat(api.get("metadata/dhis2/users").status).isEqualTo(404);
        assertThat(api.send(Api.getting("metadata/dhis2/orgUnits").param("pageSize", "0")).errorField())
                .isEqualTo("pageSize");
    }

    @Test
    void orgUnitRowsAreListedSavedAndDeleted() {
        JsonNode rows = api.get("org-units").json().path("results");
        assertThat(rows.get(0).path("locationUuid").asText()).isEqualTo(SyncHarness.CLINIC);
        assertThat(rows.get(0).path("locationName").asText()).isEqualTo("Verify Clinic");
        assertThat(rows.get(0).path("orgUnitUid").asText()).isEqualTo(SyncHarness.ORG_UNIT);

        Api.Reply saved = api.post("org-units", "{\"locationUuid\": \"" + TestInstallation.OTHER_LOCATION
                + "\", \"orgUnitUid\": \"OuVerify001\"}");
        assertThat(saved.status).as(saved.toString()).isEqualTo(200);
        assertThat(saved.json().path("locationName").asText()).isEqualTo("Outreach Post");

        Api.Reply badUid = api.post("org-units", "{\"locationUuid\": \"" + TestInstallation.OTHER_LOCATION
                + "\", \"orgUnitUid\": \"nope\"}");
        assertThat(badUid.status).isEqualTo(400);
        assertThat(badUid.errorField()).isEqualTo("orgUnitUid");
        assertThat(api.post("org-units", "{\"orgUnitUid\": \"OuVerify001\"}").errorField()).isEqualTo("locationUuid");

        assertThat(api.delete("org-units/" + TestInstallation.OTHER_LOCATION).status).isEqualTo(204);
        assertThat(api.delete("org-units/" + TestInstallation.OTHER_LOCATION).status).isEqualTo(404);
        assertThat(api.get("org-units").json().path("results").size()).isEqualTo(1);
    }

    private static JsonNode find(JsonNode body, String id) {
        for (JsonNode result : body.path("results")) {
            if (result.path("id").asText().equals(id)) {
                return result;
            }
        }
        throw new AssertionError("no " + id + " in " + body);
    }

    private static List<String> names(JsonNode body) {
        List<String> names = new ArrayList<>();
        body.path("results").forEach(r -> names.add(r.path("name").asText()));
        return names;
    }
}
