package org.openmrs.module.dhis2sync.dhis2.fake;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openmrs.module.dhis2sync.dhis2.fake.FakeHttp.json;

/** POST /api/tracker: DHIS2's validation rules, atomic modes, import modes and async jobs. */
class FakeDhis2TrackerImportTest {

    private static final String SYNC = "/api/tracker?async=false&importStrategy=CREATE_AND_UPDATE";
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

    static String te(String uid, String nationalId, String sex) {
        return json("{'trackedEntity':'" + uid + "','trackedEntityType':'TetPerson01','orgUnit':'OuVerify001',"
                + "'attributes':[{'attribute':'TeaFirstNm1','value':'Ada'},{'attribute':'TeaLastNme1','value':'L'},"
                + "{'attribute':'TeaSexAttr1','value':'" + sex + "'},{'attribute':'TeaNatIdNo1','value':'" + nationalId
                + "'}]}");
    }

    static String enrollment(String uid, String te, String status) {
        return json("{'enrollment':'" + uid + "','trackedEntity':'" + te + "','program':'PrgVerify01',"
                + "'orgUnit':'OuVerify001','status':'" + status + "','enrolledAt':'2024-01-01','occurredAt':'2024-01-01'"
                + (status.equals("COMPLETED") ? ",'completedAt':'2024-02-01'" : "") + "}");
    }

    static String event(String uid, String enrollment, String dataValues) {
        return json("{'event':'" + uid + "','enrollment':'" + enrollment + "','program':'PrgVerify01',"
                + "'programStage':'StgVisit001','orgUnit':'OuVerify001','status':'ACTIVE','occurredAt':'2024-01-05',"
                + "'dataValues':[" + dataValues + "]}");
    }

    static String dv(String dataElement, String value) {
        return json("{'dataElement':'" + dataElement + "','value':'" + value + "'}");
    }

    static String payload(String key, String... objects) {
        return "{\"" + key + "\":[" + String.join(",", objects) + "]}";
    }

    private FakeHttp.Answer post(String atomicMode, String body) throws Exception {
        return http.post(SYNC + "&atomicMode=" + atomicMode, body);
    }

    private static List<String> errorCodes(JsonNode report) {
        List<String> codes = new ArrayList<>();
        report.path("validationReport").path("errorReports").forEach(e -> codes.add(e.path("errorCode").asText()));
        return codes;
    }

    private void seedPatientWithActiveEnrollment() {
        fake.seedTrackedEntity(FakeTrackedEntity.of("TePatient01", "TetPerson01", "OuVerify001",
                Map.of("TeaNatIdNo1", "NID-1")));
        fake.seedEnrollment(FakeEnrollment.active("EnActive001", "TePatient01", "PrgVerify01", "OuVerify001",
                LocalDateTime.of(2024, 1, 1, 0, 0)));
    }

    @ParameterizedTest
    @EnumSource(FakeDhis2.Version.class)
    void nestedCreateWritesAllThreeAndReportsTheirUids(FakeDhis2.Version version) throws Exception {
        start(version);
        String body = "{\"trackedEntities\":[" + te("TeNew000001", "NID-9", "FEMALE").replaceFirst("}$",
                ",\"enrollments\":[" + enrollment("EnNew000001", "TeNew000001", "ACTIVE").replaceFirst("}$",
                        ",\"events\":[" + event("EvNew000001", "EnNew000001", dv("DeWeightKg1", "70.5")) + "]}")
                        + "]}") + "]}";
        FakeHttp.Answer a = post("ALL", body);
        assertThat(a.status()).isEqualTo(200);
        JsonNode r = a.json();
        assertThat(r.path("status").asText()).isEqualTo("OK");
        assertThat(r.path("stats").path("created").asInt()).isEqualTo(3);
        JsonNode map = r.path("bundleReport").path("typeReportMap");
        assertThat(map.path("TRACKED_ENTITY").path("objectReports").get(0).path("uid").asText()).isEqualTo("TeNew000001");
        assertThat(map.path("ENROLLMENT").path("objectReports").get(0).path("uid").asText()).isEqualTo("EnNew000001");
        assertThat(map.path("EVENT").path("objectReports").get(0).path("uid").asText()).isEqualTo("EvNew000001");
        assertThat(fake.event("EvNew000001").orElseThrow().trackedEntity()).isEqualTo("TeNew000001");
        assertThat(fake.event("EvNew000001").orElseThrow().dataValues()).containsEntry("DeWeightKg1", "70.5");

        FakeHttp.Answer again = post("ALL", body);
        assertThat(again.json().path("stats").path("updated").asInt()).isEqualTo(3);
    }

