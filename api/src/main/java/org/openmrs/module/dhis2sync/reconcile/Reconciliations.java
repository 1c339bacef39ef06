package org.openmrs.module.dhis2sync.reconcile;

import java.util.Collections;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.openmrs.module.dhis2sync.sync.RunJob;
import org.openmrs.module.dhis2sync.sync.RunRequest;
import org.openmrs.module.dhis2sync.sync.RunState;
import org.openmrs.module.dhis2sync.sync.SyncEngine;
import org.openmrs.module.dhis2sync.sync.SyncRunner;
import org.openmrs.module.dhis2sync.sync.TrackerStore;
import org.openmrs.module.dhis2sync.tracking.SyncCategory;

/**
 * Starts reconciles, resends of the differences and resends from a date as runs of the {@link SyncRunner} (so each
 * holds its mapping's lock: one at a time per mapping, never beside a sync of it; each is logged with who started it
 * and why), and keeps the reports of the last reconciles of this server's life.
 */
public class Reconciliations {

    private static final int KEPT = 50;

    private final SyncRunner runner;
    private final SyncEngine engine;
    private final Reconciler reconciler;
    private final ReconcileStore store;
    private final TrackerStore trackers;
    private final Map<String, ReconcileJob> jobs = Collections.synchronizedMap(
            new LinkedHashMap<String, ReconcileJob>() {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, ReconcileJob> eldest) {
                    return size() > KEPT;
                }
            });
    private final Map<String, String> latestByMapping = new ConcurrentHashMap<>();

    public Reconciliations(SyncRunner runner, SyncEngine engine, ReconcileStore store, TrackerStore trackers) {
        this.runner = runner;
        this.engine = engine;
        this.reconciler = new Reconciler(engine, store);
        this.store = store;
        this.trackers = trackers;
    }

    /**
     * Starts a reconcile (or, with {@code resend}, a reconcile that sends again what it finds missing or different)
     * in the background.
     *
     * @param request the mapping, who and why (its job is ignored)
     * @throws org.openmrs.module.dhis2sync.sync.RunInProgressException when a run of the mapping holds its lock
     */
    public RunState start(RunRequest request, String owner, boolean resend) {
        ReconcileJob job = job(request, resend);
        RunState state = runner.start(withJob(request, job), owner);
        remember(state, request, job);
        return state;
    }

    /** A reconcile in the caller's thread (the scheduler's). */
    public RunState runNow(RunRequest request, String owner) {
        ReconcileJob job = job(request, false);
        RunState state = runner.runNow(withJob(request, job), owner);
        remember(state, request, job);
        return state;
    }

    /** The reconcile of that run, while it goes and after; null when this server has not kept it. */
    public ReconcileResult result(String runId) {
        ReconcileJob job = jobs.get(runId);
        if (job == null) {
            return null;
        }
        return new ReconcileResult(job.kind(), runner.state(runId), job.getReport());
    }

    /** The mapping's latest reconcile (or resend of differences) since this server started, or null. */
    public ReconcileResult latest(String mappingUuid) {
        String runId = latestByMapping.get(mappingUuid);
        return runId == null ? null : result(runId);
    }

    /** How many records a resend from that date will send again, per category (what changed since then). */
    public Map<SyncCategory, Integer> countFrom(RunRequest request, Date from) {
        return engine.countChangedSince(request.getConfig(), from);
    }

    /** Moves the mapping's markers back to the date and syncs from there, in the background. */
    public RunState startFrom(RunRequest request, String owner, Date from) {
        return runner.start(withJob(request, new ResendFromDateJob(trackers, request.getMappingUuid(),
                request.getConfig(), from)), owner);
    }

    private ReconcileJob job(RunRequest request, boolean resend) {
        return new ReconcileJob(reconciler, store, request.getMappingUuid(), request.getConfig(), resend);
    }

    private void remember(RunState state, RunRequest request, ReconcileJob job) {
        jobs.put(state.getRunId(), job);
        latestByMapping.put(request.getMappingUuid(), state.getRunId());
    }

    private static RunRequest withJob(RunRequest request, RunJob job) {
        return new RunRequest(request.getMappingUuid(), request.getConfig(), request.getUser(), request.getComment(),
                job);
    }
}
