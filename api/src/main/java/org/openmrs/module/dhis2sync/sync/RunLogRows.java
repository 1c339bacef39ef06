package org.openmrs.module.dhis2sync.sync;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.openmrs.module.dhis2sync.tracking.SyncCategory;
import org.openmrs.module.dhis2sync.tracking.SyncLog;
import org.openmrs.module.dhis2sync.tracking.SyncStatus;

/**
 * What a run's log row says: the request when it starts; when it ends, its counts, its outcome (FAILED, PARTIAL,
 * SUCCESS, or the job's own) with a sentence on what it means, and the details (the records not sent, sent with a
 * warning, matched ambiguously); and the state of a run read back from its row.
 */
final class RunLogRows {

    private static final int DETAILS_CAP = 60_000;

    private RunLogRows() {
    }

    /** The row of a run starting now. */
    static SyncLog started(String runId, RunRequest request, Date now) {
        SyncLog row = new SyncLog();
        row.setRunId(runId);
        row.setMappingUuid(request.getMappingUuid());
        row.setMappingName(request.getMappingName());
        row.setSyncedBy(request.getUser());
        row.setComments(request.getComment());
        row.setKind(request.getKind());
        row.setStartDate(now);
        row.setStatus(SyncStatus.RUNNING);
        return row;
    }

    /** Writes the run's end into its row. @param failure what stopped the run; null when it finished */
    static void finished(SyncLog row, ActiveRun run, RunProgress progress, Throwable failure, Date end) {
        row.setEndDate(end);
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
    }

    /** The state of a run that is not going here, as its row tells it (a RUNNING row's run was interrupted). */
    static RunState stateOf(SyncLog row) {
        Map<SyncCategory, CategoryCounts> counts = new EnumMap<>(SyncCategory.class);
        counts.put(SyncCategory.INSTANCE, CategoryCounts.logged(row.getPatientsCreated(), row.getPatientsUpdated()));
        counts.put(SyncCategory.ENROLLMENT,
                CategoryCounts.logged(row.getEnrollmentsCreated(), row.getEnrollmentsUpdated()));
        counts.put(SyncCategory.EVENT, CategoryCounts.logged(row.getEventsCreated(), row.getEventsUpdated()));
        String phase = row.getStatus() == SyncStatus.RUNNING ? "interrupted" : "done";
        return new RunState(row.getRunId(), row.getMappingUuid(), row.getMappingName(), row.getStatus(),
                row.getStartDate(), row.getEndDate(), new RunProgress(phase, counts, row.getAmbiguousCount()),
                Collections.<String>emptyList(), row.getStatusInfo());
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
}
