package org.openmrs.module.dhis2sync.dhis2.fake;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Tracker API reads, paging per version, system info, /api/me and the metadata lists. */
class FakeDhis2ReadApiTest {

    private FakeDhis2 fake;
    private FakeHttp http;

    private void start(FakeDhis2.Version version) {
        fake = FakeDhis2.start(version);
        http = new FakeHttp(fake);
        fake.seedTrackedEntity(FakeTrackedEntity.of("TeAda000001", "TetPerson01", "OuVerify001",
                Map.of("TeaFirstNm1", "Ada", "TeaNatIdNo1", "NID-1")));
        fake.seedTrackedEntity(FakeTrackedEntity.of("TeAlan00001", "TetPerson01", "OuVerify001",
                Map.of("TeaFirstNm1", "Alan", "TeaNatIdNo1", "NID-2")));
        fake.seedTrackedEntity(FakeTrackedEntity.of("TeGrace0001", "TetPerson01", "OuVerify001",
                Map.of("TeaFirstNm1", "Grace", "TeaNatIdNo1", "NID-3")));
        fake.seedEnrollment(FakeEnrollment.active("EnAda000001", "TeAda000001", "PrgVerify01", "OuVerify001",
                LocalDateTime.of(2024, 1, 1, 0, 0)));
        fake.seedEvent(new FakeEvent("EvAda000001", "EnAda000001", null, null, "StgVisit001", "OuVerify001",
                "COMPLETED", LocalDateTime.of(2024, 1, 2, 0, 0), Map.of("DeWeightKg1", "60")));
    }

    @AfterEach
    void stop() {
        fake.close();
    }

    private List<String> uids(JsonNode list, String field) {
        List<String> result = new ArrayList<>();
        list.forEach(n -> result.add(n.path(field).asText()));
        return result;
    }

    private static final String TES = "/api/tracker/trackedEntities?trackedEntityType=TetPerson01&orgUnits=OuVerify001"
            + "&orgUnitMode=SELECTED&fields=trackedEntity";

    @Test
    void filtersCombineWithAnd() throws Exception {
        start(FakeDhis2.Version.V2_42);
        assertThat(uids(http.get(TES + "&filter=TeaNatIdNo1:in:NID-1;NID-3").json().path("trackedEntities"),
                "trackedEntity")).containsExactly("TeGrace0001", "TeAda000001");
        assertThat(uids(http.get(TES + "&filter=TeaNatIdNo1:eq:nid-2").json().path("trackedEntities"),
                "trackedEntity")).containsExactly("TeAlan00001");
        assertThat(uids(http.get(TES + "&filter=TeaFirstNm1:like:a&filter=TeaNatIdNo1:in:NID-1;NID-2;NID-3")
                .json().path("trackedEntities"), "trackedEntity")).containsExactly("TeGrace0001", "TeAlan00001",
                "TeAda000001");
        assertThat(uids(http.get(TES + "&filter=TeaFirstNm1:like:a,TeaNatIdNo1:eq:NID-2")
                .json().path("trackedEntities"), "trackedEntity")).containsExactly("TeAlan00001");
        assertThat(uids(http.get(TES + "&trackedEntities=TeAda000001,TeAlan00001").json().path("trackedEntities"),
                "trackedEntity")).containsExactly("TeAlan00001", "TeAda000001");
        FakeHttp.Answer semicolons = http.get(TES + "&trackedEntities=TeAda000001;TeAlan00001");
        assertThat(semicolons.status()).isEqualTo(400);
        assertThat(semicolons.json().path("message").asText()).isEqualTo("Value 'TeAda000001;TeAlan00001' is not valid "
                + "for parameter trackedEntities. UID must be an alphanumeric string of 11 characters starting with a "
                + "letter, but was: TeAda000001;TeAlan00001");
        FakeHttp.Answer emptyIn = http.get(TES + "&filter=TeaNatIdNo1:in:");
        assertThat(emptyIn.status()).isEqualTo(400);
        assertThat(emptyIn.json().path("message").asText()).startsWith("Query item or filter is invalid");
    }

    @Test
    void programSearchReturnsEnrolledOnlyWithNestedFields() throws Exception {
        start(FakeDhis2.Version.V2_41);
        JsonNode r = http.get("/api/tracker/trackedEntities?program=PrgVerify01&orgUnits=OuVerify001"
                + "&fields=trackedEntity,attributes[attribute,value],enrollments[enrollment,status,events[event,"
                + "dataValues[dataElement,value]]]").json();
        JsonNode te = r.path("trackedEntities").get(0);
        assertThat(r.path("trackedEntities")).hasSize(1);
        assertThat(te.path("enrollments").get(0).toString()).isEqualTo("{\"enrollment\":\"EnAda000001\",\"status\":"
                + "\"ACTIVE\",\"events\":[{\"event\":\"EvAda000001\",\"dataValues\":[{\"dataElement\":\"DeWeightKg1\","
                + "\"value\":\"60\"}]}]}");
        assertThat(te.path("attributes").get(0).has("displayName")).isFalse();
    }

