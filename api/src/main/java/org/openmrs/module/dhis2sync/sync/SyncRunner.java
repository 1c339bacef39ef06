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

import org.openmrs.module.dhis2sync.api.LogText;
import org.openmrs.module.dhis2sync.dhis2.Dhis2Client;
import org.openmrs.module.dhis2sync.source.ClinicalSource;
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
 * servers and restarts ({@link RunLocks}: a lock row in the database naming the {@link ServerInstance} whose run
 * holds it, kept alive by a heartbeat; a restarted server frees its previous life's locks at once); one log row per
 * run; progress of the runs going now.
 */
public class SyncRunner {

    /** A lock of another server not refreshed for this long belongs to a run that died ({@link RunLocks}). */
    public static final long STALE_LOCK_MILLIS = RunLocks.STALE_LOCK_MILLIS;
    private static final long HEARTBEAT_EVERY_MILLIS = 30_000L;
    private static final int DETAILS_CAP = 60_000;
    private static final int RECENT_RUNS = 50;

    private static final Logger log = LoggerFactory.getLogger(SyncRunner.class);

    private final SyncEngine engine;
    private final TransactionTemplate tx;
    private final SyncLogDao logs;
    private final RunLocks locks;
    /** A new client per run (settings may have changed); the run closes it. */
    private final Supplier<Dhis2Client> clients;
    private final Supplier<RunSettings> settings;
    private final Executor executor;
    private final Supplier<Date> clock;
    private final RunPreCheck preCheck;
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
        this(engine, tx, logs, locks, clients, settings, executor, clock, RunPreCheck.NONE,
                ServerInstance.ofUnnamedServer());
    }

    /** @param preCheck run before each sync run reads anything (the mapping health check) */
    public SyncRunner(SyncEngine engine, TransactionTemplate tx, SyncLogDao logs, RunLockDao locks,
            Supplier<Dhis2Client> clients, Supplier<RunSettings> settings, Executor executor, Supplier<Date> clock,
            RunPreCheck preCheck) {
        this(engine, tx, logs, locks, clients, settings, executor, clock, preCheck, ServerInstance.ofUnnamedServer());
    }

    /** @param instance this start of the module on this server: the runs' locks name it */
    public SyncRunner(SyncEngine engine, TransactionTemplate tx, SyncLogDao logs, RunLockDao locks,
            Supplier<Dhis2Client> clients, Supplier<RunSettings> settings, Executor executor, Supplier<Date> clock,
            ServerInstance instance) {
        this(engine, tx, logs, locks, clients, settings, executor, clock, RunPreCheck.NONE, instance);
    }

    /**
     * @param preCheck run before each sync run reads anything (the mapping health check)
     * @param instance this start of the module on this server: the runs' locks name it
     */
    public SyncRunner(SyncEngine engine, TransactionTemplate tx, SyncLogDao logs, RunLockDao locks,
            Supplier<Dhis2Client> clients, Supplier<RunSettings> settings, Executor executor, Supplier<Date> clock,
            RunPreCheck preCheck, ServerInstance instance) {
        this.preCheck = preCheck;
        this.engine = engine;
        this.tx = tx;
        this.logs = logs;
        this.locks = new RunLocks(tx, locks, logs, instance);
        this.clients = clients;
        this.settings = settings;
        this.executor = executor;
        this.clock = clock;
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
        preview(request, tally, () -> { });
        return tally;
    }

    /**
     * The preview in the caller's thread (a background job's), counting into the given tally.
     *
     * @param afterChunk called after every chunk (a job reports progress there, and stops by throwing)
     */
    public void preview(RunRequest request, RunTally tally, Runnable afterChunk) {
        RunSettings now = settings.get();
        engine.run(request.getMappingUuid(), request.getConfig(), RunMode.PREVIEW, null, now.getBatchSize(),
                now.getDefaultOrgUnit(), tally, afterChunk);
    }

    /**
     * What a run would send now of the records the source holds (e.g. one patient's, through
     * {@link org.openmrs.module.dhis2sync.source.PatientDirectory#clinicalSourceOf}), decided by the same preview
     * from the trackers; in the caller's thread, nothing is sent or written.
     */
    public RunTally preview(RunRequest request, ClinicalSource only) {
        RunTally tally = new RunTally();
        RunSettings now = settings.get();
        engine.withSource(only).run(request.getMappingUuid(), request.getConfig(), RunMode.PREVIEW, null,
                now.getBatchSize(), now.getDefaultOrgUnit(), tally, () -> { });
        return tally;
    }

    /** DHIS2's verdict on the records a run would send, from its validation-only import; nothing is written. */
    public RunTally validate(RunRequest request) {
        RunTally tally = new RunTally();
        validate(request, tally, () -> { });
        return tally;
    }

    /** The check in the caller's thread (a background job's), counting into the given tally; as the preview above. */
    public void validate(RunRequest request, RunTally tally, Runnable afterChunk) {
        RunSettings now = settings.get();
        try (Dhis2Client client = clients.get()) {
            engine.run(request.getMappingUuid(), request.getConfig(), RunMode.VALIDATE, client, now.getBatchSize(),
                    now.getDefaultOrgUnit(), tally, afterChunk);
        }
    }

    /**
     * Frees the locks left by previous instances of this server — runs that died when OpenMRS was killed or
     * restarted — and marks their log rows interrupted. Called at module start; a start of the mapping would free
     * such a lock too, this only does it at once for every mapping.
     *
     * @return the run ids freed
     */
    public List<String> releaseDeadRuns() {
        return locks.releaseDeadRuns();
    }

    private ActiveRun begin(RunRequest request, String owner) {
        String runId = UUID.randomUUID().toString();
        Date now = clock.get();
        locks.take(request, runId, owner, now);
        SyncLog row = new SyncLog();
        row.setRunId(runId);
        row.setMappingUuid(request.getMappingUuid());
        row.setMappingName(request.getMappingName());
        row.setSyncedBy(request.getUser());
        row.setComments(request.getComment());
        row.setKind(request.getKind());
        row.setStartDate(now);
        row.setStatus(SyncStatus.RUNNING);
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

    private void execute(ActiveRun run) {
        Throwable failure = null;
        try {
            RunSettings now = settings.get();
            try (Dhis2Client client = clients.get()) {
                run.tally.phase("checking the mapping");
                preCheck.check(run.request, client, now);
                RunJob job = run.request.getJob();
                if (job != null) {
                    job.run(engine, client, now, run.tally, () -> heartbeat(run));
                } else {
                    engine.run(run.request.getMappingUuid(), run.request.getConfig(), RunMode.SYNC, client,
                            now.getBatchSize(), now.getDefaultOrgUnit(), run.tally, () -> heartbeat(run));
                }
            }
        } catch (RuntimeException | Error e) {
            failure = e;
            log.error("DHIS2 sync of mapping '{}' failed: {}", LogText.of(run.request.getMappingName()),
                    e.getMessage(), e);
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
        locks.heartbeat(run.request, run.runId, now);
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
                RunJob job = run.request.getJob();
                row.setDetails(details(job, run.tally));
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
                if (failure == null && job != null) {
                    if (job.status() != null) {
                        row.setStatus(job.status());
                    }
                    if (job.outcome() != null) {
                        row.setStatusInfo(row.getStatusInfo() == null ? job.outcome()
                                : job.outcome() + "; " + row.getStatusInfo());
                    }
                }
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

    private static String details(RunJob job, RunTally tally) {
        StringBuilder details = new StringBuilder();
        String own = job == null ? null : job.details();
        if (own != null) {
            details.append(own);
        }
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
