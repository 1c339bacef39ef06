package org.openmrs.module.dhis2sync.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openmrs.module.dhis2sync.sync.SyncHarness.PROGRAM_UUID;
import static org.openmrs.module.dhis2sync.sync.SyncHarness.enrollment;
import static org.openmrs.module.dhis2sync.sync.SyncHarness.patient;
import static org.openmrs.module.dhis2sync.sync.SyncHarness.visit;
import static org.openmrs.module.dhis2sync.sync.SyncHarness.weight;

import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.openmrs.module.dhis2sync.dhis2.ApiChoice;
import org.openmrs.module.dhis2sync.dhis2.fake.FakeDhis2;
import org.openmrs.module.dhis2sync.dhis2.fake.FakeEnrollment;
import org.openmrs.module.dhis2sync.dhis2.fake.FakeEvent;
import org.openmrs.module.dhis2sync.source.EnrollmentRecord;
import org.openmrs.module.dhis2sync.tracking.EnrollmentTracker;
import org.openmrs.module.dhis2sync.tracking.EventTracker;
import org.openmrs.module.dhis2sync.tracking.FailedRecord;
import org.openmrs.module.dhis2sync.tracking.SyncStatus;

/**
 * Issue 13, point 1: encounters recorded before their enrollment reached DHIS2 follow it whenever DHIS2 confirms it
 * for the first time — not only when its tracker row was written in the same run — on both API generations.
 */
class BackfillSyncTest {

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

    /**
     * The mapping has run once; Jane's visit of 1 February was recorded then, before she was enrolled, so it lies
     * behind the event marker. She is now enrolled from 10 January, at the outreach site.
     */
    private void startWithJaneVisitedBeforeHerEnrollment(FakeDhis2.Version version, ApiChoice api) {
        harness = SyncHarness.start(version, api);
        harness.openmrs.putPatient(patient("p-0", "NAT-000", "Ann", "F"));
        harness.openmrs.putEnrollment(enrollment("pp-0", "p-0", "2025-01-05", null));
        harness.openmrs.putPatient(patient("p-1", "NAT-001", "Jane", "F"));
        harness.openmrs.putEncounter(visit("enc-1", "p-1", "2025-02-01", weight("60")));
        harness.openmrs.putEncounter(visit("enc-2", "p-1", "2025-02-20", weight("61")));
        assertThat(harness.sync().getStatus()).isEqualTo(SyncStatus.SUCCESS);
        assertThat(harness.dhis2.events()).isEmpty();
        harness.tick(java.time.Duration.ofHours(1));
        harness.openmrs.putEnrollment(new EnrollmentRecord("pp-1", "p-1", PROGRAM_UUID, LocalDate.of(2025, 1, 10), null,
                SyncHarness.OUTREACH, false));
    }

    private void assertJanesVisitsAreEventsOfHerEnrollment() {
        FakeEnrollment janes = harness.dhis2.enrollments().stream()
                .filter(e -> e.enrolledAt().toLocalDate().equals(LocalDate.of(2025, 1, 10))).findFirst().orElseThrow();
        for (String encounter : List.of("enc-1", "enc-2")) {
            List<EventTracker> trackers = harness.store.eventTrackers(List.of(encounter));
            assertThat(trackers).as("event of " + encounter).hasSize(1);
            assertThat(trackers.get(0).isConfirmed()).isTrue();
            FakeEvent event = harness.dhis2.event(trackers.get(0).getEventUid()).orElseThrow();
            assertThat(event.enrollment()).isEqualTo(janes.uid());
        }
        assertThat(harness.dhis2.events()).hasSize(2);
    }

