package org.openmrs.module.dhis2sync.dhis2.fake;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDateTime;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openmrs.module.dhis2sync.dhis2.fake.FakeHttp.json;

/** The deprecated API of 2.41 (trackedEntityInstances, enrollments, events) and its absence on 2.42. */
class FakeDhis2DeprecatedApiTest {

    private FakeDhis2 fake;
    private FakeHttp http;

    @BeforeEach
    void start() {
        fake = FakeDhis2.start(FakeDhis2.Version.V2_41);
        http = new FakeHttp(fake);
    }

    @AfterEach
    void stop() {
        fake.close();
    }

    private static String tei(String uid, String nationalId) {
        return json("{" + (uid == null ? "" : "'trackedEntityInstance':'" + uid + "',")
                + "'trackedEntityType':'TetPerson01','orgUnit':'OuVerify001','attributes':["
                + "{'attribute':'TeaFirstNm1','value':'Ada'},{'attribute':'TeaNatIdNo1','value':'" + nationalId + "'}]}");
    }

    private static String enrollment(String uid, String tei, String status) {
        return json("{" + (uid == null ? "" : "'enrollment':'" + uid + "',") + "'trackedEntityInstance':'" + tei
                + "','program':'PrgVerify01','orgUnit':'OuVerify001','status':'" + status
                + "','enrollmentDate':'2024-01-10','incidentDate':'2024-01-09'}");
    }

    private static String event(String uid, String result) {
        return json("{'event':'" + uid + "','trackedEntityInstance':'TeiDepr0001','enrollment':'EnrDepr0001',"
                + "'program':'PrgVerify01','programStage':'StgVisit001','orgUnit':'OuVerify001','status':'COMPLETED',"
                + "'eventDate':'2024-01-11','completedDate':'2024-01-11','dataValues':["
                + "{'dataElement':'DeWeightKg1','value':'61.5'},{'dataElement':'DeResultOs1','value':'" + result + "'}]}");
    }

    private void seedTeiWithActiveEnrollment() {
        fake.seedTrackedEntity(FakeTrackedEntity.of("TeiDepr0001", "TetPerson01", "OuVerify001",
                Map.of("TeaNatIdNo1", "NID-DEPR-0001")));
        fake.seedEnrollment(FakeEnrollment.active("EnrDepr0001", "TeiDepr0001", "PrgVerify01", "OuVerify001",
                LocalDateTime.of(2024, 1, 10, 0, 0)));
    }

    @Test
    void createdTeiKeepsTheClientUidAsReference() throws Exception {
        FakeHttp.Answer a = http.post("/api/trackedEntityInstances?strategy=CREATE_AND_UPDATE", tei("TeiDepr0001", "N1"));
        assertThat(a.status()).isEqualTo(200);
        JsonNode summary = a.json().path("response").path("importSummaries").get(0);
        assertThat(summary.path("reference").asText()).isEqualTo("TeiDepr0001");
        assertThat(summary.path("importCount").path("imported").asInt()).isEqualTo(1);
        assertThat(fake.trackedEntity("TeiDepr0001").orElseThrow().attributes()).containsEntry("TeaNatIdNo1", "N1");

        FakeHttp.Answer generated = http.post("/api/trackedEntityInstances", "{\"trackedEntityInstances\":["
                + tei(null, "N2") + "]}");
        String reference = generated.json().path("response").path("importSummaries").get(0).path("reference").asText();
        assertThat(fake.trackedEntity(reference)).isPresent();
    }

    @Test
    void duplicateUniqueAttributeIs409WithConflicts() throws Exception {
        seedTeiWithActiveEnrollment();
        FakeHttp.Answer a = http.post("/api/trackedEntityInstances?strategy=CREATE_AND_UPDATE",
                tei("TeiDepr0009", "NID-DEPR-0001"));
        assertThat(a.status()).isEqualTo(409);
        assertThat(a.json().path("status").asText()).isEqualTo("ERROR");
        JsonNode conflict = a.json().path("response").path("importSummaries").get(0).path("conflicts").get(0);
        assertThat(conflict.path("object").asText()).isEqualTo("Attribute.value");
        assertThat(conflict.path("value").asText())
                .isEqualTo("Non-unique attribute value 'NID-DEPR-0001' for attribute TeaNatIdNo1");
        assertThat(fake.trackedEntity("TeiDepr0009")).isEmpty();
    }

