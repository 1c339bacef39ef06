package org.openmrs.module.dhis2sync.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.util.Arrays;
import java.util.Date;

import org.junit.jupiter.api.Test;
import org.openmrs.module.dhis2sync.tracking.SyncCategory;
import org.openmrs.module.dhis2sync.tracking.SyncLog;
import org.openmrs.module.dhis2sync.tracking.SyncStatus;

/** What a run's log row says at its end, apart from the runner that writes it. */
class RunLogRowsTest {

    private static final Date START = new Date(1_000_000L);
    private static final Date END = new Date(2_000_000L);

    @Test
    void aRunThatStoppedIsFailedAndSaysWhyAndThatNothingIsLost() {
        ActiveRun run = run(null);
        run.tally.created(SyncCategory.INSTANCE);

        SyncLog row = end(run, new IllegalStateException("DHIS2 is down"));

        assertThat(row.getStatus()).isEqualTo(SyncStatus.FAILED);
        assertThat(row.getStatusInfo()).startsWith("DHIS2 is down — nothing is lost");
        assertThat(row.getPatientsCreated()).isEqualTo(1);
        assertThat(row.getEndDate()).isEqualTo(END);
        assertThat(end(run(null), new NullPointerException()).getStatusInfo()).startsWith("NullPointerException — ");
    }

    @Test
    void refusedRecordsMakeItPartialAndAreListedInTheDetails() {
        ActiveRun run = run(null);
        run.tally.failed(SyncCategory.EVENT, "enc-1", "E1007 wrong value");

        SyncLog row = end(run, null);

        assertThat(row.getStatus()).isEqualTo(SyncStatus.PARTIAL);
        assertThat(row.getFailedCount()).isEqualTo(1);
        assertThat(row.getDetails()).isEqualTo("Records not sent:\nEVENT enc-1: E1007 wrong value\n");
    }

    @Test
    void aSuccessNotesAmbiguousPatientsAndWarnings() {
        ActiveRun run = run(null);
        run.tally.ambiguous("pat-1", Arrays.asList("uid00000001", "uid00000002"));
        run.tally.warning(SyncCategory.EVENT, "enc-1", "one of two values sent");

        SyncLog row = end(run, null);

        assertThat(row.getStatus()).isEqualTo(SyncStatus.SUCCESS);
        assertThat(row.getStatusInfo()).isEqualTo("1 patient(s) matched several tracked entities in DHIS2 and were"
                + " sent as new; 1 record(s) were sent with a warning (e.g. one of several values of a concept): see"
                + " details");
        assertThat(row.getDetails()).startsWith("Patients matching several tracked entities:\npatient pat-1")
            .contains("Sent with a warning:\nEVENT enc-1: one of two values sent\n");
        assertThat(end(run(null), null).getStatusInfo()).isNull();
    }

    @Test
    void aJobsOwnStatusOutcomeAndDetailsComeFirst() {
        RunJob job = mock(RunJob.class);
        when(job.status()).thenReturn(SyncStatus.PARTIAL);
        when(job.outcome()).thenReturn("3 differences found");
        when(job.details()).thenReturn("Differences:\n");
        ActiveRun run = run(job);
        run.tally.warning(SyncCategory.INSTANCE, "pat-1", "a warning");

        SyncLog row = end(run, null);

        assertThat(row.getStatus()).isEqualTo(SyncStatus.PARTIAL);
        assertThat(row.getStatusInfo()).startsWith("3 differences found; 1 record(s) were sent with a warning");
        assertThat(row.getDetails()).startsWith("Differences:\nSent with a warning:\n");
        assertThat(end(run(job), new IllegalStateException("stopped")).getStatus()).isEqualTo(SyncStatus.FAILED);
    }

    @Test
    void detailsAreCutAtSixtyThousandCharacters() {
        RunJob job = mock(RunJob.class);
        StringBuilder many = new StringBuilder();
        while (many.length() <= 70_000) {
            many.append("a line of the job's own details\n");
        }
        when(job.details()).thenReturn(many.toString());

        String details = end(run(job), null).getDetails();

        assertThat(details).hasSize(60_000 + 2).endsWith("\n…");
    }

    @Test
    void aRowStillRunningWhereNoRunGoesTellsOfAnInterruptedRun() {
        SyncLog row = RunLogRows.started("run-1", request(null), START);
        row.setPatientsCreated(4);

        RunState state = RunLogRows.stateOf(row);

        assertThat(state.getStatus()).isEqualTo(SyncStatus.RUNNING);
        assertThat(state.getProgress().getPhase()).isEqualTo("interrupted");
        assertThat(state.getProgress().get(SyncCategory.INSTANCE).getCreated()).isEqualTo(4);
        assertThat(row.getKind()).isEqualTo("SYNC");
        assertThat(row.getSyncedBy()).isEqualTo("admin");
    }

    private static SyncLog end(ActiveRun run, Throwable failure) {
        SyncLog row = RunLogRows.started(run.runId, run.request, run.startDate);
        RunLogRows.finished(row, run, run.tally.progress(), failure, END);
        return row;
    }

    private static ActiveRun run(RunJob job) {
        return new ActiveRun("run-1", request(job), START);
    }

    private static RunRequest request(RunJob job) {
        return new RunRequest("mapping-1", SyncHarness.mapping(false), "admin", "a comment", job);
    }
}
