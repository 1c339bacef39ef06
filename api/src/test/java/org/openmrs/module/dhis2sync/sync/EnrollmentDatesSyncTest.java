package org.openmrs.module.dhis2sync.sync;

import static org.assertj.core.api.Assertions.assertThat;
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
import org.openmrs.module.dhis2sync.dhis2.fake.FakeEvent;
import org.openmrs.module.dhis2sync.dhis2.fake.Metadata;
import org.openmrs.module.dhis2sync.source.EncounterRecord;
import org.openmrs.module.dhis2sync.tracking.EnrollmentTracker;
import org.openmrs.module.dhis2sync.tracking.EventTracker;
import org.openmrs.module.dhis2sync.tracking.FailedRecord;
import org.openmrs.module.dhis2sync.tracking.PendingDeletion;
import org.openmrs.module.dhis2sync.tracking.SyncCategory;
import org.openmrs.module.dhis2sync.tracking.SyncStatus;

/**
 * Issue 13, point 3: an enrollment's dates corrected after it was sent. An encounter belongs to the latest enrollment
 * whose dates cover it: those the corrected dates now cover are sent into it, those they no longer cover move to the
 * enrollment covering them (deleted and created there anew: DHIS2 does not move events between enrollments) or, when
 * none does, are deleted from DHIS2 — on both API generations.
 */
class EnrollmentDatesSyncTest {

    private static final String OUTPOST = "OuOutpost01";

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

    private EventTracker trackerOf(String encounter) {
        List<EventTracker> trackers = harness.store.eventTrackers(List.of(encounter));
        return trackers.isEmpty() ? null : trackers.get(0);
    }

    private String enrollmentUid(String patientProgram) {
        EnrollmentTracker tracker = harness.store.enrollmentTrackers(List.of(patientProgram)).get(patientProgram);
        return tracker.getEnrollmentUid();
    }

    private List<FailedRecord> failures() {
        return harness.db.inTransaction(() -> harness.db.failedRecordDao().findByMapping(harness.mappingUuid));
    }

    private List<PendingDeletion> pendingDeletions() {
        return harness.db.inTransaction(() -> harness.db.pendingDeletionDao().findByMapping(harness.mappingUuid));
    }

    /** The run succeeded; the encounter's old event is gone and its only event, new, is in the patient program's. */
    private void assertMoved(RunState run, String encounter, String oldEventUid, String patientProgram) {
        assertThat(run.getStatus()).as(String.valueOf(run.getStatusInfo())).isEqualTo(SyncStatus.SUCCESS);
        assertThat(harness.dhis2.event(oldEventUid)).as("the old event is deleted").isEmpty();
        EventTracker moved = trackerOf(encounter);
        assertThat(moved.getEventUid()).isNotEqualTo(oldEventUid);
        assertThat(moved.isConfirmed()).isTrue();
        assertThat(moved.getEnrollmentUid()).isEqualTo(enrollmentUid(patientProgram));
        assertThat(eventOf(encounter).enrollment()).isEqualTo(enrollmentUid(patientProgram));
        assertThat(eventOf(encounter).dataValues()).containsEntry("DeWeightKg1", "60");
        assertThat(harness.dhis2.events()).hasSize(1);
    }

    private FakeEvent eventOf(String encounter) {
        return harness.dhis2.event(trackerOf(encounter).getEventUid()).orElseThrow();
    }

