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
import java.util.concurrent.Executor;
import java.util.function.Supplier;

import org.openmrs.module.dhis2sync.dhis2.Dhis2Client;
import org.openmrs.module.dhis2sync.tracking.RunLock;
import org.openmrs.module.dhis2sync.tracking.RunLockAcquisition;
import org.openmrs.module.dhis2sync.tracking.RunLockDao;
import org.openmrs.module.dhis2sync.tracking.SyncCategory;
import org.openmrs.module.dhis2sync.tracking.SyncLog;
import org.openmrs.module.dhis2sync.tracking.SyncLogDao;
import org.openmrs.module.dhis2sync.tracking.SyncStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Starts runs and answers for them: at most one run per mapping at a time, across manual and scheduled starts,
 * servers and restarts (a lock row in the database naming the {@link ServerInstance} whose run holds it, kept alive
 * by a heartbeat); one log row per run; progress of the runs going now.
 * <p>
 * A lock is taken over at once when its run is known not to be going: left by a previous instance of this server
 * (OpenMRS was killed or restarted mid-run), or by this instance's own run that could not give it back. A lock of
 * another server is taken over only once its heartbeat is {@link #STALE_LOCK_MILLIS} old. A run that took a lock
 * over marks the dead run's log row FAILED ("interrupted"); {@link #releaseDeadRuns()} does the same for every lock
 * of a previous instance of this server, at module start. A run that finds at its heartbeat that another run took
 * its lock stops.
 */
public class SyncRunner {

    /**
     * A lock of another server not refreshed for this long belongs to a run that died (runs refresh it every chunk,
     * at most every 30 s; one chunk may wait minutes for a slow DHIS2).
     */
    public static final long STALE_LOCK_MILLIS = 10 * 60_000L;
    private static final long HEARTBEAT_EVERY_MILLIS = 30_000L;
    private static final int DETAILS_CAP = 60_000;
    /** Why a run's log row says it was interrupted: its server restarted, or it showed no sign of life. */
    private static final String RESTARTED = "interrupted: OpenMRS was stopped or restarted (or the module reloaded)"
            + " while this run was going, and its lock was freed at the next start";
    private static final String STALE = "interrupted: the run showed no sign of life for "
            + STALE_LOCK_MILLIS / 60_000L + " minutes (its server stopped or crashed) and the next run took its lock"
            + " over";
    private static final int RECENT_RUNS = 50;

    private static final Logger log = LoggerFactory.getLogger(SyncRunner.class);

    private final SyncEngine engine;
    private final TransactionTemplate tx;
    private final SyncLogDao logs;
    private final RunLockDao locks;
    /** A new client per run (settings may have changed); the run closes it. */
    private final Supplier<Dhis2Client> clients;
    private final Supplier<RunSettings> settings;
    private final Executor executor;
    private final Supplier<Date> clock;
    private final ServerInstance instance;
    private final ConcurrentMap<String, ActiveRun> active = new ConcurrentHashMap<>();
    /** The last runs that finished here, with their exact counts and errors (older ones are read from the log). */
    private final Map<String, RunState> finished = Collections.synchronizedMap(new LinkedHashMap<String, RunState>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, RunState> eldest) {
            return size() > RECENT_RUNS;
        }
    });

    /** A runner on a server of its own name: locks it did not take are judged by their heartbeat only. */
    public SyncRunner(SyncEngine engine, TransactionTemplate tx, SyncLogDao logs, RunLockDao locks,
            Supplier<Dhis2Client> clients, Supplier<RunSettings> settings, Executor executor, Supplier<Date> clock) {
        this(engine, tx, logs, locks, clients, settings, executor, clock, ServerInstance.ofUnnamedServer());
    }

    /** @param instance this start of the module on this server: the runs' locks name it */
    public SyncRunner(SyncEngine engine, TransactionTemplate tx, SyncLogDao logs, RunLockDao locks,
            Supplier<Dhis2Client> clients, Supplier<RunSettings> settings, Executor executor, Supplier<Date> clock,
            ServerInstance instance) {
        this.engine = engine;
        this.tx = tx;
        this.logs = logs;
        this.locks = locks;
        this.clients = clients;
        this.settings = settings;
        this.executor = executor;
        this.clock = clock;
        this.instance = instance;
    }

    /**
     * Takes the mapping's lock and runs in the background.
     *
     * @throws RunInProgressException when a run of the mapping holds the lock
     */
    public RunState start(RunRequest request, String owner) {
        ActiveRun run = begin(request, owner);
        try {
            executor.execute(() -> execute(run));
        } catch (RuntimeException e) {
            finish(run, e);
            throw e;
        }
        return state(run.runId);
    }

    /** Takes the mapping's lock and runs in the caller's thread (the scheduler's task). */
    public RunState runNow(RunRequest request, String owner) {
        ActiveRun run = begin(request, owner);
        execute(run);
        return state(run.runId);
    }

    /** The run going now, or the one its log row tells of; null for an unknown id. */
    public RunState state(String runId) {
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
        return row == null ? null : fromLog(row);
    }

    public List<RunState> activeRuns() {
        List<RunState> states = new ArrayList<>();
        for (String runId : active.keySet()) {
            RunState state = state(runId);
            if (state != null) {
                states.add(state);
            }
        }
        return states;
    }

    /** The records a run would send now, decided from the trackers; nothing is sent or written. */
    public RunTally preview(RunRequest request) {
        RunTally tally = new RunTally();
        RunSettings now = settings.get();
        engine.run(request.getMappingUuid(), request.getConfig(), RunMode.PREVIEW, null, now.getBatchSize(),
                now.getDefaultOrgUnit(), tally, () -> { });
        return tally;
    }

    /** DHIS2's verdict on the records a run would send, from its validation-only import; nothing is written. */
    public RunTally validate(RunRequest request) {
        RunTally tally = new RunTally();
        RunSettings now = settings.get();
        try (Dhis2Client client = clients.get()) {
            engine.run(request.getMappingUuid(), request.getConfig(), RunMode.VALIDATE, client, now.getBatchSize(),
                    now.getDefaultOrgUnit(), tally, () -> { });
        }
        return tally;
    }

    /**
     * Frees the locks left by previous instances of this server — runs that died when OpenMRS was killed or
     * restarted — and marks their log rows interrupted. Called at module start; a start of the mapping would free
     * such a lock too, this only does it at once for every mapping.
     *
     * @return the run ids freed
     */
    public List<String> releaseDeadRuns() {
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

    private ActiveRun begin(RunRequest request, String owner) {
        String runId = UUID.randomUUID().toString();
        Date now = clock.get();
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
        SyncLog row = new SyncLog();
        row.setRunId(runId);
        row.setMappingUuid(request.getMappingUuid());
        row.setMappingName(request.getMappingName());
        row.setSyncedBy(request.getUser());
        row.setComments(request.getComment());
        row.setStartDate(now);
        row.setStatus(SyncStatus.RUNNING);
        try {
            tx.executeWithoutResult(status -> logs.save(row));
        } catch (RuntimeException e) {
            release(request.getMappingUuid(), runId);
            instance.forget(runId);
            throw e;
        }
        ActiveRun run = new ActiveRun(runId, request, now);
        active.put(runId, run);
        return run;
    }

    /**
     * Takes the mapping's lock, or throws naming the run that holds it. A holder that vanished between the attempt
     * and the read of it (it just finished) is no reason to refuse: the lock is asked for again.
     */
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

    private void execute(ActiveRun run) {
        Throwable failure = null;
        try {
            RunSettings now = settings.get();
            try (Dhis2Client client = clients.get()) {
                engine.run(run.request.getMappingUuid(), run.request.getConfig(), RunMode.SYNC, client,
                        now.getBatchSize(), now.getDefaultOrgUnit(), run.tally, () -> heartbeat(run));
            }
        } catch (RuntimeException | Error e) {
            failure = e;
            log.error("DHIS2 sync of mapping '{}' failed: {}", run.request.getMappingName(), e.getMessage(), e);
        } finally {
            finish(run, failure);
        }
    }

    private void heartbeat(ActiveRun run) {
        Date now = clock.get();
        if (now.getTime() - run.lastHeartbeat < HEARTBEAT_EVERY_MILLIS) {
            return;
        }
        run.lastHeartbeat = now.getTime();
        boolean held = Boolean.TRUE.equals(tx.execute(status -> locks.heartbeat(run.request.getMappingUuid(),
                run.runId, now)));
        if (!held) {
            RunLock holder = tx.execute(status -> locks.find(run.request.getMappingUuid()));
            throw new IllegalStateException("this run lost the lock of mapping '" + run.request.getMappingName()
                    + "' to " + (holder == null ? "nobody (it was freed)" : "run " + holder.getRunId() + " started by "
                    + holder.getOwner() + (holder.getServerName() == null ? "" : " on server '"
                    + holder.getServerName() + "'")) + ": another start judged it dead (no sign of life for "
                    + STALE_LOCK_MILLIS / 60_000L + " minutes, or a restart of the module); it stops here so that"
                    + " two runs never send the mapping at once");
        }
    }

    private void finish(ActiveRun run, Throwable failure) {
        try {
            RunProgress progress = run.tally.progress();
            tx.executeWithoutResult(status -> {
                SyncLog row = logs.findByRunId(run.runId);
                row.setEndDate(clock.get());
                row.setPatientsCreated(progress.get(SyncCategory.INSTANCE).getCreated());
                row.setPatientsUpdated(progress.get(SyncCategory.INSTANCE).getUpdated());
                row.setEnrollmentsCreated(progress.get(SyncCategory.ENROLLMENT).getCreated());
                row.setEnrollmentsUpdated(progress.get(SyncCategory.ENROLLMENT).getUpdated());
                row.setEventsCreated(progress.get(SyncCategory.EVENT).getCreated());
                row.setEventsUpdated(progress.get(SyncCategory.EVENT).getUpdated());
                row.setFailedCount(progress.getFailed());
                row.setAmbiguousCount(progress.getAmbiguous());
                row.setDetails(details(run.tally));
                if (failure != null) {
                    row.setStatus(SyncStatus.FAILED);
                    row.setStatusInfo(describe(failure) + " — nothing is lost: the markers did not move, the next run"
                            + " sends everything again from where this one started");
                } else if (progress.getFailed() > 0) {
                    row.setStatus(SyncStatus.PARTIAL);
                    row.setStatusInfo(progress.getFailed() + " record(s) were refused by DHIS2 or could not be sent;"
                            + " they are kept under failures and retried by the next run");
                } else {
                    row.setStatus(SyncStatus.SUCCESS);
                    row.setStatusInfo(successInfo(progress.getAmbiguous(), run.tally.warningCount()));
                }
                logs.save(row);
                finished.put(run.runId, new RunState(run.runId, run.request.getMappingUuid(),
                        run.request.getMappingName(), row.getStatus(), run.startDate, row.getEndDate(), progress,
                        run.tally.failureMessages(), row.getStatusInfo()));
            });
        } finally {
            try {
                release(run.request.getMappingUuid(), run.runId);
            } finally {
                instance.forget(run.runId);
                active.remove(run.runId);
            }
        }
    }

    private void release(String mappingUuid, String runId) {
        tx.executeWithoutResult(status -> locks.release(mappingUuid, runId));
    }

    private static String describe(Throwable failure) {
        String message = failure.getMessage();
        return message == null || message.isEmpty() ? failure.getClass().getSimpleName() : message;
    }

    private static String successInfo(int ambiguous, int warnings) {
        List<String> notes = new ArrayList<>();
        if (ambiguous > 0) {
            notes.add(ambiguous + " patient(s) matched several tracked entities in DHIS2 and were sent as new");
        }
        if (warnings > 0) {
            notes.add(warnings + " record(s) were sent with a warning (e.g. one of several values of a concept)");
        }
        return notes.isEmpty() ? null : String.join("; ", notes) + ": see details";
    }

    private static String details(RunTally tally) {
        StringBuilder details = new StringBuilder();
        List<String> ambiguous = tally.ambiguousPatients();
        if (!ambiguous.isEmpty()) {
            details.append("Patients matching several tracked entities:\n");
            ambiguous.forEach(line -> details.append(line).append('\n'));
        }
        List<String> warnings = tally.warnings();
        if (!warnings.isEmpty()) {
            details.append("Sent with a warning:\n");
            warnings.forEach(line -> details.append(line).append('\n'));
        }
        List<String> failures = tally.failureMessages();
        if (!failures.isEmpty()) {
            details.append("Records not sent:\n");
            failures.forEach(line -> details.append(line).append('\n'));
        }
        if (details.length() == 0) {
            return null;
        }
        return details.length() > DETAILS_CAP ? details.substring(0, DETAILS_CAP) + "\n…" : details.toString();
    }

    private static RunState fromLog(SyncLog row) {
        java.util.Map<SyncCategory, CategoryCounts> counts = new java.util.EnumMap<>(SyncCategory.class);
        counts.put(SyncCategory.INSTANCE, CategoryCounts.logged(row.getPatientsCreated(), row.getPatientsUpdated()));
        counts.put(SyncCategory.ENROLLMENT,
                CategoryCounts.logged(row.getEnrollmentsCreated(), row.getEnrollmentsUpdated()));
        counts.put(SyncCategory.EVENT, CategoryCounts.logged(row.getEventsCreated(), row.getEventsUpdated()));
        String phase = row.getStatus() == SyncStatus.RUNNING ? "interrupted" : "done";
        return new RunState(row.getRunId(), row.getMappingUuid(), row.getMappingName(), row.getStatus(),
                row.getStartDate(), row.getEndDate(), new RunProgress(phase, counts, row.getAmbiguousCount()),
                Collections.<String>emptyList(), row.getStatusInfo());
    }

    private static final class ActiveRun {
        final String runId;
        final RunRequest request;
        final Date startDate;
        final RunTally tally = new RunTally();
        volatile long lastHeartbeat;

        ActiveRun(String runId, RunRequest request, Date startDate) {
            this.runId = runId;
            this.request = request;
            this.startDate = startDate;
            this.lastHeartbeat = startDate.getTime();
        }
    }
}
