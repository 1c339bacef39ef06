package org.openmrs.module.dhis2sync.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.io.TempDir;
import org.openmrs.module.dhis2sync.dhis2.fake.FakeDhis2;
import org.openmrs.module.dhis2sync.source.ClinicalSource;
import org.openmrs.module.dhis2sync.source.EncounterFeed;
import org.openmrs.module.dhis2sync.source.EncounterRecord;
import org.openmrs.module.dhis2sync.source.EnrollmentRecord;
import org.openmrs.module.dhis2sync.source.PatientRecord;
import org.openmrs.module.dhis2sync.sync.RunInProgressException;
import org.openmrs.module.dhis2sync.sync.RunState;
import org.openmrs.module.dhis2sync.sync.ServerInstance;
import org.openmrs.module.dhis2sync.testsupport.TrackingDatabase;
import org.openmrs.module.dhis2sync.tracking.LogQuery;
import org.openmrs.module.dhis2sync.tracking.SyncStatus;

/**
 * Issue 8's start drill: the scheduler's run and an administrator's manual run of the same mapping, started at the
 * same moment, many times. Two runners on one database — as two servers (each with its own name), or as one server
 * instance (the lock then also tells a run going here from one that is not) — so nothing but the database lock
 * keeps them apart. Each time exactly one must run and the other be told {@link RunInProgressException}, naming
 * where the run goes. The run that gets in waits, at its first read of OpenMRS, until the other start has been
 * answered, so the two always overlap.
 */
class ConcurrentStartDrillTest {

    private static final int ROUNDS = 25;

    @TempDir
    Path dir;