    @Test
    void secondActiveEnrollmentAnswers201WithStatusErrorAndTheReasonInTheSummary() throws Exception {
        seedTeiWithActiveEnrollment();
        FakeHttp.Answer a = http.post("/api/enrollments?strategy=CREATE_AND_UPDATE",
                enrollment("EnrDepr0002", "TeiDepr0001", "ACTIVE"));
        assertThat(a.status()).isEqualTo(201);
        JsonNode r = a.json();
        assertThat(r.path("httpStatus").asText()).isEqualTo("Created");
        assertThat(r.path("status").asText()).isEqualTo("ERROR");
        JsonNode summary = r.path("response").path("importSummaries").get(0);
        assertThat(summary.path("description").asText())
                .isEqualTo("TrackedEntity TeiDepr0001 already has an active enrollment in program PrgVerify01");
        assertThat(summary.path("conflicts")).isEmpty();
        assertThat(summary.path("reference").asText()).isEqualTo("EnrDepr0002");
        assertThat(fake.enrollment("EnrDepr0002")).isEmpty();

        FakeHttp.Answer withoutUid = http.post("/api/enrollments", enrollment(null, "TeiDepr0001", "ACTIVE"));
        assertThat(withoutUid.status()).isEqualTo(201);
        assertThat(withoutUid.json().path("response").path("importSummaries").get(0).has("reference")).isFalse();
    }

    @Test
    void nestedSecondEnrollmentFailsOnlyInsideTheTeiSummary() throws Exception {
        seedTeiWithActiveEnrollment();
        String body = tei("TeiDepr0001", "NID-DEPR-0001").replaceFirst("}$", ",\"enrollments\":["
                + enrollment("EnrDepr0003", "TeiDepr0001", "ACTIVE") + "]}");
        FakeHttp.Answer a = http.post("/api/trackedEntityInstances?strategy=CREATE_AND_UPDATE", body);
        assertThat(a.status()).isEqualTo(200);
        assertThat(a.json().path("status").asText()).isEqualTo("OK");
        JsonNode nested = a.json().path("response").path("importSummaries").get(0).path("enrollments");
        assertThat(nested.path("status").asText()).isEqualTo("ERROR");
        assertThat(nested.path("importSummaries").get(0).path("description").asText()).contains("already has an active");
    }

    @Test
    void reopeningACompletedEnrollmentWhileAnotherIsActiveIsABare409() throws Exception {
        seedTeiWithActiveEnrollment();
        fake.seedEnrollment(new FakeEnrollment("EnrOld00001", "TeiDepr0001", "PrgVerify01", "OuVerify001", "COMPLETED",
                LocalDateTime.of(2023, 1, 1, 0, 0), null, LocalDateTime.of(2023, 2, 1, 0, 0)));
        FakeHttp.Answer a = http.post("/api/enrollments?strategy=CREATE_AND_UPDATE",
                "{\"enrollments\":[" + enrollment("EnrOld00001", "TeiDepr0001", "ACTIVE") + "]}");
        assertThat(a.status()).isEqualTo(409);
        assertThat(a.json().toString()).isEqualTo(json("{'httpStatus':'Conflict','httpStatusCode':409,'status':'ERROR',"
                + "'message':'Program has another active enrollment going on. Not possible to incomplete'}"));

        http.post("/api/enrollments", enrollment("EnrDepr0001", "TeiDepr0001", "COMPLETED"));
        FakeHttp.Answer reopened = http.post("/api/enrollments", enrollment("EnrOld00001", "TeiDepr0001", "ACTIVE"));
        assertThat(reopened.status()).isEqualTo(201);
        assertThat(reopened.json().path("response").path("updated").asInt()).isEqualTo(1);
        assertThat(fake.enrollment("EnrOld00001").orElseThrow().status()).isEqualTo("ACTIVE");
    }

