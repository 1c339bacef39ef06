package org.openmrs.module.dhis2sync.sync;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import org.openmrs.module.dhis2sync.tracking.RunLock;
import org.openmrs.module.dhis2sync.tracking.RunLockAcquisition;
import org.openmrs.module.dhis2sync.tracking.RunLockDao;
import org.openmrs.module.dhis2sync.tracking.SyncLog;
import org.openmrs.module.dhis2sync.tracking.SyncLogDao;
import org.openmrs.module.dhis2sync.tracking.SyncStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The one-run-per-mapping locks as this server instance takes, keeps and gives them back, each step in its own
 * committed transaction. A lock row names the {@link ServerInstance} whose run holds it:
 * <ul>
 * <li>a lock whose run is known not to be going — left by a previous instance of this server (OpenMRS was killed or
 * restarted mid-run), or by this instance's own run that could not give it back — is taken over at once;</li>
 * <li>a lock of another server is taken over only once its heartbeat is {@link #STALE_LOCK_MILLIS} old;</li>
 * <li>otherwise the start is refused with a {@link RunInProgressException} saying where the run goes.</li>
 * </ul>
 * The log row of a run whose lock was freed or taken over is marked FAILED ("interrupted"). A run whose heartbeat
 * finds its lock gone stops.
 */
final class RunLocks {

    /**
     * A lock of another server not refreshed for this long belongs to a run that died (runs refresh it every chunk,
     * at most every 30 s; one chunk may wait minutes for a slow DHIS2).
     */
    static final long STALE_LOCK_MILLIS = 10 * 60_000L;
    /** Why a run's log row says it was interrupted: its server restarted, or it showed no sign of life. */
    private static final String RESTARTED = "interrupted: OpenMRS was stopped or restarted (or the module reloaded)"
            + " while this run was going, and its lock was freed at the next start";
    private static final String STALE = "interrupted: the run showed no sign of life for "
            + STALE_LOCK_MILLIS / 60_000L + " minutes (its server stopped or crashed) and the next run took its lock"
            + " over";

    private static final Logger log = LoggerFactory.getLogger(RunLocks.class);

    private final TransactionTemplate tx;
    private final RunLockDao locks;
    private final SyncLogDao logs;
    private final ServerInstance instance;

    RunLocks(TransactionTemplate tx, RunLockDao locks, SyncLogDao logs, ServerInstance instance) {
        this.tx = tx;
        this.locks = locks;
        this.logs = logs;
        this.instance = instance;
    }

    /**
     * Takes the mapping's lock for the run, or throws naming the run that holds it. A holder that vanished between
     * the attempt and the read of it (it just finished) is no reason to refuse: the lock is asked for again. A dead
     * run whose lock is taken over gets its log row marked interrupted.
     *
     * @throws RunInProgressException when a run that may be going holds it
     */
    void take(RunRequest request, String runId, String owner, Date now) {
        instance.claim(runId);
        RunLockAcquisition acquisition;
        try {
            acquisition = acquire(request, runId, owner, now);
        } catch (RuntimeException | Error e) {
            instance.forget(runId);
            throw e;
        }
        RunLock replaced = acquisition.getReplaced();
        if (replaced != null) {
            markInterrupted(replaced, acquisition.getOutcome() == RunLockAcquisition.Outcome.TAKEN_FROM_STALE_RUN
                    ? STALE : RESTARTED);
        }
    }

    private RunLockAcquisition acquire(RunRequest request, String runId, String owner, Date now) {
        RunLock claim = new RunLock();
        claim.setMappingUuid(request.getMappingUuid());
        claim.setRunId(runId);
        claim.setOwner(owner);
        claim.setServerName(instance.getServerName());
        claim.setInstanceId(instance.getInstanceId());
        claim.setStartedAt(now);
        claim.setHeartbeatAt(now);
        Date staleBefore = new Date(now.getTime() - STALE_LOCK_MILLIS);
        for (int attempt = 1; ; attempt++) {
            // a database failure propagates: it is not a run in progress
            RunLockAcquisition acquisition = tx.execute(status -> locks.tryAcquire(claim, staleBefore,
                    instance::isLeft));
            if (acquisition.isAcquired()) {
                return acquisition;
            }
            RunLock holder = tx.execute(status -> locks.find(request.getMappingUuid()));
            if (holder != null && !instance.isLeft(holder)) {
                throw new RunInProgressException(request.getMappingName(), holder, instance, STALE_LOCK_MILLIS);
            }
            if (attempt == 3) {
                throw new IllegalStateException("the lock of mapping '" + request.getMappingName()
                        + "' changed hands three times while this start asked for it; try again");
            }
        }
    }

    /**
     * Records that the run is alive.
     *
     * @throws IllegalStateException when another start took the run's lock (judged it dead): the run must stop
     */
    void heartbeat(RunRequest request, String runId, Date now) {
        boolean held = Boolean.TRUE.equals(tx.execute(status -> locks.heartbeat(request.getMappingUuid(), runId,
                now)));
        if (!held) {
            RunLock holder = tx.execute(status -> locks.find(request.getMappingUuid()));
            throw new IllegalStateException("this run lost the lock of mapping '" + request.getMappingName()
                    + "' to " + (holder == null ? "nobody (it was freed)" : "run " + holder.getRunId() + " started by "
                    + holder.getOwner() + (holder.getServerName() == null ? "" : " on server '"
                    + holder.getServerName() + "'")) + ": another start judged it dead (no sign of life for "
                    + STALE_LOCK_MILLIS / 60_000L + " minutes, or a restart of the module); it stops here so that"
                    + " two runs never send the mapping at once");
        }
    }

    /** Gives the run's lock back (if it still holds it); the run is no longer going here, whatever happens. */
    void release(String mappingUuid, String runId) {
        try {
            tx.executeWithoutResult(status -> locks.release(mappingUuid, runId));
        } finally {
            instance.forget(runId);
        }
    }

    /**
     * Frees the locks left by previous instances of this server (and this instance's own runs that are not going)
     * and marks their log rows interrupted.
     *
     * @return the run ids freed
     */
    List<String> releaseDeadRuns() {
        List<RunLock> mine = tx.execute(status -> locks.findByServer(instance.getServerName()));
        List<String> freed = new ArrayList<>();
        for (RunLock lock : mine) {
            if (instance.isLeft(lock) && Boolean.TRUE.equals(
                    tx.execute(status -> locks.release(lock.getMappingUuid(), lock.getRunId())))) {
                markInterrupted(lock, RESTARTED);
                freed.add(lock.getRunId());
                log.warn("DHIS2 sync run {} of mapping {} (started by {} at {}) died with a previous start of this"
                        + " server; its lock is freed and its log row marked interrupted", lock.getRunId(),
                        lock.getMappingUuid(), lock.getOwner(), lock.getStartedAt());
            }
        }
        return freed;
    }

    /** The log row of a run whose lock was freed or taken over: it died without finishing. */
    private void markInterrupted(RunLock dead, String why) {
        tx.executeWithoutResult(status -> {
            SyncLog row = logs.findByRunId(dead.getRunId());
            if (row != null && row.getStatus() == SyncStatus.RUNNING) {
                row.setStatus(SyncStatus.FAILED);
                row.setEndDate(dead.getHeartbeatAt());
                row.setStatusInfo(why + ". Nothing is lost: its markers did not move, the next run sends everything"
                        + " again from where it started");
                logs.save(row);
            }
        });
    }
}
