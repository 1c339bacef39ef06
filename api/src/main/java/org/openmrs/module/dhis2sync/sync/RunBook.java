package org.openmrs.module.dhis2sync.sync;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Supplier;

import org.openmrs.module.dhis2sync.tracking.SyncLog;
import org.openmrs.module.dhis2sync.tracking.SyncLogDao;
import org.openmrs.module.dhis2sync.tracking.SyncStatus;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The bookkeeping of runs, whatever they run: a run begins by taking its mapping's lock ({@link RunLocks}) and
 * writing its log row, shows signs of life while it goes, and ends by writing its outcome ({@link RunLogRows}) and
 * freeing the lock; meanwhile and afterwards it answers for the run's state.
 */
final class RunBook {

    private static final long HEARTBEAT_EVERY_MILLIS = 30_000L;
    private static final int RECENT_RUNS = 50;

    private final TransactionTemplate tx;
    private final SyncLogDao logs;
    private final RunLocks locks;
    private final Supplier<Date> clock;
    private final ConcurrentMap<String, ActiveRun> active = new ConcurrentHashMap<>();
    /** The last runs that finished here, with their exact counts and errors (older ones are read from the log). */
    private final Map<String, RunState> finished = Collections.synchronizedMap(new LinkedHashMap<String, RunState>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, RunState> eldest) {
            return size() > RECENT_RUNS;
        }
    });

    RunBook(TransactionTemplate tx, SyncLogDao logs, RunLocks locks, Supplier<Date> clock) {
        this.tx = tx;
        this.logs = logs;
        this.locks = locks;
        this.clock = clock;
    }

    /**
     * Takes the mapping's lock and writes the run's RUNNING row.
     *
     * @throws RunInProgressException when a run of the mapping holds the lock
     */
    ActiveRun begin(RunRequest request, String owner) {
        String runId = UUID.randomUUID().toString();
        Date now = clock.get();
        locks.take(request, runId, owner, now);
        SyncLog row = RunLogRows.started(runId, request, now);
        try {
            tx.executeWithoutResult(status -> logs.save(row));
        } catch (RuntimeException e) {
            locks.release(request.getMappingUuid(), runId);
            throw e;
        }
        ActiveRun run = new ActiveRun(runId, request, now);
        active.put(runId, run);
        return run;
    }

    /** Refreshes the run's lock, at most every {@link #HEARTBEAT_EVERY_MILLIS}. */
    void heartbeat(ActiveRun run) {
        Date now = clock.get();
        if (now.getTime() - run.lastHeartbeat < HEARTBEAT_EVERY_MILLIS) {
            return;
        }
        run.lastHeartbeat = now.getTime();
        locks.heartbeat(run.request, run.runId, now);
    }

    /** Writes the run's outcome into its row and frees its lock. @param failure null when the run finished */
    void finish(ActiveRun run, Throwable failure) {
        try {
            RunProgress progress = run.tally.progress();
            tx.executeWithoutResult(status -> {
                SyncLog row = logs.findByRunId(run.runId);
                RunLogRows.finished(row, run, progress, failure, clock.get());
                logs.save(row);
                finished.put(run.runId, new RunState(run.runId, run.request.getMappingUuid(),
                        run.request.getMappingName(), row.getStatus(), run.startDate, row.getEndDate(), progress,
                        run.tally.failureMessages(), row.getStatusInfo()));
            });
        } finally {
            try {
                locks.release(run.request.getMappingUuid(), run.runId);
            } finally {
                active.remove(run.runId);
            }
        }
    }

    /** The run going now, or the one its log row tells of; null for an unknown id. */
    RunState state(String runId) {
        ActiveRun run = active.get(runId);
        if (run != null) {
            RunProgress progress = run.tally.progress();
            return new RunState(runId, run.request.getMappingUuid(), run.request.getMappingName(), SyncStatus.RUNNING,
                    run.startDate, null, progress, run.tally.failureMessages(), null);
        }
        RunState recent = finished.get(runId);
        if (recent != null) {
            return recent;
        }
        SyncLog row = tx.execute(status -> logs.findByRunId(runId));
        return row == null ? null : RunLogRows.stateOf(row);
    }

    List<RunState> activeRuns() {
        List<RunState> states = new ArrayList<>();
        for (String runId : active.keySet()) {
            RunState state = state(runId);
            if (state != null) {
                states.add(state);
            }
        }
        return states;
    }

    /** Frees the locks of runs that died with a previous start of this server; see {@link RunLocks}. */
    List<String> releaseDeadRuns() {
        return locks.releaseDeadRuns();
    }
}
