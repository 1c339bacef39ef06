package org.openmrs.module.dhis2sync.tracking;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.openmrs.module.dhis2sync.testsupport.TestDatabase;
import org.openmrs.module.dhis2sync.testsupport.TrackingDatabase;
import org.openmrs.module.dhis2sync.testsupport.TrackingDatabases;

class RunLockDaoTest {

    private static final TrackingDatabases DATABASES = new TrackingDatabases();
    /** Whole seconds: MySQL/MariaDB DATETIME keeps no fraction. */
    private static final long T0 = 1_700_000_000_000L;
    private static final long MINUTE = 60_000L;
    private static final int ROUNDS = 15;
    /** The caller knows of no holder that is not running: only the heartbeat decides. */
    private static final Predicate<RunLock> NOT_JUDGED = lock -> false;

    @AfterAll
    static void dropDatabases() {
        DATABASES.close();
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(TestDatabase.Kind.class)
    void oneRunHoldsAMappingUntilItReleasesIt(TestDatabase.Kind kind) {
        TrackingDatabase db = DATABASES.get(kind);
        RunLockDao dao = db.runLockDao();
        String mapping = UUID.randomUUID().toString();
        Date now = new Date(T0);
        Date staleBefore = new Date(T0 - 10 * MINUTE);

        assertThat(db.inTransaction(() -> acquire(dao, claim(mapping, "run-a", "admin@server1", now), staleBefore)))
                .isTrue();
        assertThat(db.inTransaction(() -> acquire(dao, claim(mapping, "run-b", "scheduler@server1", now), staleBefore)))
                .isFalse();
        assertThat(db.inTransaction(() -> acquire(dao, claim(mapping, "run-a", "admin@server1", now), staleBefore)))
                .as("asking again for the holder").isTrue();
        RunLock lock = db.inTransaction(() -> dao.find(mapping));
        assertThat(lock.getRunId()).isEqualTo("run-a");
        assertThat(lock.getOwner()).isEqualTo("admin@server1");
        assertThat(lock.getServerName()).isEqualTo("server-1");
        assertThat(lock.getInstanceId()).isEqualTo("instance-1");
        assertThat(lock.getStartedAt()).hasSameTimeAs(now);
        assertThat(lock.getHeartbeatAt()).hasSameTimeAs(now);

        assertThat(db.inTransaction(() -> dao.heartbeat(mapping, "run-a", new Date(T0 + MINUTE)))).isTrue();
        assertThat(db.inTransaction(() -> dao.find(mapping)).getHeartbeatAt()).hasSameTimeAs(new Date(T0 + MINUTE));
        assertThat(db.inTransaction(() -> dao.heartbeat(mapping, "run-b", new Date(T0 + MINUTE)))).isFalse();

        assertThat(db.inTransaction(() -> dao.release(mapping, "run-b"))).isFalse();
        assertThat(db.inTransaction(() -> dao.release(mapping, "run-a"))).isTrue();
        assertThat(db.inTransaction(() -> dao.find(mapping))).isNull();
        assertThat(db.inTransaction(() -> acquire(dao, claim(mapping, "run-b", "scheduler@server1", now), staleBefore)))
                .isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(TestDatabase.Kind.class)
    void aStaleHolderLosesTheLock(TestDatabase.Kind kind) {
        TrackingDatabase db = DATABASES.get(kind);
        RunLockDao dao = db.runLockDao();
        String mapping = UUID.randomUUID().toString();
        db.inTransaction(() -> acquire(dao, claim(mapping, "crashed", "admin@server1", new Date(T0)), new Date(T0)));

        Date later = new Date(T0 + 30 * MINUTE);
        Date staleBefore = new Date(T0 + 20 * MINUTE);
        assertThat(db.inTransaction(
                () -> acquire(dao, claim(mapping, "next", "scheduler@server2", later), staleBefore)))
                .isTrue();

        RunLock lock = db.inTransaction(() -> dao.find(mapping));
        assertThat(lock.getRunId()).isEqualTo("next");
        assertThat(lock.getOwner()).isEqualTo("scheduler@server2");
        assertThat(lock.getStartedAt()).hasSameTimeAs(later);
        assertThat(db.inTransaction(() -> dao.heartbeat(mapping, "crashed", later)))
                .as("the old holder learns it lost the lock").isFalse();
        assertThat(db.inTransaction(() -> dao.release(mapping, "crashed"))).isFalse();
        assertThat(db.inTransaction(() -> dao.find(mapping)).getRunId()).isEqualTo("next");
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(TestDatabase.Kind.class)
    void ofTwoContendersForAFreeMappingExactlyOneWins(TestDatabase.Kind kind) throws Exception {
        TrackingDatabase db = DATABASES.get(kind);
        for (int round = 0; round < ROUNDS; round++) {
            String mapping = UUID.randomUUID().toString();
            List<Boolean> outcomes = contend(db, mapping, new Date(T0), new Date(T0 - MINUTE));
            assertThat(outcomes).as("round " + round).containsExactlyInAnyOrder(true, false);
            String winner = outcomes.get(0) ? "run-0" : "run-1";
            assertThat(db.inTransaction(() -> db.runLockDao().find(mapping)).getRunId()).isEqualTo(winner);
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(TestDatabase.Kind.class)
    void ofTwoContendersForAStaleLockExactlyOneTakesItOver(TestDatabase.Kind kind) throws Exception {
        TrackingDatabase db = DATABASES.get(kind);
        for (int round = 0; round < ROUNDS; round++) {
            String mapping = UUID.randomUUID().toString();
            db.inTransaction(
                    () -> acquire(db.runLockDao(), claim(mapping, "crashed", "x", new Date(T0)), new Date(T0)));

            List<Boolean> outcomes = contend(db, mapping, new Date(T0 + 30 * MINUTE), new Date(T0 + 20 * MINUTE));
            assertThat(outcomes).as("round " + round).containsExactlyInAnyOrder(true, false);
            String winner = outcomes.get(0) ? "run-0" : "run-1";
            assertThat(db.inTransaction(() -> db.runLockDao().find(mapping)).getRunId()).isEqualTo(winner);
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(TestDatabase.Kind.class)
    void aContenderDuringTheWinnersUncommittedInsertLoses(TestDatabase.Kind kind) throws Exception {
        TrackingDatabase db = DATABASES.get(kind);
        String mapping = UUID.randomUUID().toString();

        assertThat(whileHolderUncommitted(db, mapping, new Date(T0), new Date(T0 - MINUTE)))
                .containsExactly(true, false);
        assertThat(db.inTransaction(() -> db.runLockDao().find(mapping)).getRunId()).isEqualTo("run-0");
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(TestDatabase.Kind.class)
    void aContenderDuringTheWinnersUncommittedTakeOverLoses(TestDatabase.Kind kind) throws Exception {
        TrackingDatabase db = DATABASES.get(kind);
        String mapping = UUID.randomUUID().toString();
        db.inTransaction(() -> acquire(db.runLockDao(), claim(mapping, "crashed", "x", new Date(T0)), new Date(T0)));

        assertThat(whileHolderUncommitted(db, mapping, new Date(T0 + 30 * MINUTE), new Date(T0 + 20 * MINUTE)))
                .containsExactly(true, false);
        assertThat(db.inTransaction(() -> db.runLockDao().find(mapping)).getRunId()).isEqualTo("run-0");
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(TestDatabase.Kind.class)
    void aHolderKnownNotRunningLosesTheLockAtOnceAndIsReported(TestDatabase.Kind kind) {
        TrackingDatabase db = DATABASES.get(kind);
        RunLockDao dao = db.runLockDao();
        String mapping = UUID.randomUUID().toString();
        dao(db, () -> dao.tryAcquire(claim(mapping, "died", "manual:admin", "server-1", "old-start", new Date(T0)),
                new Date(T0 - 10 * MINUTE), NOT_JUDGED));
        Date now = new Date(T0 + MINUTE);

        RunLockAcquisition taken = dao(db, () -> dao.tryAcquire(claim(mapping, "next", "scheduler", "server-1",
                "new-start", now), new Date(now.getTime() - 10 * MINUTE),
                lock -> "old-start".equals(lock.getInstanceId())));

        assertThat(taken.getOutcome()).isEqualTo(RunLockAcquisition.Outcome.TAKEN_FROM_LEFT_RUN);
        assertThat(taken.getReplaced().getRunId()).isEqualTo("died");
        assertThat(taken.getReplaced().getOwner()).isEqualTo("manual:admin");
        assertThat(taken.getReplaced().getHeartbeatAt()).hasSameTimeAs(new Date(T0));
        RunLock lock = dao(db, () -> dao.find(mapping));
        assertThat(lock.getRunId()).isEqualTo("next");
        assertThat(lock.getServerName()).isEqualTo("server-1");
        assertThat(lock.getInstanceId()).isEqualTo("new-start");
        assertThat(lock.getStartedAt()).hasSameTimeAs(now);
        assertThat(dao(db, () -> dao.heartbeat(mapping, "died", now))).as("the dead run learns it lost it").isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(TestDatabase.Kind.class)
    void aFreshHolderNotKnownLeftIsKeptAndNamedInTheRefusal(TestDatabase.Kind kind) {
        TrackingDatabase db = DATABASES.get(kind);
        RunLockDao dao = db.runLockDao();
        String mapping = UUID.randomUUID().toString();
        dao(db, () -> dao.tryAcquire(claim(mapping, "going", "manual:admin", "server-2", "its-start", new Date(T0)),
                new Date(T0 - 10 * MINUTE), NOT_JUDGED));

        RunLockAcquisition refused = dao(db, () -> dao.tryAcquire(claim(mapping, "next", "scheduler", "server-1",
                "my-start", new Date(T0 + MINUTE)), new Date(T0 - 9 * MINUTE), NOT_JUDGED));

        assertThat(refused.isAcquired()).isFalse();
        assertThat(refused.getReplaced()).isNull();
        assertThat(refused.getHolder().getRunId()).isEqualTo("going");
        assertThat(refused.getHolder().getServerName()).isEqualTo("server-2");
        assertThat(dao(db, () -> dao.find(mapping)).getRunId()).isEqualTo("going");
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(TestDatabase.Kind.class)
    void aStaleTakeOverIsReportedWithTheDeadRun(TestDatabase.Kind kind) {
        TrackingDatabase db = DATABASES.get(kind);
        RunLockDao dao = db.runLockDao();
        String mapping = UUID.randomUUID().toString();
        dao(db, () -> dao.tryAcquire(claim(mapping, "crashed", "scheduler", "server-2", "x", new Date(T0)),
                new Date(T0), NOT_JUDGED));

        RunLockAcquisition taken = dao(db, () -> dao.tryAcquire(claim(mapping, "next", "manual:admin",
                new Date(T0 + 30 * MINUTE)), new Date(T0 + 20 * MINUTE), NOT_JUDGED));

        assertThat(taken.getOutcome()).isEqualTo(RunLockAcquisition.Outcome.TAKEN_FROM_STALE_RUN);
        assertThat(taken.getReplaced().getRunId()).isEqualTo("crashed");
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(TestDatabase.Kind.class)
    void aLockWrittenBeforeInstancesWereKnownIsJudgedByItsHeartbeatOnly(TestDatabase.Kind kind) throws Exception {
        TrackingDatabase db = DATABASES.get(kind);
        RunLockDao dao = db.runLockDao();
        String mapping = UUID.randomUUID().toString();
        try (java.sql.Connection c = db.getDatabase().getDataSource().getConnection();
                java.sql.PreparedStatement insert = c.prepareStatement("insert into dhis2sync_run_lock"
                        + " (mapping_uuid, run_id, owner, started_at, heartbeat_at) values (?, 'old-run',"
                        + " 'manual:admin', ?, ?)")) {
            insert.setString(1, mapping);
            insert.setTimestamp(2, new java.sql.Timestamp(T0));
            insert.setTimestamp(3, new java.sql.Timestamp(T0));
            insert.executeUpdate();
        }
        org.openmrs.module.dhis2sync.sync.ServerInstance server1 =
                new org.openmrs.module.dhis2sync.sync.ServerInstance("server-1", "instance-1");
        RunLock old = dao(db, () -> dao.find(mapping));
        assertThat(old.getServerName()).isNull();
        assertThat(old.getInstanceId()).isNull();

        assertThat(dao(db, () -> dao.tryAcquire(claim(mapping, "fresh-try", "scheduler", new Date(T0 + MINUTE)),
                new Date(T0 - 9 * MINUTE), server1::isLeft)).isAcquired()).isFalse();
        assertThat(dao(db, () -> dao.tryAcquire(claim(mapping, "late-try", "scheduler", new Date(T0 + 11 * MINUTE)),
                new Date(T0 + MINUTE), server1::isLeft)).getOutcome())
                .isEqualTo(RunLockAcquisition.Outcome.TAKEN_FROM_STALE_RUN);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(TestDatabase.Kind.class)
    void ofTwoContendersForALockKnownLeftExactlyOneTakesIt(TestDatabase.Kind kind) throws Exception {
        TrackingDatabase db = DATABASES.get(kind);
        for (int round = 0; round < ROUNDS; round++) {
            String mapping = UUID.randomUUID().toString();
            dao(db, () -> db.runLockDao().tryAcquire(claim(mapping, "died", "x", "server-1", "old-start",
                    new Date(T0)), new Date(T0), NOT_JUDGED));

            List<Boolean> outcomes = contend(db, mapping, new Date(T0 + MINUTE), new Date(T0 - 9 * MINUTE),
                    lock -> "old-start".equals(lock.getInstanceId()));
            assertThat(outcomes).as("round " + round).containsExactlyInAnyOrder(true, false);
            String winner = outcomes.get(0) ? "run-0" : "run-1";
            assertThat(dao(db, () -> db.runLockDao().find(mapping)).getRunId()).isEqualTo(winner);
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(TestDatabase.Kind.class)
    void findByServerListsEveryLockOfThatServer(TestDatabase.Kind kind) {
        TrackingDatabase db = DATABASES.get(kind);
        RunLockDao dao = db.runLockDao();
        String server = "server-" + UUID.randomUUID();
        String a = UUID.randomUUID().toString();
        String b = UUID.randomUUID().toString();
        String c = UUID.randomUUID().toString();
        dao(db, () -> dao.tryAcquire(claim(a, "run-a", "x", server, "start-1", new Date(T0)), new Date(T0),
                NOT_JUDGED));
        dao(db, () -> dao.tryAcquire(claim(b, "run-b", "x", server, "start-2", new Date(T0)), new Date(T0),
                NOT_JUDGED));
        dao(db, () -> dao.tryAcquire(claim(c, "run-c", "x", "another " + server, "start-1", new Date(T0)),
                new Date(T0), NOT_JUDGED));

        assertThat(dao(db, () -> dao.findByServer(server))).extracting(RunLock::getRunId)
                .containsExactly("run-a", "run-b");
    }

    /** Whether the claim got the lock, judging holders by their heartbeat only. */
    private static boolean acquire(RunLockDao dao, RunLock claim, Date staleBefore) {
        return dao.tryAcquire(claim, staleBefore, NOT_JUDGED).isAcquired();
    }

    private static <T> T dao(TrackingDatabase db, java.util.function.Supplier<T> call) {
        return db.inTransaction(call);
    }

    /**
     * run-0 takes the lock and keeps its transaction open a moment; run-1 tries meanwhile (and may have to wait for
     * run-0's row lock), then run-0 commits.
     */
    private static List<Boolean> whileHolderUncommitted(TrackingDatabase db, String mapping, Date now,
            Date staleBefore) throws Exception {
        CountDownLatch holderAcquired = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            Future<Boolean> holder = threads.submit(() -> db.getTransactions().execute(status -> {
                boolean acquired = acquire(db.runLockDao(), claim(mapping, "run-0", "holder", now), staleBefore);
                holderAcquired.countDown();
                sleepQuietly(300);
                return acquired;
            }));
            assertThat(holderAcquired.await(10, TimeUnit.SECONDS)).isTrue();
            Future<Boolean> contender = threads.submit(() -> db.inTransaction(
                    () -> acquire(db.runLockDao(), claim(mapping, "run-1", "contender", now), staleBefore)));
            List<Boolean> outcomes = new ArrayList<>();
            outcomes.add(holder.get(30, TimeUnit.SECONDS));
            outcomes.add(contender.get(30, TimeUnit.SECONDS));
            return outcomes;
        } finally {
            threads.shutdownNow();
        }
    }

    private static void sleepQuietly(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Two transactions, both open before either tries, each trying to take the mapping's lock. */
    private static List<Boolean> contend(TrackingDatabase db, String mapping, Date now, Date staleBefore)
            throws Exception {
        return contend(db, mapping, now, staleBefore, NOT_JUDGED);
    }

    private static List<Boolean> contend(TrackingDatabase db, String mapping, Date now, Date staleBefore,
            Predicate<RunLock> notRunning) throws Exception {
        CyclicBarrier bothInTransaction = new CyclicBarrier(2);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            List<Future<Boolean>> futures = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                String runId = "run-" + i;
                futures.add(threads.submit(() -> db.getTransactions().execute(status -> {
                    awaitQuietly(bothInTransaction);
                    return db.runLockDao().tryAcquire(claim(mapping, runId, "contender", now), staleBefore,
                            notRunning).isAcquired();
                })));
            }
            List<Boolean> outcomes = new ArrayList<>();
            for (Future<Boolean> future : futures) {
                outcomes.add(future.get(30, TimeUnit.SECONDS));
            }
            return outcomes;
        } finally {
            threads.shutdownNow();
        }
    }

    /** A run of server-1's instance-1 asking for the mapping. */
    private static RunLock claim(String mapping, String runId, String owner, Date now) {
        return claim(mapping, runId, owner, "server-1", "instance-1", now);
    }

    private static RunLock claim(String mapping, String runId, String owner, String server, String instance,
            Date now) {
        RunLock claim = new RunLock();
        claim.setMappingUuid(mapping);
        claim.setRunId(runId);
        claim.setOwner(owner);
        claim.setServerName(server);
        claim.setInstanceId(instance);
        claim.setStartedAt(now);
        claim.setHeartbeatAt(now);
        return claim;
    }

    private static void awaitQuietly(CyclicBarrier barrier) {
        try {
            barrier.await(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("contender did not start", e);
        }
    }
}
