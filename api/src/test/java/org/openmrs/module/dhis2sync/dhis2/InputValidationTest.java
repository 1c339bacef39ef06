package org.openmrs.module.dhis2sync.dhis2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Bad input is refused before anything is sent, with the field named. */
class InputValidationTest {

    @Test
    void connectionHidesSecretsAndNormalisesTheUrl() {
        Dhis2Connection basic = Dhis2Connection.withPassword("https://dhis2.example.org/api/", "admin", "s3cret-Pw");
        assertThat(basic.getUrl()).isEqualTo("https://dhis2.example.org");
        assertThat(basic.toString()).doesNotContain("s3cret-Pw").contains("admin");
        Dhis2Connection token = Dhis2Connection.withToken("http://localhost:8080/dhis", "d2p_secretTokenValue");
        assertThat(token.toString()).doesNotContain("d2p_secretTokenValue");
        assertThat(token.usesToken()).isTrue();
        assertThat(token.getReadTimeout()).isEqualTo(Duration.ofSeconds(60));
    }

    @Test
    void connectionRefusesBadSettings() {
        assertThatThrownBy(() -> Dhis2Connection.withPassword("", "admin", "x")).hasMessageStartingWith("url");
        assertThatThrownBy(() -> Dhis2Connection.withPassword("ftp://x", "admin", "x")).hasMessageStartingWith("url");
        assertThatThrownBy(() -> Dhis2Connection.withPassword("https://admin:pw@x.org", "admin", "x"))
                .hasMessageStartingWith("url").hasMessageNotContaining("pw@");
        assertThatThrownBy(() -> Dhis2Connection.withPassword("https://x.org", "admin", "")).hasMessageStartingWith("password");
        assertThatThrownBy(() -> Dhis2Connection.withPassword("https://x.org", null, null)).hasMessageStartingWith("username");
        assertThatThrownBy(() -> Dhis2Connection.withToken("https://x.org", "t").withRetries(-1, Duration.ZERO))
                .hasMessageStartingWith("maxRetries");
        assertThatThrownBy(() -> Dhis2Connection.withToken("https://x.org", "t").withTimeouts(Duration.ZERO, null))
                .hasMessageStartingWith("connectTimeout");
        assertThatThrownBy(() -> ApiChoice.parse("newest")).hasMessageStartingWith("api setting");
        assertThat(ApiChoice.parse(" Tracker ")).isEqualTo(ApiChoice.TRACKER);
        assertThat(ApiChoice.parse(null)).isEqualTo(ApiChoice.AUTO);
    }

    @Test
    void importObjectsNeedValidUidsAndRequiredFields() {
        TrackedEntity badUid = new TrackedEntity("bad-uid", "TetPerson01", "OuVerify001", List.of(), List.of());
        assertThatThrownBy(() -> SentObject.ofTrackedEntities(List.of(badUid))).hasMessageStartingWith("trackedEntities[0].uid 'bad-uid'");
        Enrollment noDate = new Enrollment("EnNewApi001", "TeNewApi001", "PrgVerify01", "OuVerify001", EnrollmentStatus.ACTIVE,
                null, null, null, List.of());
        TrackedEntity nested = new TrackedEntity("TeNewApi001", "TetPerson01", "OuVerify001", List.of(), List.of(noDate));
        assertThatThrownBy(() -> SentObject.ofTrackedEntities(List.of(nested)))
                .hasMessage("trackedEntities[0].enrollments[0].enrolledAt is required");
        Enrollment orphan = new Enrollment("EnNewApi001", null, "PrgVerify01", "OuVerify001", EnrollmentStatus.ACTIVE,
                LocalDate.now(), null, null, List.of());
        assertThatThrownBy(() -> SentObject.ofEnrollments(List.of(orphan))).hasMessageStartingWith("enrollments[0].trackedEntityUid");
        Event noStage = new Event("EvNewApi001", "EnNewApi001", null, "PrgVerify01", null, "OuVerify001", EventStatus.ACTIVE,
                LocalDate.now(), List.of());
        assertThatThrownBy(() -> SentObject.ofEvents(List.of(noStage))).hasMessageStartingWith("events[0].programStageUid");
    }

