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

        assertThat(db.inTransaction(() -> dao.tryAcquire(mapping, "run-a", "admin@server1", now, staleBefore))).isTrue();
        assertThat(db.inTransaction(() -> dao.tryAcquire(mapping, "run-b", "scheduler@server1", now, staleBefore)))
                .isFalse();
        assertThat(db.inTransaction(() -> dao.tryAcquire(mapping, "run-a", "admin@server1", now, staleBefore)))
                .as("asking again for the holder").isTrue();
        RunLock lock = db.inTransaction(() -> dao.find(mapping));
        assertThat(lock.getRunId()).isEqualTo("run-a");
        assertThat(lock.getOwner()).isEqualTo("admin@server1");
        assertThat(lock.getStartedAt()).hasSameTimeAs(now);
        assertThat(lock.getHeartbeatAt()).hasSameTimeAs(now);

        assertThat(db.inTransaction(() -> dao.heartbeat(mapping, "run-a", new Date(T0 + MINUTE)))).isTrue();
        assertThat(db.inTransaction(() -> dao.find(mapping)).getHeartbeatAt()).hasSameTimeAs(new Date(T0 + MINUTE));
        assertThat(db.inTransaction(() -> dao.heartbeat(mapping, "run-b", new Date(T0 + MINUTE)))).isFalse();

        assertThat(db.inTransaction(() -> dao.release(mapping, "run-b"))).isFalse();
        assertThat(db.inTransaction(() -> dao.release(mapping, "run-a"))).isTrue();
        assertThat(db.inTransaction(() -> dao.find(mapping))).isNull();
        assertThat(db.inTransaction(() -> dao.tryAcquire(mapping, "run-b", "scheduler@server1", now, staleBefore)))
                .isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(TestDatabase.Kind.class)
    void aStaleHolderLosesTheLock(TestDatabase.Kind kind) {
        TrackingDatabase db = DATABASES.get(kind);
        RunLockDao dao = db.runLockDao();
        String mapping = UUID.randomUUID().toString();
        db.inTransaction(() -> dao.tryAcquire(mapping, "crashed", "admin@server1", new Date(T0), new Date(T0)));

        Date later = new Date(T0 + 30 * MINUTE);
        Date staleBefore = new Date(T0 + 20 * MINUTE);
        assertThat(db.inTransaction(() -> dao.tryAcquire(mapping, "next", "scheduler@server2", later, staleBefore)))
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
            db.inTransaction(() -> db.runLockDao().tryAcquire(mapping, "crashed", "x", new Date(T0), new Date(T0)));

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
        db.inTransaction(() -> db.runLockDao().tryAcquire(mapping, "crashed", "x", new Date(T0), new Date(T0)));

        assertThat(whileHolderUncommitted(db, mapping, new Date(T0 + 30 * MINUTE), new Date(T0 + 20 * MINUTE)))
                .containsExactly(true, false);
        assertThat(db.inTransaction(() -> db.runLockDao().find(mapping)).getRunId()).isEqualTo("run-0");
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
                boolean acquired = db.runLockDao().tryAcquire(mapping, "run-0", "holder", now, staleBefore);
                holderAcquired.countDown();
                sleepQuietly(300);
                return acquired;
            }));
            assertThat(holderAcquired.await(10, TimeUnit.SECONDS)).isTrue();
            Future<Boolean> contender = threads.submit(() -> db.inTransaction(
                    () -> db.runLockDao().tryAcquire(mapping, "run-1", "contender", now, staleBefore)));
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
        CyclicBarrier bothInTransaction = new CyclicBarrier(2);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            List<Future<Boolean>> futures = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                String runId = "run-" + i;
                futures.add(threads.submit(() -> db.getTransactions().execute(status -> {
                    awaitQuietly(bothInTransaction);
                    return db.runLockDao().tryAcquire(mapping, runId, "contender", now, staleBefore);
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

    private static void awaitQuietly(CyclicBarrier barrier) {
        try {
            barrier.await(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("contender did not start", e);
        }
    }
}