    @Test
    void aMultiTextValueIsSplitAtCommasAndEachPartMustBeAnOptionCode() throws Exception {
        fake.metadata().addSymptomsToVisitStage();
        seedTeiWithActiveEnrollment();
        String event = json("{'event':'EvtMulti001','trackedEntityInstance':'TeiDepr0001','enrollment':'EnrDepr0001',"
                + "'program':'PrgVerify01','programStage':'StgVisit001','orgUnit':'OuVerify001','status':'COMPLETED',"
                + "'eventDate':'2024-01-11','completedDate':'2024-01-11','dataValues':["
                + "{'dataElement':'" + Metadata.SYMPTOMS + "','value':'%s'}]}");

        FakeHttp.Answer ok = http.post("/api/events?strategy=CREATE_AND_UPDATE", String.format(event, "FEVER,RASH"));
        FakeHttp.Answer bad = http.post("/api/events?strategy=CREATE_AND_UPDATE", String.format(event, "FEVER,ITCH"));

        assertThat(ok.status()).isEqualTo(200);
        assertThat(bad.status()).isEqualTo(409);
        assertThat(bad.json().path("response").path("importSummaries").get(0).path("conflicts").get(0)
                .path("value").asText())
                .isEqualTo("Value 'FEVER,ITCH' is not a valid option code of option set: OsSymptom01");
        assertThat(fake.event("EvtMulti001").orElseThrow().dataValues()).containsEntry(Metadata.SYMPTOMS, "FEVER,RASH");
    }

    @Test
    void eventsAreCreatedUpdatedAndRefusedOnBadOptionCodes() throws Exception {
        seedTeiWithActiveEnrollment();
        FakeHttp.Answer created = http.post("/api/events?strategy=CREATE_AND_UPDATE", event("EvtDepr0001", "NEGATIVE"));
        assertThat(created.status()).isEqualTo(200);
        assertThat(created.json().path("response").path("imported").asInt()).isEqualTo(1);
        FakeHttp.Answer updated = http.post("/api/events?strategy=CREATE_AND_UPDATE", event("EvtDepr0001", "POSITIVE"));
        assertThat(updated.json().path("response").path("updated").asInt()).isEqualTo(1);
        assertThat(fake.event("EvtDepr0001").orElseThrow().dataValues()).containsEntry("DeResultOs1", "POSITIVE");

        FakeHttp.Answer bad = http.post("/api/events?strategy=CREATE_AND_UPDATE", event("EvtDepr0002", "MAYBE"));
        assertThat(bad.status()).isEqualTo(409);
        JsonNode conflict = bad.json().path("response").path("importSummaries").get(0).path("conflicts").get(0);
        assertThat(conflict.path("object").asText()).isEqualTo("DeResultOs1");
        assertThat(conflict.path("value").asText())
                .isEqualTo("Value 'MAYBE' is not a valid option code of option set: OsResult001");
        assertThat(fake.event("EvtDepr0002")).isEmpty();
    }

    /** As 2.41.9.1 (recorded): its deprecated tracked entity and enrollment importers never read dryRun. */
    @Test
    void dryRunWritesTrackedEntitiesAndEnrollmentsButNotEvents() throws Exception {
        FakeHttp.Answer a = http.post("/api/trackedEntityInstances?strategy=CREATE_AND_UPDATE&dryRun=true",
                tei("TeiDryRun01", "N1"));
        assertThat(a.status()).isEqualTo(200);
        assertThat(a.json().path("response").path("importOptions").path("dryRun").asBoolean()).isTrue();
        assertThat(a.json().path("response").path("importSummaries").get(0).has("href")).isFalse();
        assertThat(fake.trackedEntities()).extracting(FakeTrackedEntity::uid).containsExactly("TeiDryRun01");

        seedTeiWithActiveEnrollment();
        FakeHttp.Answer ev = http.post("/api/events?strategy=CREATE_AND_UPDATE&dryRun=true", event("EvtDryRun01", "POSITIVE"));
        assertThat(ev.status()).isEqualTo(200);
        assertThat(fake.event("EvtDryRun01")).isEmpty();
    }

