package org.openmrs.module.dhis2sync.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.openmrs.module.dhis2sync.sync.SyncHarness.enrollment;
import static org.openmrs.module.dhis2sync.sync.SyncHarness.patient;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.openmrs.module.dhis2sync.dhis2.ApiChoice;
import org.openmrs.module.dhis2sync.dhis2.fake.FakeDhis2;
import org.openmrs.module.dhis2sync.source.ClinicalSource;
import org.openmrs.module.dhis2sync.source.PatientRecord;
import org.openmrs.module.dhis2sync.testsupport.TestDatabase;
import org.openmrs.module.dhis2sync.tracking.RunLock;
import org.openmrs.module.dhis2sync.tracking.SyncCategory;
import org.openmrs.module.dhis2sync.tracking.SyncLog;
import org.openmrs.module.dhis2sync.tracking.SyncStatus;

/**
 * Runs as the web layer and the scheduler see them: progress, one run per mapping across servers and restarts
 * (locks of another server taken over when stale, of a previous start of this server at once).
 */
class SyncRunnerTest {

    private SyncHarness harness;
    private final ExecutorService background = Executors.newSingleThreadExecutor();

    @BeforeEach
    void start() {
        startOn(TestDatabase.Kind.H2);
    }

    /** The installation of every test: three patients, one of whom DHIS2 refuses (gender "O"). */
    private void startOn(TestDatabase.Kind kind) {
        if (harness != null) {
            harness.close();
        }
        harness = SyncHarness.start(FakeDhis2.Version.V2_42, ApiChoice.AUTO, kind);
        register(patient("p-1", "NAT-001", "Jane", "F"));
        register(patient("p-odd", "NAT-002", "Alex", "O"));
        register(patient("p-3", "NAT-003", "Joan", "F"));
    }

    @AfterEach
    void stop() throws InterruptedException {
        background.shutdownNow();
        background.awaitTermination(10, TimeUnit.SECONDS);
        harness.close();
    }

    private void register(PatientRecord patient) {
        harness.openmrs.putPatient(patient);
        harness.openmrs.putEnrollment(enrollment("pp-" + patient.getUuid(), patient.getUuid(), "2025-06-01", null));
    }

    private SyncRunner backgroundRunner() {
        return new SyncRunner(harness.engine, harness.db.getTransactions(), harness.db.syncLogDao(),
                harness.db.runLockDao(), harness.clients, harness::settings, background, harness::now);
    }

    @Test
    void aFinishedRunTellsItsTotalsPercentAndErrors() {
        RunState run = harness.sync();

        RunState state = harness.runner.state(run.getRunId());
        assertThat(state.getStatus()).isEqualTo(SyncStatus.PARTIAL);
        CategoryCounts patients = state.getProgress().get(SyncCategory.INSTANCE);
        assertThat(patients.getTotal()).isEqualTo(3);
        assertThat(patients.getDone()).isEqualTo(3);
        assertThat(patients.getCreated()).isEqualTo(2);
        assertThat(patients.getFailed()).isEqualTo(1);
        assertThat(state.getProgress().getPercent()).isEqualTo(100);
        assertThat(state.getErrors()).anyMatch(error -> error.contains("p-odd"));
        assertThat(state.getStatusInfo()).contains("retried by the next run");
    }

    @Test
    void aBackgroundRunShowsItsProgressAndASecondStartOfTheMappingIsRefused() throws Exception {
        harness.dhis2.setLatency(Duration.ofMillis(300));
        SyncRunner runner = backgroundRunner();

        RunState started = runner.start(harness.request(), "manual:admin");

        assertThat(started.getStatus()).isEqualTo(SyncStatus.RUNNING);
        assertThatThrownBy(() -> runner.start(harness.request(), "scheduler"))
                .isInstanceOf(RunInProgressException.class).hasMessageContaining("manual:admin");
        List<Integer> percents = new ArrayList<>();
        RunState state = runner.state(started.getRunId());
        long deadline = System.currentTimeMillis() + 30_000;
        while (state.getStatus() == SyncStatus.RUNNING && System.currentTimeMillis() < deadline) {
            percents.add(state.getProgress().getPercent());
            Thread.sleep(50);
            state = runner.state(started.getRunId());
        }
        assertThat(state.getStatus()).isEqualTo(SyncStatus.PARTIAL);
        assertThat(percents).as("progress seen while running").anyMatch(p -> p > 0 && p < 100);
        assertThat(runner.activeRuns()).isEmpty();
        // the lock is free again
        assertThat(runner.start(harness.request(), "manual:admin").getRunId()).isNotEqualTo(started.getRunId());
    }