    @Test
    void pagingOn241RepeatsPageFieldsAtTheTop() throws Exception {
        start(FakeDhis2.Version.V2_41);
        JsonNode r = http.get(TES + "&page=2&pageSize=2&totalPages=true").json();
        assertThat(r.path("pager").toString()).isEqualTo("{\"page\":2,\"pageSize\":2,\"total\":3,\"pageCount\":2}");
        assertThat(r.path("page").asInt()).isEqualTo(2);
        assertThat(r.path("pageCount").asInt()).isEqualTo(2);
        assertThat(uids(r.path("trackedEntities"), "trackedEntity")).containsExactly("TeAda000001");
        JsonNode all = http.get(TES + "&paging=false").json();
        assertThat(all.has("pager")).isFalse();
        assertThat(all.path("trackedEntities")).hasSize(3);
    }

    @Test
    void pagingOn242IsOnlyInsidePagerWithLinks() throws Exception {
        start(FakeDhis2.Version.V2_42);
        JsonNode r = http.get(TES + "&pageSize=1&page=2").json();
        assertThat(r.has("page")).isFalse();
        assertThat(r.path("pager").path("prevPage").asText()).endsWith("&page=1");
        assertThat(r.path("pager").path("nextPage").asText()).endsWith("&page=3");
        assertThat(uids(r.path("trackedEntities"), "trackedEntity")).containsExactly("TeAlan00001");
    }

    @Test
    void removedParametersAreIgnoredOn242AndCheckedOn241() throws Exception {
        start(FakeDhis2.Version.V2_42);
        FakeHttp.Answer bogus = http.get("/api/tracker/trackedEntities?trackedEntityType=TetPerson01"
                + "&orgUnit=AbCdEfGhIj1&ouMode=SELECTED&trackedEntity=TeAda000001&skipPaging=true&fields=trackedEntity");
        assertThat(bogus.status()).isEqualTo(200);
        assertThat(bogus.json().path("trackedEntities")).hasSize(3);
        assertThat(bogus.json().has("pager")).isTrue();
        FakeHttp.Answer unknown = http.get("/api/tracker/trackedEntities?trackedEntityType=TetPerson01"
                + "&orgUnits=AbCdEfGhIj1");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.json().path("errorCode").asText()).isEqualTo("E1003");
        fake.close();

