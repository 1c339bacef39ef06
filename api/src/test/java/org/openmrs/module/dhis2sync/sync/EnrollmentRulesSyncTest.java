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
}
