package org.openmrs.module.dhis2sync.dhis2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The tracker API's import reports of real DHIS2 2.41.9.1 and 2.42.5.2, read into per-object verdicts. */
class TrackerImportReportTest {

    @Test
    void nestedCreationReportsEveryObjectCreated() {
        TrackedEntity te = new TrackedEntity("TeNewApi001", "TetPerson01", "OuVerify001", List.of(),
                List.of(new Enrollment("EnNewApi001", null, "PrgVerify01", "OuVerify001", EnrollmentStatus.ACTIVE,
                        LocalDate.of(2024, 4, 1), null, null, List.of(event("EvNewApi001", null)))));
        ImportResult result = read("2.41.9.1", "new-te", SentObject.ofTrackedEntities(List.of(te)), ImportMode.COMMIT);
        assertThat(result.getResults()).extracting(ObjectResult::getOutcome).containsOnly(Outcome.CREATED);
        assertThat(result.total()).isEqualTo(3);
        assertThat(result.resultFor(ObjectType.EVENT, "EvNewApi001")).isNotNull();
    }

    @Test
    void updateReportsUpdated() {
        TrackedEntity te = new TrackedEntity("TeNewApi001", "TetPerson01", "OuVerify001", List.of(),
                List.of(new Enrollment("EnNewApi001", null, "PrgVerify01", "OuVerify001", EnrollmentStatus.ACTIVE,
                        LocalDate.of(2024, 4, 1), null, null, List.of(event("EvNewApi001", null)))));
        ImportResult result = read("2.41.9.1", "new-te-upd-async-report", SentObject.ofTrackedEntities(List.of(te)),
                ImportMode.COMMIT);
        assertThat(result.count(Outcome.UPDATED)).isEqualTo(3);
    }

    @Test
    void http409UnderAtomicAllCarriesE1015ForTheEnrollment() {
        ImportResult result = read("2.41.9.1", "new-en2", SentObject.ofEnrollments(List.of(enrollment("EnNewApi002"))),
                ImportMode.COMMIT);
        ObjectResult verdict = result.resultFor(ObjectType.ENROLLMENT, "EnNewApi002");
        assertThat(verdict.getOutcome()).isEqualTo(Outcome.ERROR);
        assertThat(verdict.getErrorCode()).isEqualTo("E1015");
    }

