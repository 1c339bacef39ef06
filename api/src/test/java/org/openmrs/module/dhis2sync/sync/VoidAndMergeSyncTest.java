package org.openmrs.module.dhis2sync.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openmrs.module.dhis2sync.sync.SyncHarness.enrollment;
import static org.openmrs.module.dhis2sync.sync.SyncHarness.patient;
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
import org.openmrs.module.dhis2sync.dhis2.fake.FakeTrackedEntity;
import org.openmrs.module.dhis2sync.source.EnrollmentRecord;
import org.openmrs.module.dhis2sync.tracking.EventTracker;
import org.openmrs.module.dhis2sync.tracking.FailedRecord;
import org.openmrs.module.dhis2sync.tracking.SyncCategory;
import org.openmrs.module.dhis2sync.tracking.SyncStatus;

/**
 * What DHIS2 gets when OpenMRS voids or merges (README, "Voids and merges"), on both API generations: the real client
 * over HTTP against the fake DHIS2, the real tracking tables.
 */
class VoidAndMergeSyncTest {

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

    /** Jane, enrolled in January, with two visits, all in DHIS2. */
    private void startWithJane(FakeDhis2.Version version, ApiChoice api) {
        harness = SyncHarness.start(version, api);
        harness.openmrs.putPatient(patient("p-1", "NAT-001", "Jane", "F"));
        harness.openmrs.putEnrollment(enrollment("pp-1", "p-1", "2025-01-10", null));
        harness.openmrs.putEncounter(visit("enc-1", "p-1", "2025-02-01", weight("62")));
        harness.openmrs.putEncounter(visit("enc-2", "p-1", "2025-03-01", weight("61")));
        assertSuccess(harness.sync());
        assertThat(harness.dhis2.events()).hasSize(2);
    }

    /** Jane, with enc-1 voided while DHIS2 refuses deletions in the clinic's org unit; @return enc-1's event UID */
    private String voidAVisitDhis2WillNotDelete(FakeDhis2.Version version, ApiChoice api) {
        startWithJane(version, api);
        String first = eventUidOf("enc-1");
        harness.dhis2.metadata().setOrgUnitAccessible(SyncHarness.ORG_UNIT, false);
        harness.openmrs.voidEncounter("enc-1");
        return first;
    }

    private static void assertSuccess(RunState run) {
        assertThat(run.getStatus()).as(String.valueOf(run.getStatusInfo())).isEqualTo(SyncStatus.SUCCESS);
    }

    private String eventUidOf(String encounterUuid) {
        List<EventTracker> trackers = harness.store.eventTrackers(List.of(encounterUuid));
        assertThat(trackers).as("event tracker of " + encounterUuid).hasSize(1);
        return trackers.get(0).getEventUid();
    }

    private String enrollmentUidOf(String patientProgramUuid) {
        return harness.store.enrollmentTrackers(List.of(patientProgramUuid)).get(patientProgramUuid).getEnrollmentUid();
    }

    private String instanceUidOf(String patientUuid) {
        return harness.store.instanceTrackers(List.of(patientUuid)).get(patientUuid).getInstanceUid();
    }

    private List<FailedRecord> failures() {
        return harness.db.inTransaction(() -> harness.db.failedRecordDao().findByMapping(harness.mappingUuid));
    }

