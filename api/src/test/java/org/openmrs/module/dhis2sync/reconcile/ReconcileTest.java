package org.openmrs.module.dhis2sync.reconcile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openmrs.module.dhis2sync.sync.SyncHarness.enrollment;
import static org.openmrs.module.dhis2sync.sync.SyncHarness.note;
import static org.openmrs.module.dhis2sync.sync.SyncHarness.patient;
import static org.openmrs.module.dhis2sync.sync.SyncHarness.visit;
import static org.openmrs.module.dhis2sync.sync.SyncHarness.weight;

import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
import org.openmrs.module.dhis2sync.sync.RunRequest;
import org.openmrs.module.dhis2sync.sync.RunState;
import org.openmrs.module.dhis2sync.sync.SyncHarness;
import org.openmrs.module.dhis2sync.tracking.EnrollmentTracker;
import org.openmrs.module.dhis2sync.tracking.EventTracker;
import org.openmrs.module.dhis2sync.tracking.InstanceTracker;
import org.openmrs.module.dhis2sync.tracking.SyncCategory;
import org.openmrs.module.dhis2sync.tracking.SyncLog;
import org.openmrs.module.dhis2sync.tracking.SyncStatus;

/**
 * Reconcile and resend end to end, on both API generations: records deleted, changed and added in DHIS2 behind the
 * module's back (the fake's state changed directly) are found with the right field, and one resend makes the next
 * reconcile come back clean, leaving what the module did not send alone.
 */
class ReconcileTest {

    private SyncHarness harness;
    private ReconcileStore reconcileStore;
    private Reconciler reconciler;

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

    private void start(FakeDhis2.Version version, ApiChoice api) {
        harness = SyncHarness.start(version, api);
        reconcileStore = new ReconcileStore(harness.db.getTransactions(), harness.db.instanceTrackerDao(),
                harness.db.enrollmentTrackerDao(), harness.db.eventTrackerDao());
        reconciler = new Reconciler(harness.engine, reconcileStore);
        harness.openmrs.putPatient(patient("p-1", "NAT-001", "Jane", "F"));
        harness.openmrs.putEnrollment(enrollment("pp-1", "p-1", "2025-01-10", null));
        harness.openmrs.putEncounter(visit("enc-1", "p-1", "2025-02-01", weight("62.5"), note("first visit")));
        harness.openmrs.putEncounter(visit("enc-2", "p-1", "2025-03-01", weight("61")));
        harness.openmrs.putPatient(patient("p-2", "NAT-002", "John", "M"));
        harness.openmrs.putEnrollment(enrollment("pp-2", "p-2", "2025-01-12", null));
        harness.openmrs.putEncounter(visit("enc-3", "p-2", "2025-02-03", weight("80")));
        harness.openmrs.putPatient(patient("p-3", "NAT-003", "Ann", "F"));
        harness.openmrs.putEnrollment(enrollment("pp-3", "p-3", "2025-01-15", null));
        harness.openmrs.putEncounter(visit("enc-4", "p-3", "2025-02-05", weight("55")));
        RunState first = harness.sync();
        assertThat(first.getStatus()).as(String.valueOf(first.getStatusInfo())).isEqualTo(SyncStatus.SUCCESS);
    }

    private String lastRunId;

    private ReconcileJob run(boolean resend) {
        ReconcileJob job = new ReconcileJob(reconciler, reconcileStore, harness.mappingUuid,
                harness.request().getConfig(), resend);
        RunState state = harness.runner.runNow(new RunRequest(harness.mappingUuid, harness.request().getConfig(),
                "admin", resend ? "repair" : "check", job), "test");
        assertThat(state.getStatus()).as(String.valueOf(state.getStatusInfo())).isNotEqualTo(SyncStatus.FAILED);
        lastRunId = state.getRunId();
        return job;
    }

    private String instanceUid(String patientUuid) {
        return harness.store.instanceTrackers(List.of(patientUuid)).get(patientUuid).getInstanceUid();
    }

