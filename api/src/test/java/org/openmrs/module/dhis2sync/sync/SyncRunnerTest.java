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
import org.openmrs.module.dhis2sync.dhis2.ApiChoice;
import org.openmrs.module.dhis2sync.dhis2.fake.FakeDhis2;
import org.openmrs.module.dhis2sync.source.PatientRecord;
import org.openmrs.module.dhis2sync.tracking.SyncCategory;
import org.openmrs.module.dhis2sync.tracking.SyncLog;
import org.openmrs.module.dhis2sync.tracking.SyncStatus;

/** Runs as the web layer and the scheduler see them: progress, one run per mapping, stale locks. */
class SyncRunnerTest {

    private SyncHarness harness;
    private final ExecutorService background = Executors.newSingleThreadExecutor();

    @BeforeEach
    void start() {
        harness = SyncHarness.start(FakeDhis2.Version.V2_42, ApiChoice.AUTO);
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
    void aLockLeftByARunThatDiedIsTakenOverOnceStale() {
        Date longAgo = new Date(harness.now().getTime() - SyncRunner.STALE_LOCK_MILLIS - 60_000);
        harness.db.inTransaction(() -> harness.db.runLockDao().tryAcquire(harness.mappingUuid, "dead-run",
                "manual:admin", longAgo, new Date(longAgo.getTime() - SyncRunner.STALE_LOCK_MILLIS)));
        SyncLog dead = new SyncLog();
        dead.setRunId("dead-run");
        dead.setMappingUuid(harness.mappingUuid);
        dead.setMappingName("HTS Service");
        dead.setSyncedBy("admin");
        dead.setStartDate(longAgo);
        dead.setStatus(SyncStatus.RUNNING);
        harness.db.inTransaction(() -> harness.db.syncLogDao().save(dead));

        RunState run = harness.sync();

        assertThat(run.getStatus()).isEqualTo(SyncStatus.PARTIAL);
        assertThat(harness.dhis2.trackedEntities()).hasSize(2);
        SyncLog interrupted = harness.db.inTransaction(() -> harness.db.syncLogDao().findByRunId("dead-run"));
        assertThat(interrupted.getStatus()).isEqualTo(SyncStatus.FAILED);
        assertThat(interrupted.getStatusInfo()).startsWith("interrupted");
    }

    @Test
    void aFreshLockOfAnotherRunIsRespected() {
        harness.db.inTransaction(() -> harness.db.runLockDao().tryAcquire(harness.mappingUuid, "live-run",
                "scheduler", harness.now(), new Date(harness.now().getTime() - SyncRunner.STALE_LOCK_MILLIS)));

        assertThatThrownBy(() -> harness.runner.runNow(harness.request(), "manual:admin"))
                .isInstanceOf(RunInProgressException.class).hasMessageContaining("scheduler");
        assertThat(harness.dhis2.trackedEntities()).isEmpty();
    }
}