    @ParameterizedTest
    @EnumSource(FakeDhis2.Version.class)
    void secondActiveEnrollmentIsE1015AndAtomicAllWritesNothing(FakeDhis2.Version version) throws Exception {
        start(version);
        seedPatientWithActiveEnrollment();
        String body = "{\"trackedEntities\":[" + te("TeOther0001", "NID-2", "MALE") + "],\"enrollments\":["
                + enrollment("EnSecond001", "TePatient01", "ACTIVE") + "]}";
        FakeHttp.Answer a = post("ALL", body);
        assertThat(a.status()).isEqualTo(409);
        JsonNode r = a.json();
        assertThat(r.path("status").asText()).isEqualTo("ERROR");
        assertThat(errorCodes(r)).containsExactly("E1015");
        JsonNode error = r.path("validationReport").path("errorReports").get(0);
        assertThat(error.path("trackerType").asText()).isEqualTo("ENROLLMENT");
        assertThat(error.path("uid").asText()).isEqualTo("EnSecond001");
        assertThat(r.path("stats").path("ignored").asInt()).isEqualTo(2);
        assertThat(r.has("bundleReport")).isFalse();
        assertThat(fake.trackedEntity("TeOther0001")).isEmpty();
        assertThat(fake.enrollment("EnSecond001")).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(FakeDhis2.Version.class)
    void secondActiveEnrollmentIsE1015AndAtomicObjectKeepsTheRest(FakeDhis2.Version version) throws Exception {
        start(version);
        seedPatientWithActiveEnrollment();
        String body = "{\"trackedEntities\":[" + te("TeOther0001", "NID-2", "MALE") + "],\"enrollments\":["
                + enrollment("EnSecond001", "TePatient01", "ACTIVE") + "]}";
        FakeHttp.Answer a = post("OBJECT", body);
        assertThat(a.status()).isEqualTo(200);
        JsonNode r = a.json();
        assertThat(r.path("status").asText()).isEqualTo("OK");
        assertThat(errorCodes(r)).containsExactly("E1015");
        assertThat(r.path("stats").path("created").asInt()).isEqualTo(1);
        assertThat(r.path("stats").path("ignored").asInt()).isEqualTo(1);
        assertThat(r.path("bundleReport").path("typeReportMap").path("ENROLLMENT").path("stats").path("ignored").asInt())
                .isEqualTo(1);
        assertThat(fake.trackedEntity("TeOther0001")).isPresent();
        assertThat(fake.enrollment("EnSecond001")).isEmpty();
    }

    @Test
    void onlyEnrollOnceProgramRefusesAnyFurtherEnrollmentWithE1016() throws Exception {
        start(FakeDhis2.Version.V2_41);
        fake.metadata().setOnlyEnrollOnce("PrgVerify01", true);
        fake.seedTrackedEntity(FakeTrackedEntity.of("TePatient01", "TetPerson01", "OuVerify001", Map.of()));
        fake.seedEnrollment(new FakeEnrollment("EnDone00001", "TePatient01", "PrgVerify01", "OuVerify001", "COMPLETED",
                LocalDateTime.of(2023, 1, 1, 0, 0), null, LocalDateTime.of(2023, 6, 1, 0, 0)));
        FakeHttp.Answer a = post("OBJECT", payload("enrollments", enrollment("EnAgain0001", "TePatient01", "ACTIVE")));
        assertThat(errorCodes(a.json())).containsExactly("E1016");
        assertThat(fake.enrollment("EnAgain0001")).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(FakeDhis2.Version.class)
    void invalidOptionCodesAreE1125ForAttributesAndDataValues(FakeDhis2.Version version) throws Exception {
        start(version);
        seedPatientWithActiveEnrollment();
        FakeHttp.Answer a = post("OBJECT", "{\"trackedEntities\":[" + te("TeBadSex001", "NID-3", "UNKNOWN")
                + "],\"events\":[" + event("EvBadOpt001", "EnActive001", dv("DeResultOs1", "MAYBE")) + "]}");
        JsonNode r = a.json();
        assertThat(a.status()).isEqualTo(200);
        assertThat(errorCodes(r)).containsExactly("E1125", "E1125");
        assertThat(r.path("validationReport").path("errorReports").get(1).path("trackerType").asText()).isEqualTo("EVENT");
        assertThat(fake.trackedEntities()).extracting(FakeTrackedEntity::uid).containsExactly("TePatient01");
        assertThat(fake.events()).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(FakeDhis2.Version.class)
    void aMultiTextValueIsSplitAtCommasAndEachPartMustBeAnOptionCode(FakeDhis2.Version version) throws Exception {
        start(version);
        fake.metadata().addSymptomsToVisitStage();
        seedPatientWithActiveEnrollment();
        FakeHttp.Answer a = post("OBJECT", payload("events",
                event("EvMulti0001", "EnActive001", dv(Metadata.SYMPTOMS, "COUGH,FEVER")),
                event("EvMulti0002", "EnActive001", dv(Metadata.SYMPTOMS, "COUGH,SNEEZE")),
                event("EvMulti0003", "EnActive001", dv(Metadata.SYMPTOMS, "COUGH, FEVER"))));
        JsonNode r = a.json();
        // DHIS2 splits with String.split(","): " FEVER" (with its space) is no code
        assertThat(errorCodes(r)).containsExactly("E1125", "E1125");
        assertThat(r.path("validationReport").path("errorReports")).extracting(e -> e.path("uid").asText())
                .containsExactly("EvMulti0002", "EvMulti0003");
        assertThat(fake.event("EvMulti0001").orElseThrow().dataValues()).containsEntry(Metadata.SYMPTOMS, "COUGH,FEVER");
    }

    @ParameterizedTest
    @EnumSource(FakeDhis2.Version.class)
    void nonUniqueNationalIdIsE1064AgainstStoredButTwoNewInOneBatchAreBothCommitted(FakeDhis2.Version version)
            throws Exception {
        start(version);
        seedPatientWithActiveEnrollment();
        FakeHttp.Answer a = post("OBJECT", payload("trackedEntities", te("TeBatch0001", "NID-1", "MALE"),
                te("TeBatch0002", "NID-5", "MALE"), te("TeBatch0003", "NID-5", "FEMALE")));
        JsonNode r = a.json();
        // as the recorded 2.42.5.2 traffic: the stored holder is found, the pair within the payload is not
        assertThat(errorCodes(r)).containsExactly("E1064");
        assertThat(r.path("validationReport").path("errorReports")).extracting(e -> e.path("uid").asText())
                .containsExactly("TeBatch0001");
        assertThat(r.path("stats").path("created").asInt()).isEqualTo(2);
        assertThat(fake.trackedEntity("TeBatch0002")).isPresent();
        assertThat(fake.trackedEntity("TeBatch0003")).isPresent();
    }

    @ParameterizedTest
    @EnumSource(FakeDhis2.Version.class)
    void validationRefusesEveryNewHolderOfAUniqueValueSharedInThePayload(FakeDhis2.Version version) throws Exception {
        start(version);
        FakeHttp.Answer a = http.post(SYNC + "&atomicMode=OBJECT&importMode=VALIDATE", payload("trackedEntities",
                te("TeBatch0002", "NID-5", "MALE"), te("TeBatch0003", "NID-5", "FEMALE"), te("TeBatch0004", "NID-6", "MALE")));
        JsonNode r = a.json();
        assertThat(a.status()).isEqualTo(200);
        assertThat(r.path("validationReport").path("errorReports")).extracting(e -> e.path("errorCode").asText() + " "
                + e.path("uid").asText()).containsExactlyInAnyOrder("E1064 TeBatch0002", "E1064 TeBatch0003");
        assertThat(r.path("stats").path("ignored").asInt()).isEqualTo(2);
        assertThat(r.path("bundleReport").path("typeReportMap").size()).isZero();
        assertThat(fake.trackedEntities()).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(FakeDhis2.Version.class)
    void completedEnrollmentSentActiveIsReopenedOnlyWhenNoOtherIsActive(FakeDhis2.Version version) throws Exception {
        start(version);
        fake.seedTrackedEntity(FakeTrackedEntity.of("TePatient01", "TetPerson01", "OuVerify001", Map.of()));
        fake.seedEnrollment(new FakeEnrollment("EnFirst0001", "TePatient01", "PrgVerify01", "OuVerify001", "COMPLETED",
                LocalDateTime.of(2023, 1, 1, 0, 0), null, LocalDateTime.of(2023, 6, 1, 0, 0)));
        fake.seedEnrollment(FakeEnrollment.active("EnSecond001", "TePatient01", "PrgVerify01", "OuVerify001",
                LocalDateTime.of(2024, 1, 1, 0, 0)));

        FakeHttp.Answer refused = post("OBJECT", payload("enrollments", enrollment("EnFirst0001", "TePatient01", "ACTIVE")));
        assertThat(refused.status()).isEqualTo(200);
        assertThat(errorCodes(refused.json())).containsExactly("E1015");
        assertThat(fake.enrollment("EnFirst0001").orElseThrow().status()).isEqualTo("COMPLETED");

        post("OBJECT", payload("enrollments", enrollment("EnSecond001", "TePatient01", "COMPLETED")));
        FakeHttp.Answer reopened = post("OBJECT", payload("enrollments", enrollment("EnFirst0001", "TePatient01", "ACTIVE")));
        assertThat(reopened.json().path("stats").path("updated").asInt()).isEqualTo(1);
        FakeEnrollment first = fake.enrollment("EnFirst0001").orElseThrow();
        assertThat(first.status()).isEqualTo("ACTIVE");
        assertThat(first.completedAt()).isNull();
    }

    /** 2.41.9.1 stores the import time for an enrollment's completion, 2.42.5.2 the date sent; events: the import time. */
    @ParameterizedTest
    @EnumSource(FakeDhis2.Version.class)
    void completionDatesAsTheRecordedServersKeepThem(FakeDhis2.Version version) throws Exception {
        start(version);
        seedPatientWithActiveEnrollment();
        String today = LocalDate.now(ZoneOffset.UTC).toString();
        post("OBJECT", payload("enrollments", enrollment("EnActive001", "TePatient01", "COMPLETED")));
        String enrollmentDate = http.get("/api/tracker/enrollments/EnActive001").json().path("completedAt").asText();
        assertThat(enrollmentDate).startsWith(version == FakeDhis2.Version.V2_41 ? today : "2024-02-01");

        String event = event("EvDone00001", "EnActive001", dv("DeWeightKg1", "60")).replace("'ACTIVE'", "'COMPLETED'")
                .replace("\"ACTIVE\"", "\"COMPLETED\"");
        assertThat(errorCodes(post("OBJECT", payload("events", event)).json())).isEmpty();
        assertThat(http.get("/api/tracker/events/EvDone00001").json().path("completedAt").asText()).startsWith(today);
    }

    @ParameterizedTest
    @EnumSource(FakeDhis2.Version.class)
    void importStrategiesRefuseMissingAndExistingObjects(FakeDhis2.Version version) throws Exception {
        start(version);
        seedPatientWithActiveEnrollment();
        FakeHttp.Answer update = http.post("/api/tracker?async=false&importStrategy=UPDATE&atomicMode=ALL",
                payload("trackedEntities", te("TeMissing01", "NID-7", "MALE")));
        assertThat(update.status()).isEqualTo(409);
        assertThat(errorCodes(update.json())).containsExactly("E1063");
        FakeHttp.Answer create = http.post("/api/tracker?async=false&importStrategy=CREATE&atomicMode=ALL",
                payload("trackedEntities", te("TePatient01", "NID-1", "MALE")));
        assertThat(errorCodes(create.json())).containsExactly("E1002");
    }

    @Test
    void malformedUidIsE1048PerObjectOn241() throws Exception {
        start(FakeDhis2.Version.V2_41);
        FakeHttp.Answer a = post("OBJECT", payload("trackedEntities", te("bad-uid", "NID-8", "MALE"),
                te("TeGood00001", "NID-9", "MALE")));
        assertThat(a.status()).isEqualTo(200);
        assertThat(errorCodes(a.json())).containsExactly("E1048");
        assertThat(fake.trackedEntity("TeGood00001")).isPresent();
    }

    @Test
    void malformedUidFailsTheWholeRequestWith400On242() throws Exception {
        start(FakeDhis2.Version.V2_42);
        FakeHttp.Answer a = post("OBJECT", payload("trackedEntities", te("bad-uid", "NID-8", "MALE"),
                te("TeGood00001", "NID-9", "MALE")));
        assertThat(a.status()).isEqualTo(400);
        assertThat(a.json().path("message").asText()).contains("bad-uid");
        assertThat(fake.trackedEntities()).isEmpty();
    }

    @Test
    void completedAtOnActiveObjectsIsE1051AndE1052On242Only() throws Exception {
        String activeWithCompletedAt = enrollment("EnOdd000001", "TePatient01", "ACTIVE")
                .replaceFirst("}$", ",\"completedAt\":\"2024-01-02\"}");
        String eventWithCompletedAt = event("EvOdd000001", "EnActive001", dv("DeNoteText1", "x"))
                .replaceFirst("}$", ",\"completedAt\":\"2024-01-05\"}");
        start(FakeDhis2.Version.V2_42);
        seedPatientWithActiveEnrollment();
        fake.seedTrackedEntity(FakeTrackedEntity.of("TePatient02", "TetPerson01", "OuVerify001", Map.of()));
        FakeHttp.Answer a = post("OBJECT", "{\"enrollments\":[" + activeWithCompletedAt.replace("TePatient01", "TePatient02")
                + "],\"events\":[" + eventWithCompletedAt + "]}");
        assertThat(errorCodes(a.json())).containsExactly("E1052", "E1051");
        stop();

        start(FakeDhis2.Version.V2_41);
        seedPatientWithActiveEnrollment();
        fake.seedTrackedEntity(FakeTrackedEntity.of("TePatient02", "TetPerson01", "OuVerify001", Map.of()));
        FakeHttp.Answer b = post("OBJECT", "{\"enrollments\":[" + activeWithCompletedAt.replace("TePatient01", "TePatient02")
                + "],\"events\":[" + eventWithCompletedAt + "]}");
        assertThat(errorCodes(b.json())).isEmpty();
        assertThat(b.json().path("stats").path("created").asInt()).isEqualTo(2);
    }

    @Test
    void metadataReferencesAreCheckedWithDhis2Codes() throws Exception {
        start(FakeDhis2.Version.V2_41);
        seedPatientWithActiveEnrollment();
        fake.metadata().addOrgUnit(new Metadata.OrgUnit("OuClosed001", "Closed clinic", null, null))
                .setOrgUnitAccessible("OuClosed001", false);
        String body = "{\"trackedEntities\":["
                + te("TeNoOrg0001", "N1", "MALE").replace("OuVerify001", "OuMissing01") + ","
                + te("TeClosed001", "N2", "MALE").replace("OuVerify001", "OuClosed001") + ","
                + te("TeNoAttr001", "N3", "MALE").replace("TeaFirstNm1", "TeaMissing1") + "],"
                + "\"enrollments\":[" + enrollment("EnNoProg001", "TePatient01", "COMPLETED").replace("PrgVerify01", "PrgMissing1")
                + "],\"events\":["
                + event("EvNoStage01", "EnActive001", "").replace("StgVisit001", "StgMissing1") + ","
                + event("EvNoDe00001", "EnActive001", dv("DeMissing01", "x")) + ","
                + event("EvWeight001", "EnActive001", dv("DeWeightKg1", "heavy")) + ","
                + event("EvOutside01", "EnActive001", dv("DeOutside01", "x")) + "]}";
        fake.metadata().addDataElement(new Metadata.DataElement("DeOutside01", "Outside", null, "TEXT", null));
        FakeHttp.Answer a = post("OBJECT", body);
        assertThat(errorCodes(a.json())).containsExactly("E1049", "E1000", "E1006", "E1069", "E1013", "E1304",
                "E1302", "E1305");
        assertThat(fake.events()).isEmpty();
    }

    @Test
    void writingForATrackedEntityOwnedOutsideTheCaptureScopeIsE1102() throws Exception {
        start(FakeDhis2.Version.V2_42);
        seedPatientWithActiveEnrollment();
        fake.metadata().setOrgUnitAccessible("OuVerify001", false);
        fake.metadata().addOrgUnit(new Metadata.OrgUnit("OuOpen00001", "Open clinic", null, null));
        FakeHttp.Answer a = post("OBJECT", "{\"events\":[" + event("EvOwner0001", "EnActive001", dv("DeNoteText1", "x"))
                .replace("OuVerify001", "OuOpen00001") + "]}");
        assertThat(errorCodes(a.json())).containsExactly("E1102");
        FakeHttp.Answer inClosed = post("OBJECT", payload("trackedEntities", te("TeClosed001", "NID-C", "MALE")));
        assertThat(errorCodes(inClosed.json())).containsExactly("E1000");
    }

    @Test
    void childrenOfARejectedParentAreRejectedWithE5000() throws Exception {
        start(FakeDhis2.Version.V2_41);
        String body = "{\"trackedEntities\":[" + te("TeBadSex001", "N1", "BAD").replaceFirst("}$",
                ",\"enrollments\":[" + enrollment("EnChild0001", "TeBadSex001", "ACTIVE") + "]}") + "]}";
        FakeHttp.Answer a = post("OBJECT", body);
        assertThat(errorCodes(a.json())).containsExactly("E1125", "E5000");
        assertThat(a.json().path("stats").path("ignored").asInt()).isEqualTo(2);
    }

    @Test
    void valueTypesAreChecked() throws Exception {
        start(FakeDhis2.Version.V2_41);
        seedPatientWithActiveEnrollment();
        fake.metadata().addDataElement(new Metadata.DataElement("DeInteger01", "Int", null, "INTEGER", null))
                .addDataElement(new Metadata.DataElement("DeBoolean01", "Bool", null, "BOOLEAN", null))
                .addDataElement(new Metadata.DataElement("DeTrueOnl01", "True", null, "TRUE_ONLY", null))
                .addDataElement(new Metadata.DataElement("DeDate00001", "Date", null, "DATE", null))
                .addProgram(new Metadata.Program("PrgVerify01", "Verify", "TetPerson01", false, true,
                        List.of("TeaFirstNm1", "TeaLastNme1", "TeaSexAttr1", "TeaNatIdNo1"),
                        List.of(new Metadata.ProgramStage("StgVisit001", "Visit", true, List.of("DeWeightKg1",
                                "DeInteger01", "DeBoolean01", "DeTrueOnl01", "DeDate00001"))), List.of("OuVerify001")));
        String bad = String.join(",", dv("DeWeightKg1", "7,5"), dv("DeInteger01", "1.5"), dv("DeBoolean01", "yes"),
                dv("DeTrueOnl01", "false"), dv("DeDate00001", "2024-13-01"));
        String good = String.join(",", dv("DeWeightKg1", "-7.5"), dv("DeInteger01", "15"), dv("DeBoolean01", "false"),
                dv("DeTrueOnl01", "true"), dv("DeDate00001", "2024-12-01"));
        FakeHttp.Answer a = post("OBJECT", payload("events", event("EvBad000001", "EnActive001", bad),
                event("EvGood00001", "EnActive001", good)));
        assertThat(errorCodes(a.json())).containsExactly("E1302", "E1302", "E1302", "E1302", "E1302");
        assertThat(fake.event("EvGood00001")).isPresent();
    }

    @Test
    void validateImportModeWritesNothing() throws Exception {
        start(FakeDhis2.Version.V2_42);
        FakeHttp.Answer a = http.post(SYNC + "&atomicMode=ALL&importMode=VALIDATE",
                payload("trackedEntities", te("TeDryRun001", "NID-1", "MALE")));
        assertThat(a.status()).isEqualTo(200);
        assertThat(a.json().path("status").asText()).isEqualTo("OK");
        assertThat(fake.trackedEntities()).isEmpty();
    }

    @Test
    void asyncImportAnswersAJobWhoseReportHoldsTheResult241() throws Exception {
        start(FakeDhis2.Version.V2_41);
        FakeHttp.Answer job = http.post("/api/tracker?importStrategy=CREATE_AND_UPDATE",
                payload("trackedEntities", te("TeAsync0001", "NID-1", "MALE")));
        assertThat(job.status()).isEqualTo(200);
        assertThat(job.json().path("message").asText()).isEqualTo("Tracker job added");
        String id = job.json().path("response").path("id").asText();
        assertThat(job.json().path("response").path("location").asText()).isEqualTo(fake.baseUrl() + "/api/tracker/jobs/" + id);
        FakeHttp.Answer report = http.get("/api/tracker/jobs/" + id + "/report");
        assertThat(report.status()).isEqualTo(200);
        assertThat(report.json().path("stats").path("created").asInt()).isEqualTo(1);
        assertThat(http.get("/api/tracker/jobs/" + id).json().get(0).path("completed").asBoolean()).isTrue();
    }

    @Test
    void asyncJobLocationOn242LacksApiAndFollowingItRedirectsToNothing() throws Exception {
        start(FakeDhis2.Version.V2_42);
        seedPatientWithActiveEnrollment();
        FakeHttp.Answer job = http.post("/api/tracker?atomicMode=ALL",
                payload("enrollments", enrollment("EnSecond001", "TePatient01", "ACTIVE")));
        String id = job.json().path("response").path("id").asText();
        String location = job.json().path("response").path("location").asText();
        assertThat(location).isEqualTo(fake.baseUrl() + "/tracker/jobs/" + id);
        assertThat(http.get("/tracker/jobs/" + id).status()).isEqualTo(301);
        assertThat(http.get("/tracker/jobs/" + id + "/").status()).isEqualTo(404);
        FakeHttp.Answer report = http.get("/api/tracker/jobs/" + id + "/report");
        assertThat(report.status()).isEqualTo(200);
        assertThat(report.json().path("status").asText()).isEqualTo("ERROR");
        assertThat(errorCodes(report.json())).containsExactly("E1015");
        assertThat(http.get("/api/tracker/jobs/NoSuchJob01/report").status()).isEqualTo(404);
    }
}
