package org.openmrs.module.dhis2sync.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openmrs.module.dhis2sync.sync.SyncHarness.enrollment;
import static org.openmrs.module.dhis2sync.sync.SyncHarness.patient;

import java.util.LinkedHashMap;
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
import org.openmrs.module.dhis2sync.dhis2.fake.FakeTrackedEntity;
import org.openmrs.module.dhis2sync.mapping.AttributeMapping;
import org.openmrs.module.dhis2sync.mapping.InstanceMapping;
import org.openmrs.module.dhis2sync.mapping.MappingConfig;
import org.openmrs.module.dhis2sync.source.PatientRecord;
import org.openmrs.module.dhis2sync.tracking.FailedRecord;
import org.openmrs.module.dhis2sync.tracking.InstanceTracker;
import org.openmrs.module.dhis2sync.tracking.SyncCategory;
import org.openmrs.module.dhis2sync.tracking.SyncLog;
import org.openmrs.module.dhis2sync.tracking.SyncStatus;

/** Step 1 of a run, end to end: OpenMRS patients into DHIS2 tracked entities, on both API generations. */
class PatientSyncTest {

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

    private void start(FakeDhis2.Version version, ApiChoice api) {
        harness = SyncHarness.start(version, api);
    }

    /** A patient in the program (patients are read through their program enrollment). */
    private void register(PatientRecord patient) {
        harness.openmrs.putPatient(patient);
        harness.openmrs.putEnrollment(enrollment("pp-" + patient.getUuid(), patient.getUuid(), "2025-06-01", null));
    }

    private InstanceTracker tracker(String patientUuid) {
        return harness.store.instanceTrackers(List.of(patientUuid)).get(patientUuid);
    }

    private SyncLog log(RunState run) {
        return harness.db.inTransaction(() -> harness.db.syncLogDao().findByRunId(run.getRunId()));
    }

