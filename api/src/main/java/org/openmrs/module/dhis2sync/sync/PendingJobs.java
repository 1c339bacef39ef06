package org.openmrs.module.dhis2sync.sync;

import java.util.HashSet;
import java.util.Set;
import java.util.function.Supplier;

import org.openmrs.module.dhis2sync.dhis2.ApiGeneration;
import org.openmrs.module.dhis2sync.dhis2.Dhis2Client;
import org.openmrs.module.dhis2sync.dhis2.Dhis2Clients;
import org.openmrs.module.dhis2sync.dhis2.SystemInfo;
import org.openmrs.module.dhis2sync.dhis2.ValidationUnavailableException;
import org.openmrs.module.dhis2sync.jobs.JobContext;
import org.openmrs.module.dhis2sync.jobs.JobKind;
import org.openmrs.module.dhis2sync.jobs.JobRecord;
import org.openmrs.module.dhis2sync.jobs.JobState;
import org.openmrs.module.dhis2sync.jobs.Jobs;
import org.openmrs.module.dhis2sync.tracking.SyncCategory;

/**
 * The preview and the DHIS2 check of everything pending, as background {@link Jobs}: the same engine run as a sync
 * ({@link SyncRunner#preview(RunRequest, RunTally, Runnable)}: stopped before sending;
 * {@link SyncRunner#validate(RunRequest, RunTally, Runnable)}: sent to DHIS2's validation-only import), each record
 * handed to the job as soon as the engine decides it, progress reported and cancellation honoured after every chunk.
 */
public class PendingJobs {

    private final Jobs jobs;
    private final SyncRunner runner;
    private final Supplier<Dhis2Client> clients;

    public PendingJobs(Jobs jobs, SyncRunner runner, Supplier<Dhis2Client> clients) {
        this.jobs = jobs;
        this.runner = runner;
        this.clients = clients;
    }

    /**
     * Starts a preview or a check of the request's mapping.
     *
     * @throws org.openmrs.module.dhis2sync.jobs.JobRunningException when one of that kind and mapping is going
     * @throws ValidationUnavailableException for a check of a DHIS2 that cannot check without writing (below 2.41):
     *                                        refused before anything is read or sent
     */
    public JobState start(JobKind kind, RunRequest request) {
        if (kind == JobKind.PREVIEW) {
            return jobs.<PendingRecord>start(kind, request.getMappingUuid(), request.getMappingName(),
                    request.getUser(), request.getComment(), context -> preview(request, context));
        }
        if (kind == JobKind.CHECK) {
            requireCheckable();
            return jobs.<ValidationVerdict>start(kind, request.getMappingUuid(), request.getMappingName(),
                    request.getUser(), request.getComment(), context -> check(request, context));
        }
        throw new IllegalArgumentException("not a job of pending records: " + kind);
    }

    private void requireCheckable() {
        try (Dhis2Client client = clients.get()) {
            SystemInfo info = client.systemInfo();
            if (Dhis2Clients.generationFor(info) != ApiGeneration.TRACKER) {
                throw new ValidationUnavailableException(info.getVersion());
            }
        }
    }

    private void preview(RunRequest request, JobContext<PendingRecord> context) {
        RunTally tally = new RunTally(new RunTally.Listener() {
            @Override
            public void pending(PendingRecord record) {
                context.record(new JobRecord<>(record.getCategory().name(),
                        record.getDecision() == null ? JobRecord.PROBLEM : record.getDecision().name(),
                        record.getError() != null, record));
            }
        });
        runner.preview(request, tally, () -> afterChunk(tally, context));
        report(tally, context);
    }

    private void check(RunRequest request, JobContext<ValidationVerdict> context) {
        Set<String> heard = new HashSet<>();
        RunTally tally = new RunTally(new RunTally.Listener() {
            @Override
            public void verdict(ValidationVerdict verdict) {
                // exactly one verdict per record, whatever DHIS2 repeats
                if (heard.add(verdict.getCategory() + "|" + verdict.getOpenmrsUuid() + "|" + verdict.getDhis2Uid())) {
                    context.record(new JobRecord<>(verdict.getCategory().name(),
                            verdict.getDecision() == null ? JobRecord.PROBLEM : verdict.getDecision().name(),
                            !verdict.isValid(), verdict));
                }
            }
        });
        runner.validate(request, tally, () -> afterChunk(tally, context));
        report(tally, context);
    }

    private static void afterChunk(RunTally tally, JobContext<?> context) {
        report(tally, context);
        context.checkCancelled();
    }

    private static void report(RunTally tally, JobContext<?> context) {
        RunProgress progress = tally.progress();
        context.phase(progress.getPhase());
        for (SyncCategory category : SyncCategory.values()) {
            CategoryCounts counts = progress.get(category);
            context.progress(category.name(), counts.getDone(), counts.getTotal());
        }
    }
}