    private List<String> eventUidsInDhis2() {
        return harness.dhis2.events().stream().map(FakeEvent::uid).collect(Collectors.toList());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("apis")
    void aVoidedEncounterLosesItsEventAndAnUnvoidSendsItAnewUnderANewUid(String name, FakeDhis2.Version version,
            ApiChoice api) {
        startWithJane(version, api);
        String first = eventUidOf("enc-1");
        String second = eventUidOf("enc-2");

        harness.openmrs.voidEncounter("enc-1");
        assertSuccess(harness.sync());

        assertThat(eventUidsInDhis2()).containsExactly(second);
        assertThat(harness.store.eventTrackers(List.of("enc-1"))).isEmpty();
        assertThat(harness.dhis2.enrollments()).extracting(FakeEnrollment::status).containsExactly("ACTIVE");

        harness.openmrs.unvoidEncounter("enc-1");
        assertSuccess(harness.sync());

        String again = eventUidOf("enc-1");
        assertThat(again).isNotEqualTo(first);
        assertThat(eventUidsInDhis2()).containsExactlyInAnyOrder(second, again);
        assertThat(harness.dhis2.event(again).orElseThrow().dataValues()).containsEntry("DeWeightKg1", "62");
        assertThat(failures()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("apis")
    void aVoidedEnrollmentIsCancelledWithoutItsEventsAndComesBackWithThemWhenUnvoided(String name,
            FakeDhis2.Version version, ApiChoice api) {
        startWithJane(version, api);
        String enrollmentUid = enrollmentUidOf("pp-1");
        List<String> before = eventUidsInDhis2();

        harness.openmrs.putEnrollment(new EnrollmentRecord("pp-1", "p-1", SyncHarness.PROGRAM_UUID,
                java.time.LocalDate.parse("2025-01-10"), null, SyncHarness.CLINIC, true));
        assertSuccess(harness.sync());

        assertThat(harness.dhis2.enrollment(enrollmentUid).orElseThrow().status()).isEqualTo("CANCELLED");
        assertThat(harness.dhis2.events()).isEmpty();
        assertThat(harness.dhis2.trackedEntities()).hasSize(1);
        assertThat(harness.store.eventTrackers(List.of("enc-1", "enc-2"))).isEmpty();

        harness.openmrs.putEnrollment(enrollment("pp-1", "p-1", "2025-01-10", null));
        assertSuccess(harness.sync());

        assertThat(harness.dhis2.enrollment(enrollmentUid).orElseThrow().status()).isEqualTo("ACTIVE");
        assertThat(harness.dhis2.events()).hasSize(2).allMatch(e -> e.enrollment().equals(enrollmentUid))
                .noneMatch(e -> before.contains(e.uid()));
        assertThat(failures()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("apis")
    void theEventsOfAVoidedEnrollmentMoveToTheEnrollmentThatStillCoversThem(String name, FakeDhis2.Version version,
            ApiChoice api) {
        harness = SyncHarness.start(version, api);
        harness.openmrs.putPatient(patient("p-1", "NAT-001", "Jane", "F"));
        harness.openmrs.putEnrollment(enrollment("pp-0", "p-1", "2024-06-01", "2025-12-31"));
        harness.openmrs.putEncounter(visit("enc-1", "p-1", "2025-02-01", weight("62")));
        harness.openmrs.putEncounter(visit("enc-2", "p-1", "2025-03-01", weight("61")));
        assertSuccess(harness.sync());
        // a second enrollment recorded later also covers the visits: the latest covering enrollment holds them
        harness.openmrs.putEnrollment(enrollment("pp-1", "p-1", "2025-01-10", "2025-06-30"));
        assertSuccess(harness.sync());
        String older = enrollmentUidOf("pp-0");
        String newer = enrollmentUidOf("pp-1");
        assertThat(harness.dhis2.events()).hasSize(2).allMatch(e -> e.enrollment().equals(newer));

        harness.openmrs.putEnrollment(new EnrollmentRecord("pp-1", "p-1", SyncHarness.PROGRAM_UUID,
                java.time.LocalDate.parse("2025-01-10"), java.time.LocalDate.parse("2025-06-30"), SyncHarness.CLINIC,
                true));
        assertSuccess(harness.sync());

        assertThat(harness.dhis2.events()).hasSize(2).allMatch(e -> e.enrollment().equals(older));
        assertThat(harness.dhis2.enrollment(newer).orElseThrow().status()).isEqualTo("CANCELLED");
        assertThat(failures()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("apis")
    void aVoidedPatientsTrackedEntityCreatedByTheModuleIsDeletedAndAnUnvoidSendsItAnew(String name,
            FakeDhis2.Version version, ApiChoice api) {
        startWithJane(version, api);
        String instanceUid = instanceUidOf("p-1");

        harness.openmrs.voidPatient("p-1");
        assertSuccess(harness.sync());

        assertThat(harness.dhis2.trackedEntities()).isEmpty();
        assertThat(harness.dhis2.enrollments()).isEmpty();
        assertThat(harness.dhis2.events()).isEmpty();
        assertThat(harness.store.instanceTrackers(List.of("p-1"))).isEmpty();
        assertThat(harness.store.enrollmentTrackers(List.of("pp-1"))).isEmpty();

        harness.openmrs.unvoidPatient("p-1");
        assertSuccess(harness.sync());

        assertThat(harness.dhis2.trackedEntities()).singleElement()
                .satisfies(te -> assertThat(te.uid()).isNotEqualTo(instanceUid));
        assertThat(harness.dhis2.enrollments()).singleElement()
                .satisfies(e -> assertThat(e.status()).isEqualTo("ACTIVE"));
        assertThat(harness.dhis2.events()).hasSize(2);
        assertThat(failures()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("apis")
    void aVoidedPatientFoundInDhis2KeepsItsTrackedEntityWithItsEnrollmentCancelledAndEventsDeleted(String name,
            FakeDhis2.Version version, ApiChoice api) {
        harness = SyncHarness.start(version, api);
        // registered at another clinic: the module finds the tracked entity and did not create it
        harness.dhis2.seedTrackedEntity(FakeTrackedEntity.of("TeElsewher1", "TetPerson01", SyncHarness.ORG_UNIT,
                Map.of("TeaNatIdNo1", "NAT-001", "TeaFirstNm1", "Jane")));
        harness.openmrs.putPatient(patient("p-1", "NAT-001", "Jane", "F"));
        harness.openmrs.putEnrollment(enrollment("pp-1", "p-1", "2025-01-10", null));
        harness.openmrs.putEncounter(visit("enc-1", "p-1", "2025-02-01", weight("62")));
        assertSuccess(harness.sync());
        assertThat(instanceUidOf("p-1")).isEqualTo("TeElsewher1");

        harness.openmrs.voidPatient("p-1");
        assertSuccess(harness.sync());

        assertThat(harness.dhis2.trackedEntity("TeElsewher1")).isPresent();
        assertThat(harness.dhis2.enrollments()).singleElement()
                .satisfies(e -> assertThat(e.status()).isEqualTo("CANCELLED"));
        assertThat(harness.dhis2.events()).isEmpty();
        assertThat(failures()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("apis")
    void aTrackedEntityEnrolledInWhatTheModuleDidNotSendIsKept(String name, FakeDhis2.Version version,
            ApiChoice api) {
        startWithJane(version, api);
        String instanceUid = instanceUidOf("p-1");
        // another clinic enrolled her too, in DHIS2 only
        harness.dhis2.seedEnrollment(FakeEnrollment.active("EnElsewher1", instanceUid, SyncHarness.PROGRAM,
                SyncHarness.ORG_UNIT, java.time.LocalDateTime.of(2025, 4, 1, 0, 0)));

        harness.openmrs.voidPatient("p-1");
        RunState run = harness.sync();

        assertSuccess(run);
        assertThat(harness.dhis2.trackedEntity(instanceUid)).isPresent();
        assertThat(harness.dhis2.enrollment("EnElsewher1").orElseThrow().status()).isEqualTo("ACTIVE");
        assertThat(harness.dhis2.enrollment(enrollmentUidOf("pp-1")).orElseThrow().status()).isEqualTo("CANCELLED");
        assertThat(harness.dhis2.events()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("apis")
    void aMergeMovesTheRecordsToThePreferredPatientUnderNewEventUids(String name, FakeDhis2.Version version,
            ApiChoice api) {
        startWithJane(version, api);
        // the same woman registered twice: the second record, with its own enrollment, becomes the preferred one
        harness.openmrs.putPatient(patient("p-2", "NAT-002", "Jane", "F"));
        harness.openmrs.putEnrollment(enrollment("pp-2", "p-2", "2024-12-01", "2024-12-31"));
        assertSuccess(harness.sync());
        String loserEntity = instanceUidOf("p-1");
        String winnerEntity = instanceUidOf("p-2");
        List<String> oldEvents = eventUidsInDhis2();

        harness.openmrs.mergePatients("p-2", "p-1", "copy-");
        RunState run = harness.sync();

        assertSuccess(run);
        assertThat(harness.dhis2.trackedEntity(loserEntity)).isEmpty();
        assertThat(harness.dhis2.trackedEntities()).extracting(FakeTrackedEntity::uid).containsExactly(winnerEntity);
        String copied = enrollmentUidOf("copy-pp-1");
        assertThat(harness.dhis2.enrollment(copied).orElseThrow().trackedEntity()).isEqualTo(winnerEntity);
        assertThat(harness.dhis2.events()).hasSize(2)
                .allMatch(e -> e.enrollment().equals(copied) && e.trackedEntity().equals(winnerEntity))
                .noneMatch(e -> oldEvents.contains(e.uid()));
        assertThat(failures()).isEmpty();

        assertSuccess(harness.sync());
        assertThat(harness.dhis2.events()).hasSize(2);
        assertThat(failures()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("apis")
    void aRefusedDeletionIsAFailureWithDhis2sMessageRetriedUntilItGoesThrough(String name,
            FakeDhis2.Version version, ApiChoice api) {
        String first = voidAVisitDhis2WillNotDelete(version, api);
        RunState refused = harness.sync();

        assertThat(refused.getStatus()).isEqualTo(SyncStatus.PARTIAL);
        assertThat(harness.dhis2.event(first)).isPresent();
        assertThat(failures()).singleElement().satisfies(f -> {
            assertThat(f.getCategory()).isEqualTo(SyncCategory.EVENT);
            assertThat(f.getOpenmrsUuid()).isEqualTo("enc-1");
            assertThat(f.getDhis2Uid()).isEqualTo(first);
            assertThat(f.getMessage()).contains(first).containsIgnoringCase("organisation");
        });

        RunState again = harness.sync();
        assertThat(again.getStatus()).isEqualTo(SyncStatus.PARTIAL);
        assertThat(failures()).singleElement().satisfies(f -> assertThat(f.getAttempts()).isEqualTo(2));

        harness.dhis2.metadata().setOrgUnitAccessible(SyncHarness.ORG_UNIT, true);
        assertSuccess(harness.sync());
        assertThat(harness.dhis2.event(first)).isEmpty();
        assertThat(failures()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("apis")
    void anEncounterUnvoidedWhileDhis2RefusesToDeleteItsOldEventGetsItsNewOneOnceTheOldIsGone(String name,
            FakeDhis2.Version version, ApiChoice api) {
        String first = voidAVisitDhis2WillNotDelete(version, api);
        assertThat(harness.sync().getStatus()).isEqualTo(SyncStatus.PARTIAL);

        harness.openmrs.unvoidEncounter("enc-1");
        RunState refused = harness.sync();

        assertThat(refused.getStatus()).isEqualTo(SyncStatus.PARTIAL);
        assertThat(harness.dhis2.events()).hasSize(2).anyMatch(e -> e.uid().equals(first));
        assertThat(harness.store.eventTrackers(List.of("enc-1"))).as("no new event before the old one is gone")
                .isEmpty();
        assertThat(failures()).singleElement().satisfies(f -> assertThat(f.getAttempts()).isEqualTo(2));

        harness.dhis2.metadata().setOrgUnitAccessible(SyncHarness.ORG_UNIT, true);
        assertSuccess(harness.sync());

        String again = eventUidOf("enc-1");
        assertThat(again).isNotEqualTo(first);
        assertThat(harness.dhis2.event(first)).isEmpty();
        assertThat(eventUidsInDhis2()).containsExactlyInAnyOrder(eventUidOf("enc-2"), again);
        assertThat(failures()).isEmpty();
    }
}
