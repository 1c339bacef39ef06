package org.openmrs.module.dhis2sync.dhis2;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The deprecated API's import replies of a real DHIS2 2.41.9.1, read into per-object verdicts. */
class LegacyImportReportTest {

    private static final String V41 = "2.41.9.1";

    @Test
    void createdTrackedEntityIsFoundByItsReference() {
        ImportResult result = read("depr-tei", tei("TeiDepr0001"));
        assertThat(result.resultFor(ObjectType.TRACKED_ENTITY, "TeiDepr0001").getOutcome()).isEqualTo(Outcome.CREATED);
        assertThat(result.errors()).isEmpty();
    }

    @Test
    void enrollmentCreatedWithHttp201() {
        ReferenceReplies.Reply reply = ReferenceReplies.reply(V41, "depr-enr");
        assertThat(reply.status()).isEqualTo(201);
        ImportResult result = LegacyImportReport.read(reply.json(), SentObject.ofEnrollments(List.of(enrollment("EnrDepr0001")))).result;
        assertThat(result.resultFor(ObjectType.ENROLLMENT, "EnrDepr0001").getOutcome()).isEqualTo(Outcome.CREATED);
    }

    @Test
    void eventUpdateIsUpdated() {
        ImportResult result = LegacyImportReport.read(ReferenceReplies.reply(V41, "depr-evt-upd").json(),
                SentObject.ofEvents(List.of(event("EvtDepr0001")))).result;
        assertThat(result.resultFor(ObjectType.EVENT, "EvtDepr0001").getOutcome()).isEqualTo(Outcome.UPDATED);
    }

    @Test
    void http409WithConflictsIsAPerObjectError() {
        ReferenceReplies.Reply reply = ReferenceReplies.reply(V41, "depr-tei-dup");
        assertThat(reply.status()).isEqualTo(409);
        ImportResult result = read("depr-tei-dup", tei("TeiDepr0009"));
        ObjectResult verdict = result.resultFor(ObjectType.TRACKED_ENTITY, "TeiDepr0009");
        assertThat(verdict.getOutcome()).isEqualTo(Outcome.ERROR);
        assertThat(verdict.getMessage()).startsWith("Attribute.value: ").contains("TeaNatIdNo1");
        assertThat(result.errors()).containsExactly(verdict);
    }

    @Test
    void http200WithAnErrorOnlyInANestedEnrollment() {
        ReferenceReplies.Reply reply = ReferenceReplies.reply(V41, "depr-tei-enr2");
        assertThat(reply.status()).isEqualTo(200);
        TrackedEntity te = new TrackedEntity("TeiDepr0001", "TetPerson01", "OuVerify001", List.of(),
                List.of(enrollment("EnrDepr0003")));
        ImportResult result = LegacyImportReport.read(reply.json(), SentObject.ofTrackedEntities(List.of(te))).result;
        assertThat(result.resultFor(ObjectType.TRACKED_ENTITY, "TeiDepr0001").getOutcome()).isEqualTo(Outcome.UPDATED);
        ObjectResult enrollment = result.resultFor(ObjectType.ENROLLMENT, "EnrDepr0003");
        assertThat(enrollment.getOutcome()).isEqualTo(Outcome.ERROR);
        assertThat(enrollment.getMessage()).contains("active enrollment");
    }

    @Test
    void http201WithTopStatusErrorIsAnError() {
        ImportResult result = LegacyImportReport.read(ReferenceReplies.reply(V41, "depr-enr2").json(),
                SentObject.ofEnrollments(List.of(enrollment("EnrDepr0002")))).result;
        assertThat(result.resultFor(ObjectType.ENROLLMENT, "EnrDepr0002").getOutcome()).isEqualTo(Outcome.ERROR);
    }

    @Test
    void summaryWithoutReferenceBelongsToTheOnlyObjectSent() {
        LegacyImportReport.Reading reading = LegacyImportReport.read(ReferenceReplies.reply(V41, "depr-enr2b").json(),
                SentObject.ofEnrollments(List.of(enrollment("EnrDepr0002"))));
        assertThat(reading.attributable()).isTrue();
        assertThat(reading.result.resultFor(ObjectType.ENROLLMENT, "EnrDepr0002").getOutcome()).isEqualTo(Outcome.ERROR);
    }

    @Test
    void summaryWithoutReferenceAmongSeveralCannotBeAttributed() {
        LegacyImportReport.Reading reading = LegacyImportReport.read(ReferenceReplies.reply(V41, "depr-enr2b").json(),
                SentObject.ofEnrollments(List.of(enrollment("EnrDepr0002"), enrollment("EnrDepr0004"))));
        assertThat(reading.attributable()).isFalse();
    }

    @Test
    void invalidOptionCodeIs409WithConflictOnTheDataElement() {
        ImportResult result = LegacyImportReport.read(ReferenceReplies.reply(V41, "depr-evt-bad").json(),
                SentObject.ofEvents(List.of(event("EvtDepr0002")))).result;
        ObjectResult verdict = result.resultFor(ObjectType.EVENT, "EvtDepr0002");
        assertThat(verdict.getOutcome()).isEqualTo(Outcome.ERROR);
        assertThat(verdict.getMessage()).startsWith("DeResultOs1: ");
    }

    @Test
    void bare409WithoutSummariesCannotBeAttributed() {
        ReferenceReplies.Reply reply = ReferenceReplies.reply(V41, "reopen-depr-r4-reopen-completed-while-other-active");
        assertThat(reply.status()).isEqualTo(409);
        LegacyImportReport.Reading reading = LegacyImportReport.read(reply.json(),
                SentObject.ofEnrollments(List.of(enrollment("FzrAIkFQ0sl"))));
        assertThat(reading.attributable()).isFalse();
        assertThat(reading.unattributableMessage).isEqualTo("Program has another active enrollment going on. Not possible to incomplete");
    }

    @Test
    void objectsDhis2DidNotReportOnAreIgnoredNotLost() {
        ImportResult result = read("depr-tei", tei("TeiDepr0001"), tei("TeiDepr0002"));
        assertThat(result.resultFor(ObjectType.TRACKED_ENTITY, "TeiDepr0002").getOutcome()).isEqualTo(Outcome.IGNORED);
        assertThat(result.total()).isEqualTo(2);
    }

    private static ImportResult read(String name, TrackedEntity... entities) {
        return LegacyImportReport.read(ReferenceReplies.reply(V41, name).json(), SentObject.ofTrackedEntities(List.of(entities))).result;
    }

    static TrackedEntity tei(String uid) {
        return new TrackedEntity(uid, "TetPerson01", "OuVerify001", List.of(new AttributeValue("TeaFirstNm1", "Ada")), List.of());
    }

    static Enrollment enrollment(String uid) {
        return new Enrollment(uid, "TeiDepr0001", "PrgVerify01", "OuVerify001", EnrollmentStatus.ACTIVE,
                LocalDate.of(2024, 1, 10), LocalDate.of(2024, 1, 9), null, List.of());
    }

    static Event event(String uid) {
        return new Event(uid, "EnrDepr0001", "TeiDepr0001", "PrgVerify01", "StgVisit001", "OuVerify001", EventStatus.COMPLETED,
                LocalDate.of(2024, 1, 11), List.of(new DataValue("DeResultOs1", "NEGATIVE")));
    }
}