    private List<FailedRecord> failures() {
        return harness.db.inTransaction(() -> harness.db.failedRecordDao().findByMapping(harness.mappingUuid));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("apis")
    void anEnrollmentRefusedAtFirstBringsItsEarlierEncountersWhenDhis2AcceptsIt(String name,
            FakeDhis2.Version version, ApiChoice api) {
        startWithJaneVisitedBeforeHerEnrollment(version, api);
        // the outreach site is mapped to an org unit DHIS2 does not have: it refuses the enrollment
        harness.mapLocation(SyncHarness.OUTREACH, "OuNowhere01");

        RunState refused = harness.sync();

        assertThat(refused.getStatus()).isEqualTo(SyncStatus.PARTIAL);
        assertThat(failures()).extracting(FailedRecord::getOpenmrsUuid).containsExactly("pp-1");
        assertThat(harness.dhis2.events()).isEmpty();

        harness.mapLocation(SyncHarness.OUTREACH, SyncHarness.ORG_UNIT);
        RunState accepted = harness.sync();

        assertThat(accepted.getStatus()).as(String.valueOf(accepted.getStatusInfo())).isEqualTo(SyncStatus.SUCCESS);
        assertJanesVisitsAreEventsOfHerEnrollment();
        assertThat(failures()).isEmpty();
        RunState again = harness.sync();
        assertThat(again.getStatus()).isEqualTo(SyncStatus.SUCCESS);
        assertThat(harness.dhis2.events()).hasSize(2);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("apis")
    void aRunThatDiesAfterDhis2AcceptedTheEnrollmentLeavesItsEncountersToTheNextRun(String name,
            FakeDhis2.Version version, ApiChoice api) {
        startWithJaneVisitedBeforeHerEnrollment(version, api);
        harness.mapLocation(SyncHarness.OUTREACH, SyncHarness.ORG_UNIT);
        harness.crashWhenSavingEvents = true;

        RunState died = harness.sync();

        assertThat(died.getStatus()).isEqualTo(SyncStatus.FAILED);
        assertThat(harness.dhis2.enrollments()).hasSize(2);
        assertThat(harness.dhis2.events()).isEmpty();

        harness.crashWhenSavingEvents = false;
        RunState next = harness.sync();

        assertThat(next.getStatus()).as(String.valueOf(next.getStatusInfo())).isEqualTo(SyncStatus.SUCCESS);
        assertThat(harness.dhis2.enrollments()).hasSize(2);
        assertJanesVisitsAreEventsOfHerEnrollment();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("apis")
    void manyEnrollmentsNewInALaterRunAreSettledAChunkAtATime(String name, FakeDhis2.Version version,
            ApiChoice api) {
        harness = SyncHarness.start(version, api);
        harness.openmrs.putPatient(patient("p-0", "NAT-000", "Ann", "F"));
        harness.openmrs.putEnrollment(enrollment("pp-0", "p-0", "2025-01-05", null));
        assertThat(harness.sync().getStatus()).isEqualTo(SyncStatus.SUCCESS);
        harness.tick(java.time.Duration.ofHours(1));
        // a later run (backfill on): 120 patients enrolled now, each with a visit before and one after enrolment
        for (int i = 1; i <= 120; i++) {
            harness.openmrs.putPatient(patient("p-" + i, "NAT-" + (1000 + i), "Jane", "F"));
            harness.openmrs.putEnrollment(enrollment("pp-" + i, "p-" + i, "2025-03-01", null));
            harness.openmrs.putEncounter(visit("enc-a" + i, "p-" + i, "2025-03-05", weight("60")));
            harness.openmrs.putEncounter(visit("enc-b" + i, "p-" + i, "2025-04-05", weight("61")));
        }
        int reads = harness.openmrs.encounterIdReads();

        RunState run = harness.sync();

        assertThat(run.getStatus()).as(String.valueOf(run.getStatusInfo())).isEqualTo(SyncStatus.SUCCESS);
        // batch size 50: three chunks of owed enrollments, not one read per enrollment
        assertThat(harness.openmrs.encounterIdReads() - reads).isEqualTo(3);
        assertThat(harness.dhis2.events()).hasSize(240);
        assertThat(harness.store.enrollmentTrackers(List.of("pp-1", "pp-120")).values())
                .allMatch(EnrollmentTracker::isConfirmed).hasSize(2);
        RunState again = harness.sync();
        assertThat(again.getStatus()).isEqualTo(SyncStatus.SUCCESS);
        assertThat(harness.dhis2.events()).hasSize(240);
    }
}
