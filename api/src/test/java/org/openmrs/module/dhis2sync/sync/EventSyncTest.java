package org.openmrs.module.dhis2sync.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openmrs.module.dhis2sync.sync.SyncHarness.enrollment;
import static org.openmrs.module.dhis2sync.sync.SyncHarness.note;
import static org.openmrs.module.dhis2sync.sync.SyncHarness.patient;
import static org.openmrs.module.dhis2sync.sync.SyncHarness.result;
import static org.openmrs.module.dhis2sync.sync.SyncHarness.visit;
import static org.openmrs.module.dhis2sync.sync.SyncHarness.weight;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.openmrs.module.dhis2sync.dhis2.ApiChoice;
import org.openmrs.module.dhis2sync.dhis2.fake.FakeDhis2;
import org.openmrs.module.dhis2sync.dhis2.fake.FakeEnrollment;
import org.openmrs.module.dhis2sync.dhis2.fake.FakeEvent;
import org.openmrs.module.dhis2sync.tracking.EventTracker;
import org.openmrs.module.dhis2sync.tracking.FailedRecord;
import org.openmrs.module.dhis2sync.tracking.FailureKey;
import org.openmrs.module.dhis2sync.tracking.SyncCategory;
import org.openmrs.module.dhis2sync.tracking.SyncLog;
import org.openmrs.module.dhis2sync.tracking.SyncStatus;

/** Steps 2–6 with events: encounters and their obs into DHIS2 events, on both API generations. */
class EventSyncTest {

    private SyncHarness harness;

    static Stream<Arguments> apis() {
        return Stream.of(Arguments.of("2.41, deprecated API", FakeDhis2.Version.V2_41, ApiChoice.LEGACY),
                Arguments.of("2.42, tracker API", FakeDhis2.Version.V2_42, ApiChoice.AUTO));
    }

    @AfterEach
    void stop() {
        if (harness != null) {
            harness.close();
        }
    }

    private void startWithJane(FakeDhis2.Version version, ApiChoice api, String completed) {
        harness = SyncHarness.start(version, api);
        harness.openmrs.putPatient(patient("p-1", "NAT-001", "Jane", "F"));
        harness.openmrs.putEnrollment(enrollment("pp-1", "p-1", "2025-01-10", completed));
    }

    private FakeEvent eventOf(String encounterUuid) {
        List<EventTracker> trackers = harness.store.eventTrackers(List.of(encounterUuid));
        assertThat(trackers).as("event tracker of " + encounterUuid).hasSize(1);
        return harness.dhis2.event(trackers.get(0).getEventUid()).orElseThrow();
    }

