package org.openmrs.module.dhis2sync.dhis2;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Each generation writes what the captured requests sent to a real DHIS2, and reads what it answered. */
class GenerationJsonTest {

    @Test
    void trackerPayloadIsTheCapturedNestedImport() {
        JsonNode captured = ReferenceReplies.requestBody("2.41.9.1", "new-te");
        TrackedEntity te = GenerationJson.TRACKER.readTrackedEntity(captured.get("trackedEntities").get(0));
        ObjectNode written = GenerationJson.TRACKER.trackedEntities(List.of(te));
        // the model has no completedAt on events: DHIS2 sets it when an event is completed
        ObjectNode expected = captured.deepCopy();
        ((ObjectNode) expected.at("/trackedEntities/0/enrollments/0/events/0")).remove("completedAt");
        // nested objects name their parents: DHIS2 accepts both
        ((ObjectNode) written.at("/trackedEntities/0/enrollments/0")).remove("trackedEntity");
        ((ObjectNode) written.at("/trackedEntities/0/enrollments/0/events/0")).remove("enrollment");
        assertThat(written).isEqualTo(expected);
    }

    @Test
    void legacyPayloadIsTheCapturedOne() {
        JsonNode captured = ReferenceReplies.requestBody("2.41.9.1", "reopen-depr-r1-create-tei");
        TrackedEntity te = GenerationJson.LEGACY.readTrackedEntity(captured.get("trackedEntityInstances").get(0));
        assertThat(GenerationJson.LEGACY.trackedEntities(List.of(te))).isEqualTo(captured);

        JsonNode enrollments = ReferenceReplies.requestBody("2.41.9.1", "reopen-depr-r4-reopen-completed-while-other-active");
        Enrollment enrollment = GenerationJson.LEGACY.readEnrollment(enrollments.get("enrollments").get(0), null);
        assertThat(GenerationJson.LEGACY.enrollments(List.of(enrollment))).isEqualTo(enrollments);
    }

    @Test
    void legacyEventUsesEventDate() {
        JsonNode captured = ReferenceReplies.requestBody("2.41.9.1", "depr-evt");
        Event event = GenerationJson.LEGACY.readEvent(captured, null, null);
        ObjectNode written = GenerationJson.LEGACY.event(event, event.getEnrollmentUid(), event.getTrackedEntityUid());
        ObjectNode expected = captured.deepCopy();
        expected.remove("completedDate");
        assertThat(written).isEqualTo(expected);
    }

    @Test
    void completedAtIsSentOnlyForCompletedEnrollments() {
        Enrollment active = new Enrollment("EnNewApi001", "TeNewApi001", "PrgVerify01", "OuVerify001",
                EnrollmentStatus.ACTIVE, LocalDate.of(2024, 4, 1), null, LocalDate.of(2024, 5, 1), List.of());
        Enrollment completed = new Enrollment("EnNewApi002", "TeNewApi001", "PrgVerify01", "OuVerify001",
                EnrollmentStatus.COMPLETED, LocalDate.of(2024, 4, 1), null, LocalDate.of(2024, 5, 1), List.of());
        assertThat(GenerationJson.TRACKER.enrollment(active, "TeNewApi001").has("completedAt")).isFalse();
        assertThat(GenerationJson.TRACKER.enrollment(completed, "TeNewApi001").get("completedAt").asText()).isEqualTo("2024-05-01");
        assertThat(GenerationJson.LEGACY.enrollment(completed, "TeNewApi001").get("completedDate").asText()).isEqualTo("2024-05-01");
        assertThat(GenerationJson.TRACKER.enrollment(active, "TeNewApi001").get("occurredAt").asText()).isEqualTo("2024-04-01");
    }

    @Test
    void readsTheDeprecatedSearchReply() {
        JsonNode reply = ReferenceReplies.reply("2.41.9.1", "depr-search").json();
        TrackedEntity te = GenerationJson.LEGACY.readTrackedEntity(reply.get("trackedEntityInstances").get(0));
        assertThat(te.getUid()).isEqualTo("TeiDepr0001");
        assertThat(te.getOrgUnit()).isEqualTo("OuVerify001");
        assertThat(te.getAttributes()).contains(new AttributeValue("TeaNatIdNo1", "NID-DEPR-0001"));
        Enrollment enrollment = te.getEnrollments().get(0);
        assertThat(enrollment.getStatus()).isEqualTo(EnrollmentStatus.ACTIVE);
        assertThat(enrollment.getTrackedEntityUid()).isEqualTo("TeiDepr0001");
        assertThat(enrollment.getEvents().get(0).getStatus()).isEqualTo(EventStatus.COMPLETED);
    }