    @Test
    void aLockOfAnotherServerThatStoppedIsTakenOverOnceStale() {
        Date longAgo = new Date(harness.now().getTime() - SyncRunner.STALE_LOCK_MILLIS - 60_000);
        holdLock("dead-run", "manual:admin", "other-server", "its-start", longAgo);

        RunState run = harness.sync();

        assertThat(run.getStatus()).isEqualTo(SyncStatus.PARTIAL);
        assertThat(harness.dhis2.trackedEntities()).hasSize(2);
        SyncLog interrupted = logRow("dead-run");
        assertThat(interrupted.getStatus()).isEqualTo(SyncStatus.FAILED);
        assertThat(interrupted.getStatusInfo()).startsWith("interrupted: the run showed no sign of life for 10 minutes")
                .contains("Nothing is lost");
        assertThat(interrupted.getEndDate()).hasSameTimeAs(longAgo);
    }

    @Test
    void aFreshLockOfAnotherServerIsRespectedAndNamedWithItsLastSignOfLife() {
        Date started = new Date(harness.now().getTime() - 120_000);
        holdLock("live-run", "scheduler", "other-server", "its-start", started);
        harness.db.inTransaction(() -> harness.db.runLockDao().heartbeat(harness.mappingUuid, "live-run",
                new Date(harness.now().getTime() - 5_000)));

        assertThatThrownBy(() -> harness.runner.runNow(harness.request(), "manual:admin"))
                .isInstanceOf(RunInProgressException.class)
                .hasMessageStartingWith("a sync of mapping 'HTS Service' is already running on server 'other-server'"
                        + " (instance its-start; started by scheduler at " + local(started) + ", last sign of life at "
                        + local(new Date(harness.now().getTime() - 5_000)) + ")")
                .hasMessageContaining("taken over once it has shown no sign of life for 10 minutes");
        assertThat(harness.dhis2.trackedEntities()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(TestDatabase.Kind.class)
    void aLockLeftByAPreviousStartOfThisServerIsFreedAtOnce(TestDatabase.Kind kind) {
        startOn(kind);
        // the previous start died a minute ago, mid-run: its heartbeat is fresh, nothing of it is going
        Date aMinuteAgo = new Date(harness.now().getTime() - 60_000);
        holdLock("died-with-tomcat", "manual:admin", "clinic-server", "start-1", aMinuteAgo);
        SyncRunner restarted = runner(new ServerInstance("clinic-server", "start-2"), Runnable::run);

        RunState run = restarted.runNow(harness.request(), "manual:admin");

        assertThat(run.getStatus()).isEqualTo(SyncStatus.PARTIAL);
        assertThat(harness.dhis2.trackedEntities()).hasSize(2);
        SyncLog interrupted = logRow("died-with-tomcat");
        assertThat(interrupted.getStatus()).isEqualTo(SyncStatus.FAILED);
        assertThat(interrupted.getStatusInfo()).startsWith("interrupted: OpenMRS was stopped or restarted");
        assertThat(harness.db.inTransaction(() -> harness.db.runLockDao().find(harness.mappingUuid))).isNull();
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(TestDatabase.Kind.class)
    void releasingDeadRunsFreesEveryLockOfAPreviousStartOfThisServerAndNoOther(TestDatabase.Kind kind) {
        startOn(kind);
        Date aMinuteAgo = new Date(harness.now().getTime() - 60_000);
        ServerInstance now = new ServerInstance("clinic-server", "start-2");
        holdLock("mapping-a", "died-1", "manual:admin", "clinic-server", "start-1", aMinuteAgo);
        holdLock("mapping-b", "other-server-run", "scheduler", "other-server", "x", aMinuteAgo);
        holdLock("mapping-c", "died-2", "scheduler", "clinic-server", "start-0", aMinuteAgo);
        holdLock("mapping-d", "not-going-here", "scheduler", "clinic-server", "start-2", aMinuteAgo);

        List<String> freed = runner(now, Runnable::run).releaseDeadRuns();

        assertThat(freed).containsExactlyInAnyOrder("died-1", "died-2", "not-going-here");
        assertThat(harness.db.inTransaction(() -> harness.db.runLockDao().find("mapping-b")).getRunId())
                .isEqualTo("other-server-run");
        for (String runId : freed) {
            assertThat(logRow(runId).getStatus()).as(runId).isEqualTo(SyncStatus.FAILED);
            assertThat(logRow(runId).getStatusInfo()).as(runId).startsWith("interrupted: OpenMRS was stopped");
        }
        assertThat(logRow("other-server-run").getStatus()).isEqualTo(SyncStatus.RUNNING);
        assertThat(runner(now, Runnable::run).releaseDeadRuns()).as("nothing left to free").isEmpty();
    }

    @Test
    void twoLiveServersExcludeEachOtherAndTheRefusalNamesTheRunning() throws Exception {
        harness.dhis2.setLatency(Duration.ofMillis(200));
        SyncRunner serverA = runner(new ServerInstance("server-a", "a-1"), background);
        SyncRunner serverB = runner(new ServerInstance("server-b", "b-1"), Runnable::run);

        RunState going = serverA.start(harness.request(), "manual:admin");

        assertThatThrownBy(() -> serverB.runNow(harness.request(), "scheduler"))
                .isInstanceOf(RunInProgressException.class)
                .hasMessageContaining("already running on server 'server-a' (instance a-1; started by manual:admin at");
        assertThatThrownBy(() -> serverA.start(harness.request(), "manual:nurse"))
                .isInstanceOf(RunInProgressException.class)
                .hasMessage("a sync of mapping 'HTS Service' is already running on this server (started by"
                        + " manual:admin at " + local(going.getStartDate()) + "); wait for it to finish");
        assertThat(awaitEnd(serverA, going.getRunId()).getStatus()).isEqualTo(SyncStatus.PARTIAL);
        assertThat(serverB.runNow(harness.request(), "scheduler").getStatus()).isEqualTo(SyncStatus.PARTIAL);
    }

    @Test
    void aRunWhoseLockWasFreedByARestartOfTheModuleStopsAtItsNextHeartbeat() throws Exception {
        java.util.concurrent.CountDownLatch restarted = new java.util.concurrent.CountDownLatch(1);
        // the run waits at its first read of OpenMRS until the module was started again
        ClinicalSource gated = (ClinicalSource) java.lang.reflect.Proxy.newProxyInstance(
                ClinicalSource.class.getClassLoader(), new Class<?>[] {ClinicalSource.class}, (proxy, method, args) -> {
                    if (!restarted.await(30, TimeUnit.SECONDS)) {
                        throw new IllegalStateException("the module was not started again");
                    }
                    try {
                        return method.invoke(harness.openmrs, args);
                    } catch (java.lang.reflect.InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
        SyncRunner before = new SyncRunner(new SyncEngine(gated, harness.store, harness.withdrawals, harness::now),
                harness.db.getTransactions(), harness.db.syncLogDao(), harness.db.runLockDao(), harness.clients,
                harness::settings, background, harness::now, new ServerInstance("clinic-server", "start-1"));
        RunState going = before.start(harness.request(), "manual:admin");
        // the module is started again in the same JVM (a reload): the new start frees the old start's lock
        assertThat(runner(new ServerInstance("clinic-server", "start-2"), Runnable::run).releaseDeadRuns())
                .containsExactly(going.getRunId());
        harness.tick(Duration.ofMinutes(1));
        restarted.countDown();

        RunState end = awaitEnd(before, going.getRunId());

        assertThat(end.getStatus()).isEqualTo(SyncStatus.FAILED);
        assertThat(end.getStatusInfo()).contains("this run lost the lock of mapping 'HTS Service' to nobody");
        assertThat(harness.dhis2.trackedEntities()).as("it stopped after its first chunk").hasSizeLessThanOrEqualTo(2);
        assertThat(harness.dhis2.enrollments()).isEmpty();
    }

    private SyncRunner runner(ServerInstance instance, java.util.concurrent.Executor executor) {
        return new SyncRunner(harness.engine, harness.db.getTransactions(), harness.db.syncLogDao(),
                harness.db.runLockDao(), harness.clients, harness::settings, executor, harness::now, instance);
    }

    private void holdLock(String runId, String owner, String server, String instance, Date at) {
        holdLock(harness.mappingUuid, runId, owner, server, instance, at);
    }

    /** A lock row and the RUNNING log row of its run, as a run that is (or was) going leaves them. */
    private void holdLock(String mapping, String runId, String owner, String server, String instance, Date at) {
        RunLock claim = new RunLock();
        claim.setMappingUuid(mapping);
        claim.setRunId(runId);
        claim.setOwner(owner);
        claim.setServerName(server);
        claim.setInstanceId(instance);
        claim.setStartedAt(at);
        claim.setHeartbeatAt(at);
        assertThat(harness.db.inTransaction(() -> harness.db.runLockDao().tryAcquire(claim, at, lock -> false))
                .isAcquired()).isTrue();
        SyncLog row = new SyncLog();
        row.setRunId(runId);
        row.setMappingUuid(mapping);
        row.setMappingName("HTS Service");
        row.setSyncedBy(owner);
        row.setStartDate(at);
        row.setStatus(SyncStatus.RUNNING);
        harness.db.inTransaction(() -> harness.db.syncLogDao().save(row));
    }

    private SyncLog logRow(String runId) {
        return harness.db.inTransaction(() -> harness.db.syncLogDao().findByRunId(runId));
    }

    private static RunState awaitEnd(SyncRunner runner, String runId) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 30_000;
        RunState state = runner.state(runId);
        while (state.getStatus() == SyncStatus.RUNNING && System.currentTimeMillis() < deadline) {
            Thread.sleep(20);
            state = runner.state(runId);
        }
        return state;
    }

    private static String local(Date date) {
        return new java.text.SimpleDateFormat("yyyy-MM-dd HH:mm:ss").format(date);
    }
}