    private SyncLog log(RunState run) {
        return harness.db.inTransaction(() -> harness.db.syncLogDao().findByRunId(run.getRunId()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("apis")
    void encountersBecomeCompletedEventsOfTheirEnrollmentAndARerunCreatesNothing(String name,
            FakeDhis2.Version version, ApiChoice api) {
        startWithJane(version, api, null);
        harness.openmrs.putEncounter(visit("enc-1", "p-1", "2025-02-01", weight("62.5"), note("first visit"),
                result(SyncHarness.POSITIVE, "Positive")));
        harness.openmrs.putEncounter(visit("enc-2", "p-1", "2025-03-01", weight("61")));

        RunState first = harness.sync();

        assertThat(first.getStatus()).as(String.valueOf(first.getStatusInfo())).isEqualTo(SyncStatus.SUCCESS);
        FakeEnrollment enrollment = harness.dhis2.enrollments().get(0);
        assertThat(enrollment.status()).isEqualTo("ACTIVE");
        FakeEvent visit1 = eventOf("enc-1");
        assertThat(visit1.status()).isEqualTo("COMPLETED");
        assertThat(visit1.enrollment()).isEqualTo(enrollment.uid());
        assertThat(visit1.programStage()).isEqualTo(SyncHarness.STAGE);
        assertThat(visit1.orgUnit()).isEqualTo(SyncHarness.ORG_UNIT);
        assertThat(visit1.occurredAt().toLocalDate()).isEqualTo(java.time.LocalDate.of(2025, 2, 1));
        assertThat(visit1.dataValues()).containsEntry("DeWeightKg1", "62.5")
                .containsEntry("DeNoteText1", "first visit").containsEntry("DeResultOs1", "POSITIVE");
        assertThat(eventOf("enc-2").dataValues()).containsEntry("DeWeightKg1", "61");
        assertThat(log(first).getEventsCreated()).isEqualTo(2);
        assertThat(log(first).getEnrollmentsCreated()).isEqualTo(1);

        RunState rerun = harness.sync();

        assertThat(harness.dhis2.trackedEntities()).hasSize(1);
        assertThat(harness.dhis2.enrollments()).hasSize(1);
        assertThat(harness.dhis2.events()).hasSize(2);
        SyncLog again = log(rerun);
        assertThat(again.getPatientsCreated() + again.getEnrollmentsCreated() + again.getEventsCreated()).isZero();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("apis")
    void anEncounterEditedAfterItWasSyncedUpdatesItsEventAndAVoidedObsDisappears(String name,
            FakeDhis2.Version version, ApiChoice api) {
        startWithJane(version, api, null);
        harness.openmrs.putEncounter(visit("enc-1", "p-1", "2025-02-01", weight("62.5"), note("to be voided")));
        harness.sync();
        String eventUid = eventOf("enc-1").uid();

        // the weight is corrected and the note voided: the encounter now holds only the new weight
        harness.openmrs.putEncounter(visit("enc-1", "p-1", "2025-02-01", weight("63")));
        RunState edit = harness.sync();

        assertThat(harness.dhis2.events()).hasSize(1);
        FakeEvent event = eventOf("enc-1");
        assertThat(event.uid()).isEqualTo(eventUid);
        assertThat(event.dataValues()).containsEntry("DeWeightKg1", "63").doesNotContainKey("DeNoteText1");
        assertThat(log(edit).getEventsUpdated()).isEqualTo(1);
        assertThat(log(edit).getEventsCreated()).isZero();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("apis")
    void anObsWithAnUnmappedCodedAnswerFailsOnlyThatEvent(String name, FakeDhis2.Version version, ApiChoice api) {
        startWithJane(version, api, null);
        harness.openmrs.putEncounter(visit("enc-ok", "p-1", "2025-02-01", weight("60")));
        harness.openmrs.putEncounter(visit("enc-odd", "p-1", "2025-02-15",
                result(SyncHarness.INDETERMINATE, "Indeterminate")));

        RunState run = harness.sync();

        assertThat(run.getStatus()).isEqualTo(SyncStatus.PARTIAL);
        assertThat(eventOf("enc-ok").dataValues()).containsEntry("DeWeightKg1", "60");
        assertThat(harness.dhis2.events()).hasSize(1);
        FailedRecord failure = harness.db.inTransaction(
                () -> harness.db.failedRecordDao().find(harness.mappingUuid,
                        FailureKey.event("enc-odd", SyncHarness.STAGE)));
        assertThat(failure.getMessage()).contains("Indeterminate").contains(SyncHarness.INDETERMINATE)
                .contains("HIV test result");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("apis")
    void eventsOfACompletedEnrollmentGoToItAndAnEncounterOutsideEveryEnrollmentIsNotSent(String name,
            FakeDhis2.Version version, ApiChoice api) {
        startWithJane(version, api, "2025-06-30");
        harness.openmrs.putEncounter(visit("enc-in", "p-1", "2025-03-01", weight("60")));
        harness.openmrs.putEncounter(visit("enc-after", "p-1", "2025-08-01", weight("59")));

        RunState run = harness.sync();

        assertThat(run.getStatus()).isEqualTo(SyncStatus.SUCCESS);
        FakeEnrollment enrollment = harness.dhis2.enrollments().get(0);
        assertThat(enrollment.status()).isEqualTo("COMPLETED");
        assertThat(eventOf("enc-in").enrollment()).isEqualTo(enrollment.uid());
        assertThat(harness.dhis2.events()).hasSize(1);
        assertThat(harness.store.eventTrackers(List.of("enc-after"))).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("apis")
    void encountersRecordedBeforeTheirEnrollmentExistedFollowItWhenItIsCreated(String name,
            FakeDhis2.Version version, ApiChoice api) {
        startWithJane(version, api, "2025-01-31");
        harness.sync();
        // a visit of March, recorded before anyone enrolled the patient again: nothing covers it yet
        harness.openmrs.putEncounter(visit("enc-march", "p-1", "2025-03-05", weight("58")));
        harness.sync();
        assertThat(harness.dhis2.events()).isEmpty();

        // a back-dated enrollment from March 1st now covers it
        harness.openmrs.putEnrollment(enrollment("pp-2", "p-1", "2025-03-01", null));
        harness.sync();

        FakeEvent march = eventOf("enc-march");
        String secondEnrollment = harness.store.enrollmentTrackers(List.of("pp-2")).get("pp-2").getEnrollmentUid();
        assertThat(march.enrollment()).isEqualTo(secondEnrollment);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("apis")
    void anEncounterAtALocationWithoutOrgUnitGoesToThePatientsRegistrationOrgUnit(String name,
            FakeDhis2.Version version, ApiChoice api) {
        startWithJane(version, api, null);
        harness.openmrs.putEncounter(new org.openmrs.module.dhis2sync.source.EncounterRecord("enc-mobile", "p-1",
                SyncHarness.VISIT_TYPE, java.time.LocalDate.parse("2025-02-01").atTime(9, 0), "mobile-van-location",
                null, List.of(weight("64"))));

        harness.sync();

        assertThat(eventOf("enc-mobile").orgUnit()).as("Jane is registered at the clinic")
                .isEqualTo(SyncHarness.ORG_UNIT);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("apis")
    void previewListsAllThreeCategoriesAndValidateAsksDhis2WithoutWritingAnything(String name,
            FakeDhis2.Version version, ApiChoice api) {
        startWithJane(version, api, null);
        harness.openmrs.putEncounter(visit("enc-1", "p-1", "2025-02-01", weight("62.5")));
        harness.dhis2.clearRequests();

        RunTally preview = harness.preview();
        Map<SyncCategory, List<PendingRecord>> byCategory = preview.pendingRecords().stream()
                .collect(Collectors.groupingBy(PendingRecord::getCategory));
        assertThat(byCategory.get(SyncCategory.INSTANCE)).extracting(PendingRecord::getDecision)
                .containsExactly(Decision.NEW);
        assertThat(byCategory.get(SyncCategory.ENROLLMENT)).extracting(PendingRecord::getStatus)
                .containsExactly("ACTIVE");
        assertThat(byCategory.get(SyncCategory.EVENT).get(0).getValues()).containsEntry("DeWeightKg1", "62.5");
        assertThat(harness.dhis2.requests()).isEmpty();

        RunTally validation = harness.validate();

        assertThat(validation.verdicts()).isNotEmpty();
        assertThat(validation.verdicts().stream().filter(v -> v.getCategory() == SyncCategory.INSTANCE))
                .isNotEmpty().allMatch(ValidationVerdict::isValid);
        assertThat(validation.verdicts().stream().filter(v -> v.getCategory() == SyncCategory.EVENT))
                .allMatch(v -> !v.isValid() && v.getMessage().contains("not in DHIS2 yet"));
        assertThat(harness.dhis2.trackedEntities()).isEmpty();
        assertThat(harness.dhis2.enrollments()).isEmpty();
        assertThat(harness.store.instanceTrackers(List.of("p-1"))).isEmpty();
        assertThat(harness.db.inTransaction(() -> harness.db.failedRecordDao().findByMapping(harness.mappingUuid)))
                .isEmpty();
        assertThat(harness.store.marker(harness.mappingUuid, SyncCategory.INSTANCE)).isNull();
    }
}
