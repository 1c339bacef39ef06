package org.openmrs.module.dhis2sync.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openmrs.module.dhis2sync.sync.SyncHarness.enrollment;
import static org.openmrs.module.dhis2sync.sync.SyncHarness.patient;

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
import org.openmrs.module.dhis2sync.source.EnrollmentRecord;
import org.openmrs.module.dhis2sync.tracking.SyncStatus;

/** Issue 13: what DHIS2 gets for enrollments whose data is unusual, on both API generations. */
class EnrollmentRulesSyncTest {

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

    private Map<String, String> statusByEnrollmentDate() {
        return harness.dhis2.enrollments().stream().collect(Collectors.toMap(
                e -> e.enrolledAt().toLocalDate().toString(), FakeEnrollment::status));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("apis")
    void aCompletedEnrollmentChangedWhileThePatientsNextIsActiveIsUpdatedNotRefused(String name,
            FakeDhis2.Version version, ApiChoice api) {
        harness = SyncHarness.start(version, api);
        harness.openmrs.putPatient(patient("p-1", "NAT-001", "Jane", "F"));
        harness.openmrs.putEnrollment(enrollment("pp-1", "p-1", "2025-03-11", "2025-04-30"));
        harness.openmrs.putEnrollment(enrollment("pp-2", "p-1", "2025-05-13", null));
        assertThat(harness.sync().getStatus()).isEqualTo(SyncStatus.SUCCESS);

        // the first enrollment is read again (edited, or re-read after a run that died before its markers moved)
        harness.openmrs.putEnrollment(enrollment("pp-1", "p-1", "2025-03-11", "2025-05-01"));
        RunState run = harness.sync();

        assertThat(run.getStatus()).as(String.valueOf(run.getStatusInfo())).isEqualTo(SyncStatus.SUCCESS);
        assertThat(statusByEnrollmentDate()).isEqualTo(Map.of("2025-03-11", "COMPLETED", "2025-05-13", "ACTIVE"));
        assertThat(harness.db.inTransaction(() -> harness.db.failedRecordDao().findByMapping(harness.mappingUuid)))
                .isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("apis")
    void aPatientEnrolledLaterWhoseFirstSendDiedUnconfirmedIsSentAgainWithTheEnrollment(String name,
            FakeDhis2.Version version, ApiChoice api) {
        harness = SyncHarness.start(version, api);
        harness.openmrs.putPatient(patient("p-0", "NAT-000", "Ann", "F"));
        harness.openmrs.putEnrollment(enrollment("pp-0", "p-0", "2025-01-05", null));
        harness.openmrs.putPatient(patient("p-1", "NAT-001", "Jane", "F"));
        assertThat(harness.sync().getStatus()).isEqualTo(SyncStatus.SUCCESS);
        // Jane is enrolled later (her registration unchanged: she is not in the patients' delta)
        harness.tick(java.time.Duration.ofHours(1));
        harness.openmrs.putEnrollment(enrollment("pp-1", "p-1", "2025-02-01", null));
        harness.crashWhenConfirming = true;

        assertThat(harness.sync().getStatus()).isEqualTo(SyncStatus.FAILED);

        harness.crashWhenConfirming = false;
        RunState next = harness.sync();

        assertThat(next.getStatus()).as(String.valueOf(next.getStatusInfo())).isEqualTo(SyncStatus.SUCCESS);
        assertThat(harness.dhis2.trackedEntities()).hasSize(2);
        assertThat(statusByEnrollmentDate()).isEqualTo(Map.of("2025-01-05", "ACTIVE", "2025-02-01", "ACTIVE"));
        assertThat(harness.store.instanceTrackers(java.util.List.of("p-1")).get("p-1").isConfirmed()).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("apis")
    void aPatientWhoseOnlyEnrollmentIsVoidedIsNotSent(String name, FakeDhis2.Version version, ApiChoice api) {
        harness = SyncHarness.start(version, api);
        harness.openmrs.putPatient(patient("p-1", "NAT-001", "Jane", "F"));
        harness.openmrs.putEnrollment(new EnrollmentRecord("pp-1", "p-1", SyncHarness.PROGRAM_UUID,
                java.time.LocalDate.of(2025, 1, 10), null, SyncHarness.CLINIC, true));
        harness.openmrs.putPatient(patient("p-2", "NAT-002", "Mary", "F"));
        harness.openmrs.putEnrollment(enrollment("pp-2", "p-2", "2025-01-12", null));

        RunState run = harness.sync();

        assertThat(run.getStatus()).as(String.valueOf(run.getStatusInfo())).isEqualTo(SyncStatus.SUCCESS);
        assertThat(harness.dhis2.trackedEntities()).extracting(t -> t.attributes().get("TeaNatIdNo1"))
                .containsExactly("NAT-002");
        assertThat(harness.store.instanceTrackers(java.util.List.of("p-1"))).isEmpty();
        assertThat(harness.preview().pendingRecords()).extracting(PendingRecord::getOpenmrsUuid)
                .doesNotContain("p-1", "pp-1");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("apis")
    void anEnrollmentWithoutDateFailsAloneAndGoesWithItsEncountersOnceDated(String name, FakeDhis2.Version version,
            ApiChoice api) {
        harness = SyncHarness.start(version, api);
        harness.openmrs.putPatient(patient("p-1", "NAT-001", "Jane", "F"));
        harness.openmrs.putEnrollment(new EnrollmentRecord("pp-1", "p-1", SyncHarness.PROGRAM_UUID, null, null,
                SyncHarness.CLINIC, false));
        harness.openmrs.putEncounter(SyncHarness.visit("enc-1", "p-1", "2025-02-01", SyncHarness.weight("60")));
        harness.openmrs.putPatient(patient("p-2", "NAT-002", "Mary", "F"));
        harness.openmrs.putEnrollment(enrollment("pp-2", "p-2", "2025-01-12", null));
        harness.openmrs.putEncounter(SyncHarness.visit("enc-2", "p-2", "2025-02-02", SyncHarness.weight("70")));

        RunState run = harness.sync();

        assertThat(run.getStatus()).as(String.valueOf(run.getStatusInfo())).isEqualTo(SyncStatus.PARTIAL);
        assertThat(statusByEnrollmentDate()).isEqualTo(Map.of("2025-01-12", "ACTIVE"));
        assertThat(harness.dhis2.events()).hasSize(1);
        org.openmrs.module.dhis2sync.tracking.FailedRecord failure = harness.db.inTransaction(() -> harness.db
                .failedRecordDao().find(harness.mappingUuid, org.openmrs.module.dhis2sync.tracking.SyncCategory.ENROLLMENT,
                        "pp-1"));
        assertThat(failure.getMessage()).contains("no enrollment date").contains("date_enrolled");
        assertThat(harness.preview().pendingRecords()).filteredOn(r -> r.getOpenmrsUuid().equals("pp-1"))
                .extracting(PendingRecord::getError).allMatch(e -> e.contains("no enrollment date"));

        harness.openmrs.putEnrollment(enrollment("pp-1", "p-1", "2025-01-10", null));
        RunState dated = harness.sync();

        assertThat(dated.getStatus()).as(String.valueOf(dated.getStatusInfo())).isEqualTo(SyncStatus.SUCCESS);
        assertThat(statusByEnrollmentDate()).isEqualTo(Map.of("2025-01-10", "ACTIVE", "2025-01-12", "ACTIVE"));
        assertThat(harness.dhis2.events()).hasSize(2);
    }
}