    @Test
    void http200StatusOkUnderAtomicObjectStillRefusesTheEnrollment() {
        ReferenceReplies.Reply reply = ReferenceReplies.reply("2.42.5.2", "11-tracker-import-second-active-enrollment-E1015");
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().get("status").asText()).isEqualTo("OK");
        ImportResult result = TrackerImportReport.read(reply.jsonReply(),
                SentObject.ofEnrollments(List.of(enrollment("EnNewApi002"))), ImportMode.COMMIT, "test");
        assertThat(result.errors()).extracting(ObjectResult::getUid, ObjectResult::getErrorCode)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("EnNewApi002", "E1015"));
    }

    @Test
    void batchOfThreeWithOneDuplicateIsAttributedByUidNotPosition() {
        List<TrackedEntity> batch = List.of(te("TeBatch0001"), te("TeBatch0002"), te("TeBatch0003"));
        ImportResult result = read("2.42.5.2", "13-tracker-import-batch3-dup-natid-OBJECT",
                SentObject.ofTrackedEntities(batch), ImportMode.COMMIT);
        assertThat(result.resultFor(ObjectType.TRACKED_ENTITY, "TeBatch0001").getOutcome()).isEqualTo(Outcome.CREATED);
        assertThat(result.resultFor(ObjectType.TRACKED_ENTITY, "TeBatch0003").getOutcome()).isEqualTo(Outcome.CREATED);
        ObjectResult dup = result.resultFor(ObjectType.TRACKED_ENTITY, "TeBatch0002");
        assertThat(dup.getOutcome()).isEqualTo(Outcome.ERROR);
        assertThat(dup.getErrorCode()).isEqualTo("E1064");
        assertThat(result.totals()).containsEntry(Outcome.CREATED, 2).containsEntry(Outcome.ERROR, 1);
    }

    @Test
    void sameBatchInAnotherOrderGivesTheSameVerdicts() {
        List<TrackedEntity> batch = List.of(te("TeBatch0003"), te("TeBatch0002"), te("TeBatch0001"));
        ImportResult result = read("2.42.5.2", "13-tracker-import-batch3-dup-natid-OBJECT",
                SentObject.ofTrackedEntities(batch), ImportMode.COMMIT);
        assertThat(result.errors()).extracting(ObjectResult::getUid).containsExactly("TeBatch0002");
    }

    @Test
    void atomicAllRefusalMarksTheInnocentObjectsIgnored() {
        List<TrackedEntity> batch = List.of(te("TeBatch0004"), te("TeBatch0005"), te("TeBatch0006"));
        ImportResult result = read("2.42.5.2", "13b-tracker-import-batch3-dup-natid-ALL",
                SentObject.ofTrackedEntities(batch), ImportMode.COMMIT);
        assertThat(result.resultFor(ObjectType.TRACKED_ENTITY, "TeBatch0005").getOutcome()).isEqualTo(Outcome.ERROR);
        assertThat(result.resultFor(ObjectType.TRACKED_ENTITY, "TeBatch0004").getOutcome()).isEqualTo(Outcome.IGNORED);
        assertThat(result.resultFor(ObjectType.TRACKED_ENTITY, "TeBatch0006").getOutcome()).isEqualTo(Outcome.IGNORED);
    }

    @Test
    void twoErrorsOnOneEventKeepTheFirstCodeAndBothMessages() {
        ImportResult result = read("2.41.9.1", "new-ev-bad", SentObject.ofEvents(List.of(event("EvNewApi002", "EnNewApi001"))),
                ImportMode.COMMIT);
        ObjectResult verdict = result.resultFor(ObjectType.EVENT, "EvNewApi002");
        assertThat(verdict.getErrorCode()).isEqualTo("E1125");
        assertThat(verdict.getMessage()).contains("E1125: ").contains("E1302: ");
    }

    @Test
    void reopenWhileAnotherIsActiveIs200WithE1015OnBothVersions() {
        for (String version : List.of("2.41.9.1", "2.42.5.2")) {
            ReferenceReplies.Reply reply = ReferenceReplies.reply(version, "reopen-tracker-r3-reopen-completed-while-other-active");
            assertThat(reply.status()).isEqualTo(200);
            String uid = reply.json().at("/validationReport/errorReports/0/uid").asText();
            ImportResult result = TrackerImportReport.read(reply.jsonReply(),
                    SentObject.ofEnrollments(List.of(enrollment(uid))), ImportMode.COMMIT, "test");
            assertThat(result.resultFor(ObjectType.ENROLLMENT, uid).getErrorCode()).as(version).isEqualTo("E1015");
        }
    }

    @Test
    void asyncJobReferenceIsNotAnImportReport() {
        ReferenceReplies.Reply reply = ReferenceReplies.reply("2.42.5.2", "16a-tracker-import-async-default");
        assertThatThrownBy(() -> TrackerImportReport.read(reply.jsonReply(), SentObject.ofTrackedEntities(List.of(te("TeBatch0001"))),
                ImportMode.COMMIT, "test"))
                .isInstanceOf(Dhis2UnavailableException.class)
                .extracting(e -> ((Dhis2UnavailableException) e).getReason())
                .isEqualTo(Dhis2UnavailableException.Reason.MALFORMED_REPLY);
    }

    @Test
    void validateModeReportsObjectsWithoutErrorsAsAccepted() {
        Dhis2Http.JsonReply reply = new Dhis2Http.JsonReply(200, ReferenceReplies.reply("2.42.5.2",
                "11-tracker-import-second-active-enrollment-E1015").json().deepCopy());
        ((com.fasterxml.jackson.databind.node.ObjectNode) reply.body).remove("bundleReport");
        ImportResult result = TrackerImportReport.read(reply,
                SentObject.ofEnrollments(List.of(enrollment("EnNewApi002"), enrollment("EnNewApi003"))), ImportMode.VALIDATE, "test");
        assertThat(result.resultFor(ObjectType.ENROLLMENT, "EnNewApi003").getOutcome()).isEqualTo(Outcome.ACCEPTED);
        assertThat(result.resultFor(ObjectType.ENROLLMENT, "EnNewApi002").getOutcome()).isEqualTo(Outcome.ERROR);
    }

    /** dhis2-core 2.41/2.42 check a new event's org unit twice and report E1000 twice: one verdict, said once. */
    @Test
    void theSameErrorReportedTwiceIsOneVerdictWithOneMessage() throws Exception {
        String error = "{\"message\":\"User: `admin`, has no write access to OrganisationUnit: `OuClosed001`.\","
                + "\"errorCode\":\"E1000\",\"trackerType\":\"EVENT\",\"uid\":\"EvClosed001\"}";
        Dhis2Http.JsonReply reply = new Dhis2Http.JsonReply(200, new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree("{\"status\":\"OK\",\"validationReport\":{\"errorReports\":[" + error + "," + error
                        + "]},\"stats\":{\"ignored\":1},\"bundleReport\":{\"typeReportMap\":{}}}"));
        ImportResult result = TrackerImportReport.read(reply, SentObject.ofEvents(List.of(event("EvClosed001",
                "EnNewApi001"))), ImportMode.VALIDATE, "test");
        assertThat(result.getResults()).hasSize(1);
        assertThat(result.getResults().get(0).getMessage())
                .isEqualTo("E1000: User: `admin`, has no write access to OrganisationUnit: `OuClosed001`.");
    }

    private static ImportResult read(String version, String name, List<SentObject> sent, ImportMode mode) {
        return TrackerImportReport.read(ReferenceReplies.reply(version, name).jsonReply(), sent, mode, "test");
    }

    private static TrackedEntity te(String uid) {
        return new TrackedEntity(uid, "TetPerson01", "OuVerify001", List.of(new AttributeValue("TeaNatIdNo1", uid)), List.of());
    }

    private static Enrollment enrollment(String uid) {
        return new Enrollment(uid, "TeNewApi001", "PrgVerify01", "OuVerify001", EnrollmentStatus.ACTIVE,
                LocalDate.of(2024, 5, 1), LocalDate.of(2024, 5, 1), null, List.of());
    }

    private static Event event(String uid, String enrollmentUid) {
        return new Event(uid, enrollmentUid, null, "PrgVerify01", "StgVisit001", "OuVerify001", EventStatus.ACTIVE,
                LocalDate.of(2024, 4, 10), List.of(new DataValue("DeResultOs1", "MAYBE")));
    }
}
