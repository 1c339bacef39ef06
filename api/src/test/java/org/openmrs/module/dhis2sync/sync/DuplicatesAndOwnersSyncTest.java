package org.openmrs.module.dhis2sync.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openmrs.module.dhis2sync.sync.SyncHarness.enrollment;
import static org.openmrs.module.dhis2sync.sync.SyncHarness.patient;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.openmrs.module.dhis2sync.dhis2.ApiChoice;
import org.openmrs.module.dhis2sync.dhis2.fake.FakeDhis2;
import org.openmrs.module.dhis2sync.dhis2.fake.FakeEnrollment;
import org.openmrs.module.dhis2sync.dhis2.fake.FakeTrackedEntity;
import org.openmrs.module.dhis2sync.dhis2.fake.Metadata;
import org.openmrs.module.dhis2sync.tracking.FailedRecord;
import org.openmrs.module.dhis2sync.tracking.InstanceTracker;
import org.openmrs.module.dhis2sync.tracking.SyncCategory;
import org.openmrs.module.dhis2sync.tracking.SyncStatus;

/**
 * Issue 13, points 8 and 13: a tracked entity or enrollment registered at another clinic keeps its org unit, and one
 * person registered twice in OpenMRS never becomes two "unique" records in DHIS2 nor one tracked entity shared by two
 * patients — on both API generations.
 */
class DuplicatesAndOwnersSyncTest {

    private static final String OTHER_CLINIC = "OuOther0001";

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

    private FailedRecord patientFailure(String uuid) {
        return harness.db.inTransaction(() -> harness.db.failedRecordDao().find(harness.mappingUuid,
                SyncCategory.INSTANCE, uuid));
    }