    @Test
    void readsDatesAndDateTimesOfBothGenerations() {
        Enrollment legacy = GenerationJson.LEGACY.readEnrollment(ReferenceReplies.reply("2.41.9.1", "depr-get-enr").json(), null);
        assertThat(legacy.getEnrolledAt()).isEqualTo(LocalDate.of(2024, 1, 10));
        assertThat(legacy.getOccurredAt()).isEqualTo(LocalDate.of(2024, 1, 9));
        Event legacyEvent = GenerationJson.LEGACY.readEvent(ReferenceReplies.reply("2.41.9.1", "depr-get-evt").json(), null, null);
        assertThat(legacyEvent.getOccurredAt()).isEqualTo(LocalDate.of(2024, 1, 11));
        assertThat(legacyEvent.getDataValues()).hasSize(3);

        Enrollment tracker = GenerationJson.TRACKER.readEnrollment(ReferenceReplies.reply("2.41.9.1", "new-get-en").json(), null);
        assertThat(tracker.getEnrolledAt()).isEqualTo(LocalDate.of(2024, 4, 1));
        assertThat(tracker.getOccurredAt()).isEqualTo(LocalDate.of(2024, 3, 30));
        assertThat(tracker.getTrackedEntityUid()).isEqualTo("TeNewApi001");
        Event trackerEvent = GenerationJson.TRACKER.readEvent(ReferenceReplies.reply("2.41.9.1", "new-get-ev").json(), null, null);
        assertThat(trackerEvent.getOccurredAt()).isEqualTo(LocalDate.of(2024, 4, 2));
        assertThat(trackerEvent.getProgramStageUid()).isEqualTo("StgVisit001");

        ObjectNode zoned = new com.fasterxml.jackson.databind.ObjectMapper().createObjectNode().put("occurredAt", "2024-04-12T00:00:00Z");
        assertThat(Json.date(zoned, "occurredAt")).isEqualTo(LocalDate.of(2024, 4, 12));
    }

    @Test
    void readsTrackerSearchRepliesOfBothVersions() {
        JsonNode v41 = ReferenceReplies.reply("2.41.9.1", "new-search").json();
        TrackedEntity te = GenerationJson.TRACKER.readTrackedEntity(v41.get("trackedEntities").get(0));
        assertThat(te.getUid()).isEqualTo("TeNewApi001");
        assertThat(te.getEnrollments().get(0).getEvents().get(0).getDataValues()).hasSize(3);

        JsonNode v42 = ReferenceReplies.reply("2.42.5.2", "20-get-trackedEntities-filter-in").json();
        assertThat(Json.listOf(v42, "trackedEntities", "test")).extracting(n -> GenerationJson.TRACKER.readTrackedEntity(n).getUid())
                .containsExactly("TeBatch0003", "TeBatch0001", "TeNewApi001");
    }

    @Test
    void pagingIsReadInsideThePagerAndAtTheTop() {
        JsonNode v42 = ReferenceReplies.reply("2.42.5.2", "20b-get-trackedEntities-program-totalPages").json();
        assertThat(PagedReads.total(v42)).isEqualTo(1);
        assertThat(PagedReads.pageCount(v42)).isEqualTo(1);
        assertThat(PagedReads.hasNext(v42, 1, 2, 1)).isFalse();

        ObjectNode topOnly = ReferenceReplies.reply("2.41.9.1", "compare-20b-get-trackedEntities-program-totalPages").json().deepCopy();
        topOnly.remove("pager");
        assertThat(PagedReads.pageCount(topOnly)).isEqualTo(1);

        JsonNode noCount = ReferenceReplies.reply("2.42.5.2", "20g-get-trackedEntities-page2-pageSize1").json();
        assertThat(PagedReads.pageCount(noCount)).isNull();
        assertThat(PagedReads.hasNext(noCount, 2, 1, 1)).isTrue();
        assertThat(PagedReads.hasNext(noCount, 2, 1, 0)).isFalse();
    }

    @Test
    void systemInfoOfBothVersionsChoosesTheGeneration() {
        JsonNode v41 = ReferenceReplies.reply("2.41.9.1", "compare-01-system-info").json();
        SystemInfo info41 = SystemInfo.of(v41.get("version").asText(), v41.get("revision").asText());
        assertThat(info41.getMajor()).isEqualTo(2);
        assertThat(info41.getMinor()).isEqualTo(41);
        assertThat(info41.getRevision()).isEqualTo("7a50918");
        assertThat(Dhis2Clients.generationFor(info41)).isEqualTo(ApiGeneration.TRACKER);

        JsonNode v42 = ReferenceReplies.reply("2.42.5.2", "01-system-info").json();
        assertThat(Dhis2Clients.generationFor(SystemInfo.of(v42.get("version").asText(), null))).isEqualTo(ApiGeneration.TRACKER);
        assertThat(Dhis2Clients.generationFor(SystemInfo.of("2.40.3", null))).isEqualTo(ApiGeneration.LEGACY);
        assertThat(Dhis2Clients.generationFor(SystemInfo.of("2.30", null))).isEqualTo(ApiGeneration.LEGACY);
        assertThat(Dhis2Clients.generationFor(SystemInfo.of("2.43-SNAPSHOT", null))).isEqualTo(ApiGeneration.TRACKER);
    }

    @Test
    void readsProgramMetadataFromTheCapturedMetadataShapes() {
        JsonNode metadata = ReferenceReplies.file("2.41.9.1", "metadata-request.json");
        JsonNode optionSet = metadata.get("optionSets").get(1);
        assertThat(MetadataJson.optionSet(optionSet).getUid()).isEqualTo("OsResult001");
        JsonNode attribute = metadata.get("trackedEntityAttributes").get(3);
        AttributeInfo info = MetadataJson.attribute(attribute, true);
        assertThat(info.getUid()).isEqualTo("TeaNatIdNo1");
        assertThat(info.isUnique()).isTrue();
        assertThat(info.isMandatory()).isTrue();
        AttributeInfo sex = MetadataJson.attribute(metadata.get("trackedEntityAttributes").get(2), false);
        assertThat(sex.getOptionSetUid()).isEqualTo("OsSexOpts01");
    }
}