    private void start(FakeDhis2.Version version, ApiChoice api) {
        harness = SyncHarness.start(version, api);
        harness.openmrs.putPatient(patient("p-1", "NAT-001", "Jane", "F"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("apis")
    void anEnrollmentDateCorrectedEarlierBringsTheEncountersItNowCovers(String name, FakeDhis2.Version version,
            ApiChoice api) {
        start(version, api);
        harness.openmrs.putEnrollment(enrollment("pp-1", "p-1", "2025-03-01", null));
        harness.openmrs.putEncounter(visit("enc-0", "p-1", "2025-02-15", weight("58")));
        harness.openmrs.putEncounter(visit("enc-1", "p-1", "2025-03-10", weight("59")));
        assertThat(harness.sync().getStatus()).isEqualTo(SyncStatus.SUCCESS);
        assertThat(harness.dhis2.events()).hasSize(1);
        assertThat(trackerOf("enc-0")).as("before the enrollment: not part of the program").isNull();

        harness.openmrs.putEnrollment(enrollment("pp-1", "p-1", "2025-02-01", null));
        RunState corrected = harness.sync();

        assertThat(corrected.getStatus()).as(String.valueOf(corrected.getStatusInfo())).isEqualTo(SyncStatus.SUCCESS);
        assertThat(harness.dhis2.events()).hasSize(2);
        assertThat(eventOf("enc-0").enrollment()).isEqualTo(enrollmentUid("pp-1"));
        assertThat(eventOf("enc-0").dataValues()).containsEntry("DeWeightKg1", "58");
        assertThat(harness.dhis2.enrollment(enrollmentUid("pp-1")).orElseThrow().enrolledAt().toLocalDate())
                .isEqualTo(java.time.LocalDate.of(2025, 2, 1));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("apis")
    void anEncounterNoEnrollmentCoversAnyMoreLeavesDhis2(String name, FakeDhis2.Version version, ApiChoice api) {
        start(version, api);
        harness.openmrs.putEnrollment(enrollment("pp-1", "p-1", "2025-01-10", null));
        harness.openmrs.putEncounter(visit("enc-1", "p-1", "2025-02-01", weight("60")));
        harness.openmrs.putEncounter(visit("enc-2", "p-1", "2025-03-10", weight("61")));
        assertThat(harness.sync().getStatus()).isEqualTo(SyncStatus.SUCCESS);
        String leaving = trackerOf("enc-1").getEventUid();
        String staying = trackerOf("enc-2").getEventUid();

        harness.openmrs.putEnrollment(enrollment("pp-1", "p-1", "2025-03-01", null));
        RunState corrected = harness.sync();

        assertThat(corrected.getStatus()).as(String.valueOf(corrected.getStatusInfo())).isEqualTo(SyncStatus.SUCCESS);
        assertThat(harness.dhis2.event(leaving)).as("deleted in DHIS2").isEmpty();
        assertThat(trackerOf("enc-1")).as("forgotten: new again, should a correction cover it again").isNull();
        assertThat(harness.dhis2.events()).extracting(FakeEvent::uid).containsExactly(staying);

        // corrected back: the encounter is sent again, under a new UID (DHIS2 never takes a deleted one back)
        harness.openmrs.putEnrollment(enrollment("pp-1", "p-1", "2025-01-10", null));
        RunState back = harness.sync();

        assertThat(back.getStatus()).as(String.valueOf(back.getStatusInfo())).isEqualTo(SyncStatus.SUCCESS);
        assertThat(harness.dhis2.events()).hasSize(2);
        assertThat(trackerOf("enc-1").getEventUid()).isNotEqualTo(leaving);
        assertThat(eventOf("enc-1").dataValues()).containsEntry("DeWeightKg1", "60");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("apis")
    void anEncounterTheCorrectedEnrollmentNoLongerCoversMovesToTheEnrollmentThatDoes(String name,
            FakeDhis2.Version version, ApiChoice api) {
        start(version, api);
        harness.openmrs.putEnrollment(enrollment("pp-1", "p-1", "2025-01-01", "2025-02-12"));
        harness.openmrs.putEnrollment(enrollment("pp-2", "p-1", "2025-02-01", null));
        // covered by both: it belongs to the later one
        harness.openmrs.putEncounter(visit("enc-1", "p-1", "2025-02-10", weight("60")));
        assertThat(harness.sync().getStatus()).isEqualTo(SyncStatus.SUCCESS);
        String before = trackerOf("enc-1").getEventUid();
        assertThat(eventOf("enc-1").enrollment()).isEqualTo(enrollmentUid("pp-2"));

        harness.openmrs.putEnrollment(enrollment("pp-2", "p-1", "2025-02-15", null));
        RunState corrected = harness.sync();

        assertMoved(corrected, "enc-1", before, "pp-1");

        RunState again = harness.sync();
        assertThat(again.getStatus()).isEqualTo(SyncStatus.SUCCESS);
        assertThat(harness.dhis2.events()).hasSize(1);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("apis")
    void aDeletionDhis2RefusesForAMovedEventIsKeptAndRetriedAndTheEventMovesOnlyOnceItIsDeleted(String name,
            FakeDhis2.Version version, ApiChoice api) {
        start(version, api);
        // the visit was recorded at an outreach post, whose org unit DHIS2 will stop letting the user write to
        harness.dhis2.metadata().addOrgUnit(new Metadata.OrgUnit(OUTPOST, "Verify Outpost", "VERIFY_OUTPOST",
                SyncHarness.ORG_UNIT));
        harness.mapLocation(SyncHarness.OUTREACH, OUTPOST);
        harness.openmrs.putEnrollment(enrollment("pp-1", "p-1", "2025-01-01", "2025-02-12"));
        harness.openmrs.putEnrollment(enrollment("pp-2", "p-1", "2025-02-01", null));
        harness.openmrs.putEncounter(new EncounterRecord("enc-1", "p-1", SyncHarness.VISIT_TYPE,
                LocalDate.parse("2025-02-10").atTime(10, 0), SyncHarness.OUTREACH, null, List.of(weight("60"))));
        assertThat(harness.sync().getStatus()).isEqualTo(SyncStatus.SUCCESS);
        String before = trackerOf("enc-1").getEventUid();
        harness.dhis2.metadata().setOrgUnitAccessible(OUTPOST, false);

        harness.openmrs.putEnrollment(enrollment("pp-2", "p-1", "2025-02-15", null));
        RunState refused = harness.sync();

        assertThat(refused.getStatus()).as(String.valueOf(refused.getStatusInfo())).isEqualTo(SyncStatus.PARTIAL);
        assertThat(harness.dhis2.events()).extracting(FakeEvent::uid).as("kept in DHIS2, nothing created yet")
                .containsExactly(before);
        assertThat(trackerOf("enc-1")).as("its tracker row left with the withdrawal").isNull();
        assertThat(failures()).singleElement().satisfies(f -> {
            assertThat(f.getCategory()).isEqualTo(SyncCategory.EVENT);
            assertThat(f.getOpenmrsUuid()).isEqualTo("enc-1");
            assertThat(f.getDhis2Uid()).isEqualTo(before);
            assertThat(f.getMessage()).contains(before).containsIgnoringCase("organisation");
        });
        assertThat(pendingDeletions()).extracting(PendingDeletion::getDhis2Uid).containsExactly(before);

        RunState again = harness.sync();
        assertThat(again.getStatus()).isEqualTo(SyncStatus.PARTIAL);
        assertThat(harness.dhis2.events()).extracting(FakeEvent::uid).containsExactly(before);
        assertThat(failures()).singleElement().satisfies(f -> assertThat(f.getAttempts()).isEqualTo(2));

        harness.dhis2.metadata().setOrgUnitAccessible(OUTPOST, true);
        RunState granted = harness.sync();

        assertMoved(granted, "enc-1", before, "pp-1");
        assertThat(failures()).isEmpty();
        assertThat(pendingDeletions()).isEmpty();
    }
}