    /** Where the two starts come from. */
    enum Servers { TWO_SERVERS, ONE_SERVER }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Servers.class)
    void aScheduledAndAManualRunStartedTogetherRunOneAtATime(Servers servers) throws Exception {
        ServerInstance first = new ServerInstance("drill-server-a", "a-start");
        ServerInstance second = servers == Servers.ONE_SERVER ? first : new ServerInstance("drill-server-b", "b-start");
        Date registered = new Date(System.currentTimeMillis() - 86_400_000L);
        GatedSource source = new GatedSource(new SyntheticClinicalSource(30, registered));
        TrackingDatabase db = BenchInstallation.newDatabase(dir.resolve("db"), false);
        ExecutorService background = Executors.newSingleThreadExecutor();
        ExecutorService callers = Executors.newFixedThreadPool(2);
        try (FakeDhis2 dhis2 = FakeDhis2.start(FakeDhis2.Version.V2_41);
                BenchInstallation scheduler = new BenchInstallation(db, source,
                        BenchInstallation.connection(dhis2.baseUrl()), 50, Date::new, Runnable::run, first);
                BenchInstallation manual = new BenchInstallation(db, source,
                        BenchInstallation.connection(dhis2.baseUrl()), 50, Date::new, background, second)) {
            BenchMapping.addTo(dhis2.metadata());
            for (int round = 1; round <= ROUNDS; round++) {
                source.arm();
                CyclicBarrier together = new CyclicBarrier(2);
                Future<Object> scheduled = callers.submit(attempt(together, source,
                        () -> scheduler.runner.runNow(BenchInstallation.request("scheduler"), "scheduler")));
                Future<Object> started = callers.submit(attempt(together, source,
                        () -> manual.runner.start(BenchInstallation.request("admin"), "manual:admin")));
                Object a = scheduled.get(60, TimeUnit.SECONDS);
                Object b = started.get(60, TimeUnit.SECONDS);

                assertThat(List.of(a, b)).as("round %d", round).filteredOn(RunInProgressException.class::isInstance)
                        .hasSize(1);
                RunState ran = (RunState) (a instanceof RunState ? a : b);
                RunInProgressException refused = (RunInProgressException) (a instanceof RunState ? b : a);
                ServerInstance where = a instanceof RunState ? first : second;
                assertThat(refused.getMessage()).as("round %d", round).contains(servers == Servers.ONE_SERVER
                        ? "already running on this server" : "already running on server '" + where.getServerName());
                RunState end = awaitEnd(a instanceof RunState ? scheduler : manual, ran.getRunId());
                assertThat(end.getStatus()).as("round %d", round).isEqualTo(SyncStatus.SUCCESS);
            }
            long logged = db.inTransaction(() -> db.syncLogDao().count(new LogQuery(null, null, null, 0, 1000)));
            assertThat(logged).as("one log row per round: the refused start leaves none").isEqualTo(ROUNDS);
            DrillChecks.assertExactlyOnce(dhis2, db, 30);
        } finally {
            callers.shutdownNow();
            background.shutdownNow();
            db.close();
        }
    }

    /** Waits with the other contender, then starts; the refusal (or any failure) is the result. */
    private static Callable<Object> attempt(CyclicBarrier together, GatedSource source, Callable<RunState> start) {
        return () -> {
            together.await(30, TimeUnit.SECONDS);
            try {
                return start.call();
            } catch (RunInProgressException e) {
                source.open();
                return e;
            }
        };
    }

    private static RunState awaitEnd(BenchInstallation module, String runId) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 60_000;
        RunState state = module.runner.state(runId);
        while (state.getStatus() == SyncStatus.RUNNING && System.currentTimeMillis() < deadline) {
            Thread.sleep(20);
            state = module.runner.state(runId);
        }
        return state;
    }

    /** The synthetic OpenMRS, whose first read of each round waits until the refused start has been answered. */
    private static final class GatedSource implements ClinicalSource {
        private final SyntheticClinicalSource source;
        private final AtomicReference<CountDownLatch> gate = new AtomicReference<>(new CountDownLatch(0));

        GatedSource(SyntheticClinicalSource source) {
            this.source = source;
        }

        void arm() {
            gate.set(new CountDownLatch(1));
        }

        void open() {
            gate.get().countDown();
        }

        @Override
        public List<Integer> changedPatientIds(String programUuid, Date since, int afterId, int limit) {
            try {
                if (!gate.get().await(30, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("the other start was never refused");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            return source.changedPatientIds(programUuid, since, afterId, limit);
        }

        @Override
        public List<PatientRecord> loadPatients(List<Integer> patientIds) {
            return source.loadPatients(patientIds);
        }

        @Override
        public List<Integer> changedEnrollmentIds(String programUuid, Date since, int afterId, int limit) {
            return source.changedEnrollmentIds(programUuid, since, afterId, limit);
        }

        @Override
        public List<EnrollmentRecord> loadEnrollments(List<Integer> ids) {
            return source.loadEnrollments(ids);
        }

        @Override
        public List<EnrollmentRecord> enrollmentsOfPatient(String patientUuid, String programUuid) {
            return source.enrollmentsOfPatient(patientUuid, programUuid);
        }

        @Override
        public List<Integer> changedEncounterIds(String programUuid, List<EncounterFeed> feeds, Date since,
                int afterId, int limit) {
            return source.changedEncounterIds(programUuid, feeds, since, afterId, limit);
        }

        @Override
        public List<EncounterRecord> loadEncounters(List<Integer> ids) {
            return source.loadEncounters(ids);
        }

        @Override
        public List<PatientRecord> loadPatientsByUuid(List<String> uuids) {
            return source.loadPatientsByUuid(uuids);
        }

        @Override
        public List<EnrollmentRecord> loadEnrollmentsByUuid(List<String> uuids) {
            return source.loadEnrollmentsByUuid(uuids);
        }

        @Override
        public List<EncounterRecord> loadEncountersByUuid(List<String> uuids) {
            return source.loadEncountersByUuid(uuids);
        }

        @Override
        public List<Integer> encounterIdsOfPatient(String patientUuid, List<EncounterFeed> feeds, LocalDate from,
                LocalDate to) {
            return source.encounterIdsOfPatient(patientUuid, feeds, from, to);
        }

        @Override
        public List<String> voidedEncounterUuids(String programUuid, Date since, String afterUuid, int limit) {
            return source.voidedEncounterUuids(programUuid, since, afterUuid, limit);
        }

        @Override
        public List<String> voidedEnrollmentUuids(String programUuid, Date since, String afterUuid, int limit) {
            return source.voidedEnrollmentUuids(programUuid, since, afterUuid, limit);
        }

        @Override
        public List<String> voidedPatientUuids(String programUuid, Date since, String afterUuid, int limit) {
            return source.voidedPatientUuids(programUuid, since, afterUuid, limit);
        }
    }
}