    @Test
    void searchReadsFiltersAndNeedsAnOrgUnit() throws Exception {
        seedTeiWithActiveEnrollment();
        fake.seedTrackedEntity(FakeTrackedEntity.of("TeiDepr0002", "TetPerson01", "OuVerify001",
                Map.of("TeaNatIdNo1", "NID-DEPR-0002")));
        FakeHttp.Answer eq = http.get("/api/trackedEntityInstances.json?ou=OuVerify001&trackedEntityType=TetPerson01"
                + "&filter=TeaNatIdNo1:EQ:NID-DEPR-0002&fields=trackedEntityInstance");
        assertThat(eq.json().path("trackedEntityInstances").toString())
                .isEqualTo("[{\"trackedEntityInstance\":\"TeiDepr0002\"}]");
        FakeHttp.Answer in = http.get("/api/trackedEntityInstances.json?ou=OuVerify001&trackedEntityType=TetPerson01"
                + "&filter=TeaNatIdNo1:IN:NID-DEPR-0001;NID-DEPR-0002&fields=trackedEntityInstance&totalPages=true");
        assertThat(in.json().path("trackedEntityInstances")).hasSize(2);
        assertThat(in.json().path("pager").path("total").asInt()).isEqualTo(2);
        FakeHttp.Answer emptyIn = http.get("/api/trackedEntityInstances.json?ou=OuVerify001&trackedEntityType=TetPerson01"
                + "&filter=TeaNatIdNo1:IN:");
        assertThat(emptyIn.status()).isEqualTo(409);
        assertThat(emptyIn.json().path("message").asText()).startsWith("Query item or filter is invalid");

        FakeHttp.Answer noOu = http.get("/api/enrollments.json?trackedEntityInstance=TeiDepr0001");
        assertThat(noOu.status()).isEqualTo(409);
        assertThat(noOu.json().path("message").asText()).isEqualTo("At least one organisation unit must be specified");
        FakeHttp.Answer withOu = http.get("/api/enrollments.json?ou=OuVerify001&trackedEntityInstance=TeiDepr0001");
        assertThat(withOu.json().path("enrollments").get(0).path("enrollment").asText()).isEqualTo("EnrDepr0001");
        assertThat(http.get("/api/trackedEntityInstances/TeiDepr0001.json?fields=*").json().path("enrollments"))
                .hasSize(1);
        assertThat(http.get("/api/enrollments/EnrDepr0001.json").json().path("status").asText()).isEqualTo("ACTIVE");
        http.post("/api/events", event("EvtDepr0001", "NEGATIVE"));
        assertThat(http.get("/api/events.json?orgUnit=OuVerify001&program=PrgVerify01&fields=event").json()
                .path("events").toString()).isEqualTo("[{\"event\":\"EvtDepr0001\"}]");
        assertThat(http.get("/api/events/EvtDepr0001.json").json().path("eventDate").asText())
                .isEqualTo("2024-01-11T00:00:00.000");
    }

    @Test
    void on242EveryDeprecatedPathIsA404HtmlPageEvenAskingForJson() throws Exception {
        fake.close();
        fake = FakeDhis2.start(FakeDhis2.Version.V2_42);
        http = new FakeHttp(fake);
        for (String[] call : new String[][] {{"GET", "/api/trackedEntityInstances.json?ou=OuVerify001"},
                {"GET", "/api/trackedEntityInstances?ou=OuVerify001"}, {"POST", "/api/trackedEntityInstances"},
                {"GET", "/api/enrollments?ou=OuVerify001"}, {"POST", "/api/enrollments"}, {"POST", "/api/events"},
                {"GET", "/api/events/EvtDepr0001.json"}}) {
            FakeHttp.Answer a = http.send(call[0], call[1], call[0].equals("POST") ? "{}" : null);
            assertThat(a.status()).as(call[1]).isEqualTo(404);
            assertThat(a.header("Content-Type")).startsWith("text/html");
            assertThat(a.body()).contains("HTTP Status 404");
        }
    }
}
