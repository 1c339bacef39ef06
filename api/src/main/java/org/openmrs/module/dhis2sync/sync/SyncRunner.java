package org.openmrs.module.dhis2sync.sync;

import java.util.Date;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

import org.openmrs.module.dhis2sync.api.LogText;
import org.openmrs.module.dhis2sync.dhis2.Dhis2Client;
import org.openmrs.module.dhis2sync.source.ClinicalSource;
import org.openmrs.module.dhis2sync.tracking.RunLockDao;
import org.openmrs.module.dhis2sync.tracking.SyncLogDao;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Starts runs and answers for them: a sync (or a {@link RunJob}) in the background or in the caller's thread, after
 * the mapping's check; a preview or validation in the caller's thread. The bookkeeping is the {@link RunBook}'s: at
 * most one run per mapping at a time, across manual and scheduled starts, servers and restarts ({@link RunLocks}: a
 * lock row in the database naming the {@link ServerInstance} whose run holds it, kept alive by a heartbeat; a
 * restarted server frees its previous life's locks at once); one log row per run; progress of the runs going now.
 */
public class SyncRunner {

    /** A lock of another server not refreshed for this long belongs to a run that died ({@link RunLocks}). */
    public static final long STALE_LOCK_MILLIS = RunLocks.STALE_LOCK_MILLIS;

    private static final Logger log = LoggerFactory.getLogger(SyncRunner.class);

    private final SyncEngine engine;
    private final RunBook book;
    /** A new client per run (settings may have changed); the run closes it. */
    private final Supplier<Dhis2Client> clients;
    private final Supplier<RunSettings> settings;
    private final Executor executor;
    private final RunPreCheck preCheck;

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
        this.book = new RunBook(tx, logs, new RunLocks(tx, locks, logs, instance), clock);
        this.clients = clients;
        this.settings = settings;
        this.executor = executor;
    }

    /**
     * Takes the mapping's lock and runs in the background.
     *
     * @throws RunInProgressException when a run of the mapping holds the lock
     */
    public RunState start(RunRequest request, String owner) {
        ActiveRun run = book.begin(request, owner);
        try {
            executor.execute(() -> execute(run));
        } catch (RuntimeException e) {
            book.finish(run, e);
            throw e;
        }
        return state(run.runId);
    }

    /** Takes the mapping's lock and runs in the caller's thread (the scheduler's task). */
    public RunState runNow(RunRequest request, String owner) {
        ActiveRun run = book.begin(request, owner);
        execute(run);
        return state(run.runId);
    }

    /** The run going now, or the one its log row tells of; null for an unknown id. */
    public RunState state(String runId) {
        return book.state(runId);
    }

    public List<RunState> activeRuns() {
        return book.activeRuns();
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
        return book.releaseDeadRuns();
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
                    job.run(engine, client, now, run.tally, () -> book.heartbeat(run));
                } else {
                    engine.run(run.request.getMappingUuid(), run.request.getConfig(), RunMode.SYNC, client,
                            now.getBatchSize(), now.getDefaultOrgUnit(), run.tally, () -> book.heartbeat(run));
                }
            }
        } catch (RuntimeException | Error e) {
            failure = e;
            log.error("DHIS2 sync of mapping '{}' failed: {}", LogText.of(run.request.getMappingName()),
                    e.getMessage(), e);
        } finally {
            book.finish(run, failure);
        }
    }
}
