package org.openmrs.module.dhis2sync.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openmrs.module.dhis2sync.sync.SyncHarness.enrollment;
import static org.openmrs.module.dhis2sync.sync.SyncHarness.patient;

import java.time.LocalDate;
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
import org.openmrs.module.dhis2sync.dhis2.fake.FakeTrackedEntity;
import org.openmrs.module.dhis2sync.dhis2.fake.RecordedRequest;
import org.openmrs.module.dhis2sync.tracking.SyncStatus;

/**
 * Issue 11: a clinic's first sync reads from DHIS2 only what DHIS2 may hold. The tracked entities DHIS2 creates in a
 * run hold no enrollments yet, so none are read for them; a patient found in DHIS2 (registered elsewhere) still has
 * its enrollments read and re-used — on both API generations.
 */
class FirstSyncReadsTest {

    private SyncHarness harness;

    static Stream<Arguments> apis() {
        return Stream.of(Arguments.of("2.41, deprecated API", FakeDhis2.Version.V2_41, ApiChoice.LEGACY),
                Arguments.of("2.41, tracker API", FakeDhis2.Version.V2_41, ApiChoice.TRACKER),
                Arguments.of("2.42, tracker API", FakeDhis2.Version.V2_42, ApiChoice.AUTO));
    }

    @AfterEach
    void stop() {
        if (harness != null) {
            harness.close();
        }
    }

    /** The reads of tracked entities by UID (enrollments, owners), with the UIDs each asked for. */
    private List<String> readsByUid() {
        return harness.dhis2.requests().stream().filter(r -> r.method().equals("GET"))
                .map(RecordedRequest::query).filter(q -> q != null
                        && (q.contains("trackedEntities=") || q.contains("trackedEntityInstance=")))
                .collect(Collectors.toList());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("apis")
    void enrollmentsAreReadOnlyForTrackedEntitiesDhis2HeldBeforeTheRun(String name, FakeDhis2.Version version,
            ApiChoice api) {
        harness = SyncHarness.start(version, api);
        harness.dhis2.seedTrackedEntity(FakeTrackedEntity.of("TeElsewhr01", "TetPerson01", SyncHarness.ORG_UNIT,
                Map.of("TeaNatIdNo1", "NAT-009", "TeaFirstNm1", "Ann", "TeaLastNme1", "Doe")));
        harness.dhis2.seedEnrollment(FakeEnrollment.active("EnElsewhr01", "TeElsewhr01", SyncHarness.PROGRAM,
                SyncHarness.ORG_UNIT, LocalDate.of(2024, 6, 1).atStartOfDay()));
        for (int i = 1; i <= 5; i++) {
            harness.openmrs.putPatient(patient("p-" + i, "NAT-00" + i, "Jane", "F"));
            harness.openmrs.putEnrollment(enrollment("pp-" + i, "p-" + i, "2025-01-1" + i, null));
        }
        harness.openmrs.putPatient(patient("p-9", "NAT-009", "Ann", "F"));
        harness.openmrs.putEnrollment(enrollment("pp-9", "p-9", "2025-01-19", null));
        harness.dhis2.clearRequests();

        RunState run = harness.sync();

        assertThat(run.getStatus()).as(String.valueOf(run.getStatusInfo())).isEqualTo(SyncStatus.SUCCESS);
        List<String> reads = readsByUid();
        assertThat(reads).isNotEmpty().allMatch(q -> q.contains("TeElsewhr01"));
        String created = harness.store.instanceTrackers(List.of("p-1")).get("p-1").getInstanceUid();
        assertThat(reads).noneMatch(q -> q.contains(created));
        // the one registered elsewhere: its enrollment was re-used, not doubled
        assertThat(harness.dhis2.enrollments()).hasSize(6);
        assertThat(harness.dhis2.enrollments().stream().filter(e -> e.trackedEntity().equals("TeElsewhr01")))
                .extracting(FakeEnrollment::uid).containsExactly("EnElsewhr01");

        // the next run: every tracked entity is DHIS2's now, and its enrollments are read before an update
        harness.openmrs.putEnrollment(enrollment("pp-1", "p-1", "2025-01-21", null));
        harness.dhis2.clearRequests();
        assertThat(harness.sync().getStatus()).isEqualTo(SyncStatus.SUCCESS);
        assertThat(readsByUid()).anyMatch(q -> q.contains(created));
        assertThat(harness.dhis2.enrollments()).hasSize(6);
    }
}