    private String enrollmentUid(String patientProgramUuid) {
        return harness.store.enrollmentTrackers(List.of(patientProgramUuid)).get(patientProgramUuid)
                .getEnrollmentUid();
    }

    private String eventUid(String encounterUuid) {
        return harness.store.eventTrackers(List.of(encounterUuid)).get(0).getEventUid();
    }

    private static Optional<Drift> find(ReconcileReport report, DriftKind kind, SyncCategory category, String uuid) {
        return report.getDrifts().stream().filter(d -> d.getKind() == kind && d.getCategory() == category
                && java.util.Objects.equals(d.getOpenmrsUuid(), uuid)).findFirst();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("apis")
    void aCleanMappingReconcilesClean(String name, FakeDhis2.Version version, ApiChoice api) {
        start(version, api);

        ReconcileReport report = run(false).getReport();

        assertThat(report.getDrifts()).isEmpty();
        assertThat(report.getChecked()).containsEntry(SyncCategory.INSTANCE, 3)
                .containsEntry(SyncCategory.ENROLLMENT, 3).containsEntry(SyncCategory.EVENT, 4);
        assertThat(report.isClean()).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("apis")
    void driftBehindTheModulesBackIsFoundWithItsFieldsAndOneResendMakesTheNextReconcileClean(String name,
            FakeDhis2.Version version, ApiChoice api) {
        start(version, api);
        // changed in DHIS2: Jane's first name, her first visit's weight, her enrollment completed by hand
        FakeTrackedEntity jane = harness.dhis2.trackedEntity(instanceUid("p-1")).orElseThrow();
        Map<String, String> attributes = new LinkedHashMap<>(jane.attributes());
        attributes.put("TeaFirstNm1", "Janet");
        harness.dhis2.seedTrackedEntity(new FakeTrackedEntity(jane.uid(), jane.trackedEntityType(), jane.orgUnit(),
                attributes, jane.created(), jane.updated()));
        FakeEvent visit1 = harness.dhis2.event(eventUid("enc-1")).orElseThrow();
        Map<String, String> values = new LinkedHashMap<>(visit1.dataValues());
        values.put("DeWeightKg1", "70");
        harness.dhis2.seedEvent(new FakeEvent(visit1.uid(), visit1.enrollment(), visit1.trackedEntity(),
                visit1.program(), visit1.programStage(), visit1.orgUnit(), visit1.status(), visit1.occurredAt(),
                values));
        FakeEnrollment janes = harness.dhis2.enrollment(enrollmentUid("pp-1")).orElseThrow();
        harness.dhis2.seedEnrollment(new FakeEnrollment(janes.uid(), janes.trackedEntity(), janes.program(),
                janes.orgUnit(), "COMPLETED", janes.enrolledAt(), janes.occurredAt(), null));
        // added in DHIS2 by hand: an event in Jane's enrollment
        harness.dhis2.seedEvent(new FakeEvent("EvByHand001", janes.uid(), janes.trackedEntity(), janes.program(),
                SyncHarness.STAGE, janes.orgUnit(), "COMPLETED", LocalDateTime.of(2025, 4, 1, 0, 0),
                Map.of("DeWeightKg1", "63")));
        // deleted in DHIS2 by hand: Jane's second visit, and John with everything under him
        String visit2Uid = eventUid("enc-2");
        harness.dhis2.deleteByHand(visit2Uid);
        String johnUid = instanceUid("p-2");
        harness.dhis2.deleteByHand(johnUid);
        // lost in a restore of DHIS2 from an older backup: Ann's visit (its UID is free again)
        String annsVisit = eventUid("enc-4");
        harness.dhis2.loseInRestore(annsVisit);

        ReconcileJob reconcile = run(false);
        ReconcileReport report = reconcile.getReport();

        Drift janeDrift = find(report, DriftKind.DIFFERENT, SyncCategory.INSTANCE, "p-1").orElseThrow();
        assertThat(janeDrift.getFields()).singleElement().satisfies(f -> {
            assertThat(f.getField()).isEqualTo("TeaFirstNm1");
            assertThat(f.getName()).isEqualTo("Verify First name");
            assertThat(f.getDhis2Value()).isEqualTo("Janet");
            assertThat(f.getOpenmrsValue()).isEqualTo("Jane");
        });
        Drift weightDrift = find(report, DriftKind.DIFFERENT, SyncCategory.EVENT, "enc-1").orElseThrow();
        assertThat(weightDrift.getFields()).singleElement().satisfies(f -> {
            assertThat(f.getField()).isEqualTo("DeWeightKg1");
            assertThat(f.getDhis2Value()).isEqualTo("70");
            assertThat(f.getOpenmrsValue()).isEqualTo("62.5");
        });
        Drift statusDrift = find(report, DriftKind.DIFFERENT, SyncCategory.ENROLLMENT, "pp-1").orElseThrow();
        assertThat(statusDrift.getFields()).extracting(FieldDifference::getField).containsExactly("status");
        assertThat(statusDrift.getFields().get(0).getDhis2Value()).isEqualTo("COMPLETED");
        assertThat(statusDrift.getFields().get(0).getOpenmrsValue()).isEqualTo("ACTIVE");
        assertThat(find(report, DriftKind.MISSING, SyncCategory.EVENT, "enc-2")).isPresent();
        assertThat(find(report, DriftKind.MISSING, SyncCategory.INSTANCE, "p-2")).isPresent();
        assertThat(find(report, DriftKind.MISSING, SyncCategory.ENROLLMENT, "pp-2")).isPresent();
        assertThat(find(report, DriftKind.MISSING, SyncCategory.EVENT, "enc-3")).isPresent();
        assertThat(find(report, DriftKind.MISSING, SyncCategory.EVENT, "enc-4")).isPresent();
        assertThat(report.getDrifts()).filteredOn(d -> d.getKind() == DriftKind.EXTRA).singleElement()
                .satisfies(d -> {
                    assertThat(d.getDhis2Uid()).isEqualTo("EvByHand001");
                    assertThat(d.getParentUid()).isEqualTo(janes.uid());
                });
        assertThat(report.getCounts()).containsEntry(DriftKind.MISSING, 5).containsEntry(DriftKind.DIFFERENT, 3)
                .containsEntry(DriftKind.EXTRA, 1);
        SyncLog logged = lastLog();
        assertThat(logged.getKind()).isEqualTo("RECONCILE");
        assertThat(logged.getStatus()).isEqualTo(SyncStatus.DRIFT);
        assertThat(logged.getSyncedBy()).isEqualTo("admin");
        assertThat(logged.getComments()).isEqualTo("check");
        assertThat(logged.getStatusInfo()).startsWith("Drift found: 5 missing, 3 different, 1 extra");
        assertThat(logged.getDetails()).contains("DIFFERENT INSTANCE p-1", "TeaFirstNm1", "'Janet'", "'Jane'");

        ReconcileJob resend = run(true);
        assertThat(lastLog().getKind()).isEqualTo("RESEND");
        assertThat(lastLog().getStatus()).as(lastLog().getStatusInfo() + "\n" + lastLog().getDetails())
                .isEqualTo(SyncStatus.SUCCESS);
        assertThat(resend.getResent().size()).isEqualTo(8);

        ReconcileReport after = run(false).getReport();
        assertThat(after.getDrifts()).as(after.getDrifts().toString()).singleElement()
                .satisfies(d -> assertThat(d.getDhis2Uid()).isEqualTo("EvByHand001"));
        assertThat(after.isClean()).isTrue();
        assertThat(after.getChecked()).containsEntry(SyncCategory.INSTANCE, 3)
                .containsEntry(SyncCategory.ENROLLMENT, 3).containsEntry(SyncCategory.EVENT, 4);
        // what the module did not send is untouched; what DHIS2 deleted came back under new UIDs
        assertThat(harness.dhis2.event("EvByHand001").orElseThrow().dataValues()).containsEntry("DeWeightKg1", "63");
        assertThat(harness.dhis2.trackedEntity(instanceUid("p-1")).orElseThrow().attributes())
                .containsEntry("TeaFirstNm1", "Jane");
        assertThat(harness.dhis2.enrollment(enrollmentUid("pp-1")).orElseThrow().status()).isEqualTo("ACTIVE");
        assertThat(eventUid("enc-2")).isNotEqualTo(visit2Uid);
        assertThat(instanceUid("p-2")).isNotEqualTo(johnUid);
        assertThat(harness.dhis2.trackedEntity(instanceUid("p-2")).orElseThrow().attributes())
                .containsEntry("TeaNatIdNo1", "NAT-002");
        assertThat(harness.dhis2.event(eventUid("enc-3")).orElseThrow().dataValues())
                .containsEntry("DeWeightKg1", "80");
        assertThat(harness.dhis2.event(eventUid("enc-4")).orElseThrow().dataValues())
                .containsEntry("DeWeightKg1", "55");
    }

    private SyncLog lastLog() {
        return harness.db.inTransaction(() -> harness.db.syncLogDao().findByRunId(lastRunId));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("apis")
    void resendFromADateCountsWhatItWillSendThenSendsItAgainAndMovesTheMarkersOn(String name,
            FakeDhis2.Version version, ApiChoice api) {
        start(version, api);
        FakeTrackedEntity jane = harness.dhis2.trackedEntity(instanceUid("p-1")).orElseThrow();
        Map<String, String> attributes = new LinkedHashMap<>(jane.attributes());
        attributes.put("TeaFirstNm1", "Janet");
        harness.dhis2.seedTrackedEntity(new FakeTrackedEntity(jane.uid(), jane.trackedEntityType(), jane.orgUnit(),
                attributes, jane.created(), jane.updated()));
        java.util.Date beforeEverything = date(LocalDateTime.of(2025, 12, 31, 0, 0));
        java.util.Date afterEverything = date(LocalDateTime.of(2026, 1, 1, 8, 30));

        assertThat(harness.engine.countChangedSince(harness.request().getConfig(), beforeEverything))
                .containsEntry(SyncCategory.INSTANCE, 3).containsEntry(SyncCategory.ENROLLMENT, 3)
                .containsEntry(SyncCategory.EVENT, 4);
        assertThat(harness.engine.countChangedSince(harness.request().getConfig(), afterEverything))
                .containsEntry(SyncCategory.INSTANCE, 0).containsEntry(SyncCategory.ENROLLMENT, 0)
                .containsEntry(SyncCategory.EVENT, 0);

        harness.tick(java.time.Duration.ofHours(1));
        RunState state = harness.runner.runNow(new RunRequest(harness.mappingUuid, harness.request().getConfig(),
                "admin", "mapping edited", new ResendFromDateJob(harness.store, harness.mappingUuid,
                        harness.request().getConfig(), beforeEverything)), "test");

        assertThat(state.getStatus()).as(String.valueOf(state.getStatusInfo())).isEqualTo(SyncStatus.SUCCESS);
        lastRunId = state.getRunId();
        SyncLog logged = lastLog();
        assertThat(logged.getKind()).isEqualTo("RESEND_FROM_DATE");
        assertThat(logged.getComments()).isEqualTo("mapping edited");
        assertThat(logged.getStatusInfo()).startsWith("Resent from 2025-12-31 00:00");
        assertThat(logged.getPatientsUpdated()).isEqualTo(3);
        assertThat(logged.getEventsUpdated()).isEqualTo(4);
        assertThat(harness.dhis2.trackedEntity(jane.uid()).orElseThrow().attributes())
                .containsEntry("TeaFirstNm1", "Jane");
        assertThat(harness.store.marker(harness.mappingUuid, SyncCategory.INSTANCE)).isAfter(afterEverything);
        assertThat(run(false).getReport().getDrifts()).isEmpty();
    }

    private java.util.Date date(LocalDateTime time) {
        return java.util.Date.from(time.atZone(harness.zone).toInstant());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("apis")
    void readsDhis2InPagesByTheTrackedUidsAFewRequestsPerPage(String name, FakeDhis2.Version version, ApiChoice api) {
        start(version, api);
        for (int i = 10; i < 130; i++) {
            harness.openmrs.putPatient(patient("p-" + i, "NAT-" + i, "Pat" + i, "F"));
            harness.openmrs.putEnrollment(enrollment("pp-" + i, "p-" + i, "2025-01-10", null));
            harness.openmrs.putEncounter(visit("enc-" + i, "p-" + i, "2025-02-01", weight("60")));
        }
        assertThat(harness.sync().getStatus()).isEqualTo(SyncStatus.SUCCESS);
        harness.dhis2.clearRequests();

        ReconcileReport report = run(false).getReport();

        assertThat(report.getChecked()).containsEntry(SyncCategory.INSTANCE, 123)
                .containsEntry(SyncCategory.ENROLLMENT, 123).containsEntry(SyncCategory.EVENT, 124);
        assertThat(report.getDrifts()).isEmpty();
        Map<String, Integer> byKind = harness.dhis2.requestCountsByKind();
        // 123 tracked entities in pages of the batch size (50): 3 pages, each with one read of its tracked entities
        // and one of their enrollments (with their events listed) by UID list, and its events by UID list (50 UIDs
        // per request); a full page of 50 results costs one more request to learn it was the last
        String entities = api == ApiChoice.LEGACY ? "GET /api/trackedEntityInstances" : "GET /api/tracker/trackedEntities";
        String events = api == ApiChoice.LEGACY ? "GET /api/events" : "GET /api/tracker/events";
        assertThat(byKind.get(entities)).as(byKind.toString()).isBetween(6, 12);
        assertThat(byKind.get(events)).as(byKind.toString()).isBetween(3, 8);
        int total = byKind.values().stream().mapToInt(Integer::intValue).sum();
        assertThat(total).as(byKind.toString()).isLessThanOrEqualTo(22);
        assertThat(byKind.keySet()).as("reads only").allMatch(kind -> kind.startsWith("GET "));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("apis")
    void aResendNeverTakesOverWhatTheModuleDidNotSend(String name, FakeDhis2.Version version, ApiChoice api) {
        start(version, api);
        // Jane's enrollment deleted in DHIS2, and another one made by hand for her, active
        FakeEnrollment janes = harness.dhis2.enrollment(enrollmentUid("pp-1")).orElseThrow();
        harness.dhis2.deleteByHand(janes.uid());
        harness.dhis2.seedEnrollment(FakeEnrollment.active("EnByHand001", janes.trackedEntity(), janes.program(),
                janes.orgUnit(), LocalDateTime.of(2025, 6, 1, 0, 0)));

        ReconcileReport report = run(false).getReport();

        assertThat(find(report, DriftKind.MISSING, SyncCategory.ENROLLMENT, "pp-1")).isPresent();
        assertThat(find(report, DriftKind.MISSING, SyncCategory.EVENT, "enc-1")).isPresent();
        assertThat(report.getDrifts()).filteredOn(d -> d.getKind() == DriftKind.EXTRA)
                .extracting(Drift::getDhis2Uid).containsExactly("EnByHand001");

        ReconcileJob resend = run(true);

        // DHIS2 keeps one active enrollment per program: the module's own comes back only once the hand-made one is
        // dealt with in DHIS2; the module never re-uses or changes it
        FakeEnrollment byHand = harness.dhis2.enrollment("EnByHand001").orElseThrow();
        assertThat(byHand.status()).isEqualTo("ACTIVE");
        assertThat(byHand.enrolledAt()).isEqualTo(LocalDateTime.of(2025, 6, 1, 0, 0));
        assertThat(harness.dhis2.events()).noneMatch(e -> "EnByHand001".equals(e.enrollment()));
        assertThat(resend.getResent().getEnrollmentUuids()).containsExactly("pp-1");
        assertThat(enrollmentUid("pp-1")).isNotEqualTo(janes.uid()).isNotEqualTo("EnByHand001");
        assertThat(lastLog().getStatus()).isEqualTo(SyncStatus.PARTIAL);
        assertThat(lastLog().getDetails()).contains("pp-1");
    }
}