    @Test
    void aUidTwiceInOneImportIsRefused() {
        TrackedEntity te = new TrackedEntity("TeNewApi001", "TetPerson01", "OuVerify001", List.of(), List.of());
        assertThatThrownBy(() -> SentObject.ofTrackedEntities(List.of(te, te)))
                .hasMessageStartingWith("trackedEntities[1].uid 'TeNewApi001' appears twice");
    }

    @Test
    void filtersAndQueriesCheckTheirFields() {
        assertThatThrownBy(() -> AttributeFilter.in("TeaNatIdNo1", List.of())).hasMessageContaining("values must not be empty");
        assertThatThrownBy(() -> AttributeFilter.eq("TeaNatIdNo1", "a;b")).hasMessageContaining("';'");
        assertThatThrownBy(() -> AttributeFilter.eq("nope", "x")).hasMessageStartingWith("filter attributeUid");
        assertThatThrownBy(() -> TrackedEntityQuery.inProgram("PrgVerify01").withScope(null, OrgUnitMode.SELECTED))
                .hasMessageStartingWith("orgUnit");
        assertThatThrownBy(() -> TrackedEntityQuery.inProgram("PrgVerify01").withScope("OuVerify001", OrgUnitMode.ACCESSIBLE))
                .hasMessageStartingWith("orgUnit must be empty");
        assertThatThrownBy(() -> TrackedEntityQuery.inProgram("PrgVerify01").withFilters(
                AttributeFilter.in("TeaNatIdNo1", List.of("a")), AttributeFilter.in("TeaFirstNm1", List.of("b"))))
                .hasMessageStartingWith("filters: at most one IN filter");
        assertThat(AttributeFilter.in("TeaNatIdNo1", List.of("a", "b", "a")).toTrackerQueryValue()).isEqualTo("TeaNatIdNo1:in:a;b");
        assertThat(AttributeFilter.eq("TeaNatIdNo1", "x").toDeprecatedQueryValue()).isEqualTo("TeaNatIdNo1:EQ:x");
    }

    @Test
    void longInListsAreSplitIntoParts() {
        List<String> values = new ArrayList<>();
        for (int i = 0; i < 250; i++) {
            values.add("NID-" + i);
        }
        TrackedEntityQuery query = TrackedEntityQuery.inProgram("PrgVerify01")
                .withFilters(AttributeFilter.in("TeaNatIdNo1", values), AttributeFilter.eq("TeaSexAttr1", "MALE"));
        List<TrackedEntityQuery> parts = query.splitInFilter();
        assertThat(parts).hasSize(3);
        assertThat(parts.get(2).getFilters().get(0).getValues()).hasSize(50).startsWith("NID-200");
        assertThat(parts.get(0).getFilters().get(1)).isEqualTo(AttributeFilter.eq("TeaSexAttr1", "MALE"));
    }

    @Test
    void importResultLooksUpByTypeAndUid() {
        ImportResult result = new ImportResult(List.of(
                new ObjectResult(ObjectType.TRACKED_ENTITY, "TeNewApi001", Outcome.CREATED, null, null),
                new ObjectResult(ObjectType.ENROLLMENT, "TeNewApi001", Outcome.ERROR, "E1015", "m")));
        assertThat(result.resultFor(ObjectType.TRACKED_ENTITY, "TeNewApi001").isSuccess()).isTrue();
        assertThat(result.resultFor(ObjectType.ENROLLMENT, "TeNewApi001").getErrorCode()).isEqualTo("E1015");
        assertThat(result.resultFor(ObjectType.EVENT, "TeNewApi001")).isNull();
        assertThat(result.errors()).hasSize(1);
        assertThat(result.totals()).containsEntry(Outcome.CREATED, 1).containsEntry(Outcome.UPDATED, 0);
    }

    @Test
    void retryBackoffDoublesAndIsBounded() {
        Dhis2RetryStrategy strategy = new Dhis2RetryStrategy(3, Duration.ofMillis(100));
        assertThat(strategy.backoff(1).toMilliseconds()).isEqualTo(100);
        assertThat(strategy.backoff(2).toMilliseconds()).isEqualTo(200);
        assertThat(strategy.backoff(3).toMilliseconds()).isEqualTo(400);
        assertThat(strategy.backoff(40).toMilliseconds()).isEqualTo(60_000);
    }
}