        start(FakeDhis2.Version.V2_41);
        assertThat(http.get("/api/tracker/trackedEntities?trackedEntityType=TetPerson01&orgUnit=AbCdEfGhIj1").status())
                .isEqualTo(400);
        assertThat(http.get("/api/tracker/trackedEntities?trackedEntityType=TetPerson01&orgUnit=OuVerify001"
                + "&trackedEntity=TeAda000001&fields=trackedEntity").json().path("trackedEntities")).hasSize(1);
    }

    @Test
    void descendantsModeReachesChildOrgUnitsAndInaccessibleOnesStayHidden() throws Exception {
        start(FakeDhis2.Version.V2_42);
        fake.metadata().addOrgUnit(new Metadata.OrgUnit("OuChild0001", "Child clinic", null, "OuVerify001"));
        fake.seedTrackedEntity(FakeTrackedEntity.of("TeChild0001", "TetPerson01", "OuChild0001", Map.of()));
        String base = "/api/tracker/trackedEntities?trackedEntityType=TetPerson01&orgUnits=OuVerify001&fields=trackedEntity";
        assertThat(http.get(base + "&orgUnitMode=SELECTED").json().path("trackedEntities")).hasSize(3);
        assertThat(http.get(base + "&orgUnitMode=DESCENDANTS").json().path("trackedEntities")).hasSize(4);
        fake.metadata().setOrgUnitAccessible("OuChild0001", false);
        assertThat(http.get(base + "&orgUnitMode=DESCENDANTS").json().path("trackedEntities")).hasSize(3);
        assertThat(http.get("/api/tracker/trackedEntities/TeChild0001").status()).isEqualTo(404);
    }

    @Test
    void singleReadsAndEnrollmentLists() throws Exception {
        start(FakeDhis2.Version.V2_42);
        JsonNode te = http.get("/api/tracker/trackedEntities/TeAda000001").json();
        assertThat(te.has("enrollments")).isFalse();
        assertThat(te.path("attributes")).hasSize(2);
        JsonNode all = http.get("/api/tracker/trackedEntities/TeAda000001?fields=*").json();
        assertThat(all.path("enrollments").get(0).path("events").get(0).path("event").asText()).isEqualTo("EvAda000001");
        FakeHttp.Answer missing = http.get("/api/tracker/trackedEntities/TeMissing01");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.json().path("message").asText()).isEqualTo("TrackedEntity with id TeMissing01 could not be found.");
        assertThat(http.get("/api/tracker/enrollments/EnAda000001").json().path("status").asText()).isEqualTo("ACTIVE");
        assertThat(http.get("/api/tracker/events/EvAda000001").json().path("dataValues").get(0).path("value").asText())
                .isEqualTo("60");
        assertThat(http.get("/api/tracker/enrollments?trackedEntity=TeAda000001&status=COMPLETED").json()
                .path("enrollments")).isEmpty();
        assertThat(http.get("/api/tracker/enrollments?program=PrgVerify01&orgUnits=OuVerify001&status=ACTIVE").json()
                .path("enrollments")).hasSize(1);
    }

    @Test
    void systemInfoAndMe() throws Exception {
        start(FakeDhis2.Version.V2_42);
        assertThat(http.get("/api/system/info").json().path("version").asText()).isEqualTo("2.42.5.2");
        assertThat(http.get("/api/me?fields=id,username").json().toString())
                .isEqualTo("{\"id\":\"M5zQapPyTZI\",\"username\":\"admin\"}");
        assertThat(http.get("/api/me").json().path("name").asText()).isEqualTo("admin admin");
        assertThat(http.get("/api/nothingHere").status()).isEqualTo(404);
        assertThat(http.get("/api/nothingHere").body()).contains("HTTP Status 404");
    }

    @Test
    void metadataListsForPickers() throws Exception {
        start(FakeDhis2.Version.V2_41);
        JsonNode programs = http.get("/api/programs?fields=id,name,onlyEnrollOnce,trackedEntityType[id],"
                + "programStages[id,name,programStageDataElements[dataElement[id,name,valueType,optionSet[id]]]],"
                + "programTrackedEntityAttributes[trackedEntityAttribute[id,name,valueType,unique,optionSet[id]]]").json();
        assertThat(programs.path("pager").path("total").asInt()).isEqualTo(1);
        JsonNode program = programs.path("programs").get(0);
        assertThat(program.path("trackedEntityType").toString()).isEqualTo("{\"id\":\"TetPerson01\"}");
        assertThat(program.path("programStages").get(0).path("programStageDataElements").get(2).path("dataElement")
                .toString()).isEqualTo("{\"id\":\"DeResultOs1\",\"name\":\"Verify Test result\",\"valueType\":\"TEXT\","
                + "\"optionSet\":{\"id\":\"OsResult001\"}}");
        assertThat(program.path("programTrackedEntityAttributes").get(3).path("trackedEntityAttribute")
                .path("unique").asBoolean()).isTrue();
        assertThat(http.get("/api/programs/PrgVerify01").json().path("onlyEnrollOnce").asBoolean()).isFalse();
        assertThat(http.get("/api/programs").json().path("programs").get(0).toString())
                .isEqualTo("{\"id\":\"PrgVerify01\",\"displayName\":\"Verify Tracker Program\"}");
        JsonNode options = http.get("/api/optionSets?fields=id,options[code,name]&paging=false").json();
        assertThat(options.has("pager")).isFalse();
        JsonNode male = options.path("optionSets").get(0).path("options").get(0);
        assertThat(male.path("code").asText()).isEqualTo("MALE");
        assertThat(male.path("name").asText()).isEqualTo("Male");
        assertThat(male.size()).isEqualTo(2);
        assertThat(http.get("/api/trackedEntityAttributes?fields=id").json().path("trackedEntityAttributes")).hasSize(4);
        assertThat(http.get("/api/dataElements?fields=id,valueType").json().path("dataElements")).hasSize(3);
        fake.metadata().addOrgUnit(new Metadata.OrgUnit("OuOther0001", "Other Hospital", null, null));
        assertThat(http.get("/api/organisationUnits?query=clinic&fields=id").json().path("organisationUnits").toString())
                .isEqualTo("[{\"id\":\"OuVerify001\"}]");
        assertThat(http.get("/api/organisationUnits?filter=name:ilike:hosp&fields=id,name").json()
                .path("organisationUnits").get(0).path("id").asText()).isEqualTo("OuOther0001");
    }
}