    private List<FakeTrackedEntity> withNationalId(String nationalId) {
        return harness.dhis2.trackedEntities().stream()
                .filter(te -> nationalId.equals(te.attributes().get("TeaNatIdNo1"))).collect(Collectors.toList());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("apis")
    void newPatientsAreCreatedOnceThenOnlyTheChangedOneIsUpdated(String name, FakeDhis2.Version version, ApiChoice api) {
        start(version, api);
        register(patient("p-1", "NAT-001", "Jane", "F"));
        register(patient("p-2", "NAT-002", "John", "M"));
        register(patient("p-3", "NAT-003", "Joan", "F"));

        RunState first = harness.sync();

        assertThat(first.getStatus()).isEqualTo(SyncStatus.SUCCESS);
        assertThat(harness.dhis2.trackedEntities()).hasSize(3);
        FakeTrackedEntity jane = withNationalId("NAT-001").get(0);
        assertThat(jane.attributes()).containsEntry("TeaFirstNm1", "Jane").containsEntry("TeaLastNme1", "Doe")
                .containsEntry("TeaSexAttr1", "FEMALE");
        assertThat(jane.orgUnit()).isEqualTo(SyncHarness.ORG_UNIT);
        assertThat(tracker("p-1").getInstanceUid()).isEqualTo(jane.uid());
        assertThat(tracker("p-1").isConfirmed()).isTrue();
        assertThat(log(first).getPatientsCreated()).isEqualTo(3);

        RunState nothingChanged = harness.sync();
        assertThat(harness.dhis2.trackedEntities()).hasSize(3);
        assertThat(log(nothingChanged).getPatientsCreated()).isZero();
        assertThat(log(nothingChanged).getPatientsUpdated()).isZero();

        harness.openmrs.putPatient(patient("p-2", "NAT-002", "Johnny", "M"));
        RunState changed = harness.sync();
        assertThat(harness.dhis2.trackedEntities()).hasSize(3);
        assertThat(withNationalId("NAT-002").get(0).attributes()).containsEntry("TeaFirstNm1", "Johnny");
        assertThat(log(changed).getPatientsCreated()).isZero();
        assertThat(log(changed).getPatientsUpdated()).isEqualTo(1);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("apis")
    void aPatientDhis2AlreadyHasIsFoundByItsSearchableAttributeAndUpdated(String name, FakeDhis2.Version version,
            ApiChoice api) {
        start(version, api);
        harness.dhis2.seedTrackedEntity(FakeTrackedEntity.of("TeOtherClin", "TetPerson01", SyncHarness.ORG_UNIT,
                Map.of("TeaNatIdNo1", "NAT-001", "TeaFirstNm1", "Jane")));
        register(patient("p-1", "NAT-001", "Janet", "F"));
        register(patient("p-2", "NAT-002", "John", "M"));

        harness.sync();

        assertThat(harness.dhis2.trackedEntities()).hasSize(2);
        assertThat(tracker("p-1").getInstanceUid()).isEqualTo("TeOtherClin");
        assertThat(harness.dhis2.trackedEntity("TeOtherClin").orElseThrow().attributes())
                .containsEntry("TeaFirstNm1", "Janet");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("apis")
    void severalMatchesLeftAfterComparingAreSentAsNewAndListedInTheLog(String name, FakeDhis2.Version version,
            ApiChoice api) {
        start(version, api);
        // family name is searchable here (not unique in DHIS2), given name comparable
        MappingConfig byFamilyName = withAttributes(List.of(
                new AttributeMapping("familyName", "TeaLastNme1", true, false),
                new AttributeMapping("givenName", "TeaFirstNm1", false, true)));
        harness.setMapping(byFamilyName);
        harness.dhis2.seedTrackedEntity(FakeTrackedEntity.of("TeJaneDoe01", "TetPerson01", SyncHarness.ORG_UNIT,
                Map.of("TeaLastNme1", "Doe", "TeaFirstNm1", "Jane")));
        harness.dhis2.seedTrackedEntity(FakeTrackedEntity.of("TeJaneDoe02", "TetPerson01", SyncHarness.ORG_UNIT,
                Map.of("TeaLastNme1", "Doe", "TeaFirstNm1", "Jane")));
        harness.dhis2.seedTrackedEntity(FakeTrackedEntity.of("TeJohnDoe01", "TetPerson01", SyncHarness.ORG_UNIT,
                Map.of("TeaLastNme1", "Doe", "TeaFirstNm1", "John")));
        register(patient("p-jane", null, "Jane", "F"));
        register(patient("p-john", null, "John", "M"));

        RunState run = harness.sync();

        assertThat(tracker("p-john").getInstanceUid()).as("narrowed to one by the comparable given name")
                .isEqualTo("TeJohnDoe01");
        assertThat(tracker("p-jane").getInstanceUid()).isNotIn("TeJaneDoe01", "TeJaneDoe02");
        assertThat(harness.dhis2.trackedEntities()).hasSize(4);
        SyncLog log = log(run);
        assertThat(log.getAmbiguousCount()).isEqualTo(1);
        assertThat(log.getDetails()).contains("p-jane").contains("TeJaneDoe01").contains("TeJaneDoe02");
        assertThat(log.getStatus()).isEqualTo(SyncStatus.SUCCESS);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("apis")
    void aPatientDhis2RefusesDoesNotStopTheOthersAndIsRetriedByTheNextRun(String name, FakeDhis2.Version version,
            ApiChoice api) {
        start(version, api);
        register(patient("p-1", "NAT-001", "Jane", "F"));
        register(patient("p-odd", "NAT-002", "Alex", "O")); // "O" is no option of DHIS2's sex option set
        register(patient("p-3", "NAT-003", "Joan", "F"));

        RunState first = harness.sync();

        assertThat(first.getStatus()).isEqualTo(SyncStatus.PARTIAL);
        assertThat(harness.dhis2.trackedEntities()).hasSize(2);
        FailedRecord failure = harness.db.inTransaction(
                () -> harness.db.failedRecordDao().find(harness.mappingUuid, SyncCategory.INSTANCE, "p-odd"));
        assertThat(failure).isNotNull();
        assertThat(failure.getMessage()).contains("O");
        assertThat(failure.getAttempts()).isEqualTo(1);
        // its enrollment cannot go either, and is kept with a message that says why
        FailedRecord enrollmentFailure = harness.db.inTransaction(() -> harness.db.failedRecordDao()
                .find(harness.mappingUuid, SyncCategory.ENROLLMENT, "pp-p-odd"));
        assertThat(enrollmentFailure.getMessage()).contains("patient p-odd is not in DHIS2 yet");
        assertThat(log(first).getFailedCount()).isEqualTo(2);
        assertThat(log(first).getStatusInfo()).contains("retried by the next run");

        // the implementer maps OpenMRS's "O" to a DHIS2 option; the patient itself did not change
        harness.setMapping(withGenderCodes(Map.of("M", "MALE", "F", "FEMALE", "O", "FEMALE")));
        RunState retry = harness.sync();

        assertThat(retry.getStatus()).isEqualTo(SyncStatus.SUCCESS);
        assertThat(harness.dhis2.trackedEntities()).hasSize(3);
        assertThat(withNationalId("NAT-002")).hasSize(1);
        assertThat(harness.db.inTransaction(() -> harness.db.failedRecordDao().findByMapping(harness.mappingUuid)))
                .isEmpty();
        assertThat(harness.dhis2.enrollments()).hasSize(3);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("apis")
    void aPatientWithoutOrgUnitIsARecordErrorNotAFailedRun(String name, FakeDhis2.Version version, ApiChoice api) {
        start(version, api);
        register(patient("p-1", "NAT-001", "Jane", "F"));
        PatientRecord elsewhere = new PatientRecord("p-away", "Ann", null, "Doe", "F", null, false,
                Map.of(SyncHarness.NATIONAL_ID_TYPE, "NAT-009"), Map.of(), Map.of(), "unmapped-location");
        register(elsewhere);

        RunState first = harness.sync();

        assertThat(first.getStatus()).isEqualTo(SyncStatus.PARTIAL);
        assertThat(harness.dhis2.trackedEntities()).hasSize(1);
        FailedRecord failure = harness.db.inTransaction(
                () -> harness.db.failedRecordDao().find(harness.mappingUuid, SyncCategory.INSTANCE, "p-away"));
        assertThat(failure.getMessage()).contains("unmapped-location").contains("dhis2sync.orgUnit.default");

        harness.setSettings(new RunSettings(50, SyncHarness.ORG_UNIT));
        assertThat(harness.sync().getStatus()).isEqualTo(SyncStatus.SUCCESS);
        assertThat(harness.dhis2.trackedEntities()).hasSize(2);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("apis")
    void whenDhis2IsDownTheRunFailsKeepsItsMarkersAndTheNextRunSendsEverything(String name,
            FakeDhis2.Version version, ApiChoice api) {
        start(version, api);
        register(patient("p-1", "NAT-001", "Jane", "F"));
        register(patient("p-2", "NAT-002", "John", "M"));
        harness.dhis2.failNext(1000, 503);

        RunState failed = harness.sync();

        assertThat(failed.getStatus()).isEqualTo(SyncStatus.FAILED);
        assertThat(log(failed).getStatusInfo()).contains("markers did not move");
        assertThat(harness.store.marker(harness.mappingUuid, SyncCategory.INSTANCE)).isNull();
        assertThat(harness.dhis2.trackedEntities()).isEmpty();

        harness.dhis2.failNext(0, 503);
        RunState next = harness.sync();
        assertThat(next.getStatus()).isEqualTo(SyncStatus.SUCCESS);
        assertThat(harness.dhis2.trackedEntities()).hasSize(2);
        assertThat(harness.store.marker(harness.mappingUuid, SyncCategory.INSTANCE)).isNotNull();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("apis")
    void aRunKilledBetweenSendingAndConfirmingUpdatesTheSameTrackedEntityWhenRerun(String name,
            FakeDhis2.Version version, ApiChoice api) {
        start(version, api);
        register(patient("p-1", "NAT-001", "Jane", "F"));
        harness.crashWhenConfirming = true;

        RunState killed = harness.sync();

        assertThat(killed.getStatus()).isEqualTo(SyncStatus.FAILED);
        assertThat(harness.dhis2.trackedEntities()).hasSize(1);
        String uid = harness.dhis2.trackedEntities().get(0).uid();
        assertThat(tracker("p-1").getInstanceUid()).isEqualTo(uid);
        assertThat(tracker("p-1").isConfirmed()).isFalse();

        harness.crashWhenConfirming = false;
        RunState rerun = harness.sync();

        assertThat(rerun.getStatus()).isEqualTo(SyncStatus.SUCCESS);
        assertThat(harness.dhis2.trackedEntities()).hasSize(1);
        assertThat(tracker("p-1").getInstanceUid()).isEqualTo(uid);
        assertThat(tracker("p-1").isConfirmed()).isTrue();
        assertThat(log(rerun).getPatientsCreated()).isZero();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("apis")
    void previewShowsDecisionsAndMappedValuesAndSendsNothing(String name, FakeDhis2.Version version, ApiChoice api) {
        start(version, api);
        register(patient("p-1", "NAT-001", "Jane", "F"));
        harness.sync();
        harness.tick(java.time.Duration.ofMinutes(5));
        harness.openmrs.putPatient(patient("p-1", "NAT-001", "Janet", "F"));
        register(patient("p-2", "NAT-002", "John", "M"));
        harness.dhis2.clearRequests();

        RunTally preview = harness.preview();

        assertThat(harness.dhis2.requests()).isEmpty();
        Map<String, PendingRecord> patients = new LinkedHashMap<>();
        preview.pendingRecords().stream().filter(r -> r.getCategory() == SyncCategory.INSTANCE)
                .forEach(r -> patients.put(r.getOpenmrsUuid(), r));
        assertThat(patients.get("p-1").getDecision()).isEqualTo(Decision.UPDATE);
        assertThat(patients.get("p-1").getDhis2Uid()).isEqualTo(tracker("p-1").getInstanceUid());
        assertThat(patients.get("p-1").getValues()).containsEntry("TeaFirstNm1", "Janet");
        assertThat(patients.get("p-2").getDecision()).isEqualTo(Decision.NEW);
        assertThat(patients.get("p-2").getValues()).containsEntry("TeaSexAttr1", "MALE");
        assertThat(tracker("p-2")).as("preview writes nothing").isNull();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("apis")
    void previewLeavesOutAnOrgUnitItCannotFindInsteadOfShowingTheTextNull(String name, FakeDhis2.Version version,
            ApiChoice api) {
        start(version, api);
        PatientRecord elsewhere = new PatientRecord("p-away", "Ann", null, "Doe", "F", null, false,
                Map.of(SyncHarness.NATIONAL_ID_TYPE, "NAT-009"), Map.of(), Map.of(), "unmapped-location");
        harness.openmrs.putPatient(elsewhere);
        harness.openmrs.putEnrollment(new org.openmrs.module.dhis2sync.source.EnrollmentRecord("pp-away", "p-away",
                SyncHarness.PROGRAM_UUID, java.time.LocalDate.parse("2025-06-01"), null, "unmapped-location", false));

        RunTally preview = harness.preview();

        PendingRecord enrollment = preview.pendingRecords().stream()
                .filter(r -> r.getCategory() == SyncCategory.ENROLLMENT).findFirst().orElseThrow();
        assertThat(enrollment.getValues()).doesNotContainKey("orgUnit").containsEntry("enrolledAt", "2025-06-01");
        assertThat(enrollment.getError()).contains("unmapped-location");
        assertThat(preview.pendingRecords()).allSatisfy(r -> assertThat(r.getValues()).doesNotContainValue("null"));
    }

    private MappingConfig withAttributes(List<AttributeMapping> attributes) {
        MappingConfig base = SyncHarness.mapping(true);
        return new MappingConfig(base.getName(), base.getOpenmrsProgramUuid(), base.getDhis2ProgramUid(),
                base.getTrackedEntityTypeUid(), new InstanceMapping(attributes, base.getInstance().getGenderCodes()),
                base.getEnrollment(), base.getEvents());
    }

    private MappingConfig withGenderCodes(Map<String, String> codes) {
        MappingConfig base = SyncHarness.mapping(true);
        return new MappingConfig(base.getName(), base.getOpenmrsProgramUuid(), base.getDhis2ProgramUid(),
                base.getTrackedEntityTypeUid(), new InstanceMapping(base.getInstance().getAttributes(), codes),
                base.getEnrollment(), base.getEvents());
    }
}