    private long trackedEntitiesWithId(String nationalId) {
        return harness.dhis2.trackedEntities().stream()
                .filter(t -> nationalId.equals(t.attributes().get("TeaNatIdNo1"))).count();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("apis")
    void aTrackedEntityAndEnrollmentRegisteredElsewhereKeepTheirOrgUnitOnEveryUpdate(String name,
            FakeDhis2.Version version, ApiChoice api) {
        harness = SyncHarness.start(version, api);
        harness.dhis2.metadata().addOrgUnit(new Metadata.OrgUnit(OTHER_CLINIC, "Other Clinic", "OTHER", null));
        harness.dhis2.seedTrackedEntity(FakeTrackedEntity.of("TeElsewhr01", "TetPerson01", OTHER_CLINIC,
                Map.of("TeaNatIdNo1", "NAT-001", "TeaFirstNm1", "Jane", "TeaLastNme1", "Doe")));
        harness.dhis2.seedEnrollment(FakeEnrollment.active("EnElsewhr01", "TeElsewhr01", SyncHarness.PROGRAM,
                OTHER_CLINIC, LocalDate.of(2024, 6, 1).atStartOfDay()));
        harness.openmrs.putPatient(patient("p-1", "NAT-001", "Jane", "F"));
        harness.openmrs.putEnrollment(enrollment("pp-1", "p-1", "2025-01-10", null));
        assertThat(harness.sync().getStatus()).isEqualTo(SyncStatus.SUCCESS);

        // edited here later: the updates keep the other clinic as owner
        harness.openmrs.putPatient(patient("p-1", "NAT-001", "Janet", "F"));
        harness.openmrs.putEnrollment(enrollment("pp-1", "p-1", "2025-01-11", null));
        RunState update = harness.sync();

        assertThat(update.getStatus()).as(String.valueOf(update.getStatusInfo())).isEqualTo(SyncStatus.SUCCESS);
        FakeTrackedEntity entity = harness.dhis2.trackedEntity("TeElsewhr01").orElseThrow();
        assertThat(entity.attributes()).containsEntry("TeaFirstNm1", "Janet");
        assertThat(entity.orgUnit()).isEqualTo(OTHER_CLINIC);
        assertThat(harness.dhis2.enrollments()).hasSize(1);
        assertThat(harness.dhis2.enrollment("EnElsewhr01").orElseThrow().orgUnit()).isEqualTo(OTHER_CLINIC);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("apis")
    void twoPatientsOfOneBatchWithOneNationalIdNeverBecomeTwoRecordsInDhis2(String name, FakeDhis2.Version version,
            ApiChoice api) {
        harness = SyncHarness.start(version, api);
        harness.openmrs.putPatient(patient("p-1", "NAT-001", "Jane", "F"));
        harness.openmrs.putEnrollment(enrollment("pp-1", "p-1", "2025-01-10", null));
        harness.openmrs.putPatient(patient("p-2", "nat-001", "Janet", "F"));
        harness.openmrs.putEnrollment(enrollment("pp-2", "p-2", "2025-01-11", null));

        RunState first = harness.sync();

        assertThat(first.getStatus()).as("one record's problem never fails the run").isEqualTo(SyncStatus.PARTIAL);
        assertThat(trackedEntitiesWithId("NAT-001") + trackedEntitiesWithId("nat-001")).isEqualTo(1);
        // it waited for the other, then (when the enrollments step asked for it again) went through de-duplication
        assertThat(patientFailure("p-2").getMessage()).contains("probable duplicate registration")
                .contains("p-1").contains("Janet Doe (p-2)");
        assertThat(harness.store.instanceTrackers(List.of("p-2"))).isEmpty();

        // the next run: the one sent is found in DHIS2, and belongs to the other patient
        harness.openmrs.putPatient(patient("p-3", "NAT-003", "Ann", "F"));
        harness.openmrs.putEnrollment(enrollment("pp-3", "p-3", "2025-01-12", null));
        RunState second = harness.sync();

        assertThat(second.getStatus()).isEqualTo(SyncStatus.PARTIAL);
        assertThat(trackedEntitiesWithId("NAT-001") + trackedEntitiesWithId("nat-001")).isEqualTo(1);
        assertThat(trackedEntitiesWithId("NAT-003")).isEqualTo(1);
        assertThat(harness.store.instanceTrackers(List.of("p-2"))).isEmpty();
        assertThat(patientFailure("p-2").getMessage()).contains("probable duplicate registration")
                .contains("Janet Doe (p-2)").contains("p-1");

        // the registration is corrected in OpenMRS: the second patient is a person of its own
        harness.openmrs.putPatient(patient("p-2", "NAT-002", "Janet", "F"));
        RunState corrected = harness.sync();

        assertThat(corrected.getStatus()).as(String.valueOf(corrected.getStatusInfo())).isEqualTo(SyncStatus.SUCCESS);
        assertThat(trackedEntitiesWithId("NAT-002")).isEqualTo(1);
        assertThat(harness.dhis2.enrollments()).hasSize(3);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("apis")
    void twoPatientsMatchingOneTrackedEntityOfDhis2NeverBothGetItsUid(String name, FakeDhis2.Version version,
            ApiChoice api) {
        harness = SyncHarness.start(version, api);
        harness.dhis2.seedTrackedEntity(FakeTrackedEntity.of("TeNational1", "TetPerson01", SyncHarness.ORG_UNIT,
                Map.of("TeaNatIdNo1", "NAT-009", "TeaFirstNm1", "Jane", "TeaLastNme1", "Doe")));
        harness.openmrs.putPatient(patient("p-1", "NAT-009", "Jane", "F"));
        harness.openmrs.putEnrollment(enrollment("pp-1", "p-1", "2025-01-10", null));
        assertThat(harness.sync().getStatus()).isEqualTo(SyncStatus.SUCCESS);
        harness.openmrs.putPatient(patient("p-2", "NAT-009", "Jane", "F"));
        harness.openmrs.putEnrollment(enrollment("pp-2", "p-2", "2025-03-01", null));

        RunState run = harness.sync();

        assertThat(run.getStatus()).isEqualTo(SyncStatus.PARTIAL);
        assertThat(harness.store.instanceTrackers(List.of("p-1", "p-2")))
                .containsOnlyKeys("p-1");
        assertThat(patientFailure("p-2").getMessage()).contains("probable duplicate registration")
                .contains("TeNational1").contains("p-1").contains("p-2");
        assertThat(harness.dhis2.trackedEntities()).hasSize(1);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("apis")
    void twoPatientsAlreadyTrackedToOneTrackedEntityNoLongerFailTheWholeRun(String name, FakeDhis2.Version version,
            ApiChoice api) {
        harness = SyncHarness.start(version, api);
        harness.openmrs.putPatient(patient("p-1", "NAT-009", "Jane", "F"));
        harness.openmrs.putEnrollment(enrollment("pp-1", "p-1", "2025-01-10", null));
        harness.openmrs.putPatient(patient("p-3", "NAT-003", "Ann", "F"));
        harness.openmrs.putEnrollment(enrollment("pp-3", "p-3", "2025-01-12", null));
        assertThat(harness.sync().getStatus()).isEqualTo(SyncStatus.SUCCESS);
        // an earlier version gave the same tracked entity to a second patient
        InstanceTracker shared = new InstanceTracker();
        shared.setPatientUuid("p-2");
        shared.setInstanceUid(harness.store.instanceTrackers(List.of("p-1")).get("p-1").getInstanceUid());
        shared.setConfirmed(true);
        shared.setDateCreated(harness.now());
        harness.store.saveInstanceTrackers(List.of(shared));
        harness.openmrs.putPatient(patient("p-2", "NAT-009", "Jane", "F"));
        harness.openmrs.putEnrollment(enrollment("pp-2", "p-2", "2025-03-01", null));
        harness.openmrs.putPatient(patient("p-1", "NAT-009", "Jane", "F"));
        harness.openmrs.putPatient(patient("p-3", "NAT-003", "Anne", "F"));

        RunState run = harness.sync();

        assertThat(run.getStatus()).as(String.valueOf(run.getStatusInfo())).isEqualTo(SyncStatus.PARTIAL);
        assertThat(patientFailure("p-2").getMessage()).contains("probable duplicate registration")
                .contains("p-1").contains("p-2");
        assertThat(patientFailure("p-1")).isNull();
        assertThat(harness.dhis2.trackedEntities().stream().filter(t -> "Anne".equals(t.attributes().get("TeaFirstNm1"))))
                .hasSize(1);
    }
}
