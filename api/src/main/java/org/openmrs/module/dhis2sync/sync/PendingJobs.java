package org.openmrs.module.dhis2sync.sync;

import java.util.Map;
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

    static final String DEPRECATED_API_NOTE = "Syncs to this DHIS2 use its deprecated API, whose dry run would write:"
            + " the check used the tracker API's validation (importMode=VALIDATE) instead. The deprecated importer the"
            + " sync uses has rules of its own, so a record it refuses can pass this check.";
    static final String UNIQUE_NOTE = "DHIS2 checks unique attributes against what it stores: two new patients with"
            + " the same unique value may both pass the check, and one of them be refused by the sync.";
    private static final java.util.Map<SyncCategory, String> WORDS = new java.util.EnumMap<>(SyncCategory.class);

    static {
        WORDS.put(SyncCategory.INSTANCE, "patients");
        WORDS.put(SyncCategory.ENROLLMENT, "enrollments");
        WORDS.put(SyncCategory.EVENT, "events");
    }

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
            boolean deprecatedApi = requireCheckable();
            return jobs.<ValidationVerdict>start(kind, request.getMappingUuid(), request.getMappingName(),
                    request.getUser(), request.getComment(), context -> check(request, deprecatedApi, context));
        }
        throw new IllegalArgumentException("not a job of pending records: " + kind);
    }

    /** @return whether syncs go through the deprecated API (checked through the tracker API all the same) */
    private boolean requireCheckable() {
        try (Dhis2Client client = clients.get()) {
            SystemInfo info = client.systemInfo();
            if (Dhis2Clients.generationFor(info) != ApiGeneration.TRACKER) {
                throw new ValidationUnavailableException(info.getVersion());
            }
            return client.generation() != ApiGeneration.TRACKER;
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

    private void check(RunRequest request, boolean deprecatedApi, JobContext<ValidationVerdict> context) {
        Map<SyncCategory, Integer> verdicts = new java.util.concurrent.ConcurrentHashMap<>();
        RunTally tally = new RunTally(new RunTally.Listener() {
            @Override
            public void verdict(ValidationVerdict verdict) {
                // one per record: the tally hears only the first verdict of each
                verdicts.merge(verdict.getCategory(), 1, Integer::sum);
                context.record(new JobRecord<>(verdict.getCategory().name(),
                        verdict.getDecision() == null ? JobRecord.PROBLEM : verdict.getDecision().name(),
                        !verdict.isValid(), verdict));
            }
        });
        boolean completed = false;
        try {
            runner.validate(request, tally, () -> afterChunk(tally, context));
            completed = true;
        } finally {
            report(tally, context);
            coverage(verdicts, completed, context);
            if (deprecatedApi) {
                context.note(DEPRECATED_API_NOTE);
            }
            context.note(UNIQUE_NOTE);
        }
    }

    /** What the check covered: everything pending, or how much of it before it stopped. */
    private static void coverage(Map<SyncCategory, Integer> verdicts, boolean completed, JobContext<?> context) {
        StringBuilder parts = new StringBuilder();
        for (SyncCategory category : SyncCategory.values()) {
            parts.append(parts.length() == 0 ? "" : ", ").append(verdicts.getOrDefault(category, 0)).append(' ')
                    .append(WORDS.get(category));
        }
        if (completed) {
            context.note("Every pending record was checked: " + parts + ", in chunks of the batch size, each validated"
                    + " by DHIS2 together with the new patients and enrollments it refers to.");
        } else {
            context.note("Only part of what is pending was checked: " + parts + " before it stopped; the rest was not"
                    + " checked.");
        }
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
