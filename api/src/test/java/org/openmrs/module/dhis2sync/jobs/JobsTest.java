package org.openmrs.module.dhis2sync.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Date;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class JobsTest {

    private static final String MAPPING = "mapping-1";

    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final Jobs jobs = new Jobs(threads, Date::new, 3);

    @AfterEach
    void stop() {
        threads.shutdownNow();
    }

    @Test
    void aJobRunsInTheBackgroundReportingProgressAndRecordsThenEndsDone() throws Exception {
        CountDownLatch firstRecord = new CountDownLatch(1);
        CountDownLatch goOn = new CountDownLatch(1);
        JobState started = jobs.<String>start(JobKind.PREVIEW, MAPPING, "HTS", "admin", "before the audit", context -> {
            context.phase("patients");
            context.progress("INSTANCE", 1, 4);
            context.record(new JobRecord<>("INSTANCE", "NEW", false, "p1"));
            firstRecord.countDown();
            await(goOn);
            context.record(new JobRecord<>("INSTANCE", "UPDATE", false, "p2"));
            context.record(new JobRecord<>("INSTANCE", "NEW", true, "p3"));
            context.progress("INSTANCE", 4, 4);
            context.note("all of it");
        });

        assertThat(started.getStatus()).isEqualTo(JobStatus.RUNNING);
        assertThat(started.getStartedBy()).isEqualTo("admin");
        assertThat(started.getReason()).isEqualTo("before the audit");
        assertThat(firstRecord.await(5, TimeUnit.SECONDS)).isTrue();
        JobState running = jobs.state(started.getJobId());
        assertThat(running.getStatus()).isEqualTo(JobStatus.RUNNING);
        assertThat(running.getPhase()).isEqualTo("patients");
        assertThat(running.getPercent()).isEqualTo(25);
        assertThat(running.getRecords()).as("the first record is there while the job runs").isEqualTo(1);
        assertThat(jobs.<String>page(started.getJobId(), null, false, 0, 10).getRecords()).extracting(JobRecord::getItem)
                .containsExactly("p1");

        goOn.countDown();
        JobState done = awaitEnd(started.getJobId());

        assertThat(done.getStatus()).isEqualTo(JobStatus.DONE);
        assertThat(done.getPercent()).isEqualTo(100);
        assertThat(done.getEndDate()).isNotNull();
        assertThat(done.getSummary().get("INSTANCE")).containsEntry("NEW", 1L).containsEntry("UPDATE", 1L)
                .containsEntry(JobRecord.PROBLEM, 1L);
        assertThat(done.getProblems()).isEqualTo(1);
        assertThat(done.getNotes()).containsExactly("all of it");
        assertThat(jobs.<String>page(started.getJobId(), "INSTANCE", true, 0, 10).getRecords())
                .extracting(JobRecord::getItem).containsExactly("p3");
    }

    @Test
    void oneJobOfAKindAndMappingAtATimeWhileOthersMayRun() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        JobState first = jobs.<String>start(JobKind.CHECK, MAPPING, "HTS", "admin", null, context -> await(release));

        assertThatThrownBy(() -> jobs.<String>start(JobKind.CHECK, MAPPING, "HTS", "clerk", null, context -> { }))
                .isInstanceOf(JobRunningException.class)
                .hasMessage("a check of mapping 'HTS' is already going (started by admin); follow it, or cancel it first")
                .satisfies(e -> assertThat(((JobRunningException) e).getJobId()).isEqualTo(first.getJobId()));
        JobState preview = jobs.<String>start(JobKind.PREVIEW, MAPPING, "HTS", "admin", null, context -> { });
        JobState otherMapping = jobs.<String>start(JobKind.CHECK, "mapping-2", "ANC", "admin", null, context -> { });

        assertThat(awaitEnd(preview.getJobId()).getStatus()).isEqualTo(JobStatus.DONE);
        assertThat(awaitEnd(otherMapping.getJobId()).getStatus()).isEqualTo(JobStatus.DONE);
        release.countDown();
        assertThat(awaitEnd(first.getJobId()).getStatus()).isEqualTo(JobStatus.DONE);
    }

    @Test
    void theResultIsKeptUntilTheNextJobOfItsKindAndMapping() throws Exception {
        JobState first = jobs.<String>start(JobKind.PREVIEW, MAPPING, "HTS", "admin", null,
                context -> context.record(new JobRecord<>("EVENT", "NEW", false, "e1")));
        awaitEnd(first.getJobId());
        assertThat(jobs.latest(JobKind.PREVIEW, MAPPING).getJobId()).isEqualTo(first.getJobId());

        JobState second = jobs.<String>start(JobKind.PREVIEW, MAPPING, "HTS", "admin", null, context -> { });

        assertThat(jobs.state(first.getJobId())).isNull();
        assertThat(jobs.page(first.getJobId(), null, false, 0, 10)).isNull();
        assertThat(jobs.latest(JobKind.PREVIEW, MAPPING).getJobId()).isEqualTo(second.getJobId());
        assertThat(jobs.list(JobKind.PREVIEW, null)).extracting(JobState::getJobId).containsExactly(second.getJobId());
    }

    @Test
    void aCancelledJobStopsAtItsNextCheckAndKeepsWhatItFound() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        JobState job = jobs.<String>start(JobKind.CHECK, MAPPING, "HTS", "admin", null, context -> {
            context.record(new JobRecord<>("INSTANCE", "NEW", false, "p1"));
            started.countDown();
            while (true) {
                context.checkCancelled();
                Thread.yield();
            }
        });
        assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();

        jobs.cancel(job.getJobId());
        JobState end = awaitEnd(job.getJobId());

        assertThat(end.getStatus()).isEqualTo(JobStatus.CANCELLED);
        assertThat(end.getMessage()).startsWith("cancelled");
        assertThat(end.getRecords()).isEqualTo(1);
        assertThat(jobs.cancel("no-such-job")).isNull();
    }

    @Test
    void aFailingJobEndsFailedWithItsMessage() throws Exception {
        JobState job = jobs.<String>start(JobKind.CHECK, MAPPING, "HTS", "admin", null, context -> {
            throw new IllegalStateException("DHIS2 is down");
        });

        JobState end = awaitEnd(job.getJobId());

        assertThat(end.getStatus()).isEqualTo(JobStatus.FAILED);
        assertThat(end.getMessage()).isEqualTo("DHIS2 is down");
    }

    @Test
    void recordsAreBoundedPerGroupWithCompleteCountsAndTheirProblemsKeptApart() throws Exception {
        JobState job = jobs.<String>start(JobKind.PREVIEW, MAPPING, "HTS", "admin", null, context -> {
            for (int i = 1; i <= 10; i++) {
                context.record(new JobRecord<>("EVENT", "NEW", i > 6, "e" + i));
            }
            context.record(new JobRecord<>("INSTANCE", "UPDATE", false, "p1"));
        });
        awaitEnd(job.getJobId());

        JobPage<String> events = jobs.page(job.getJobId(), "EVENT", false, 0, 2);
        assertThat(events.getRecords()).extracting(JobRecord::getItem).containsExactly("e1", "e2");
        assertThat(events.getKept()).isEqualTo(3);
        assertThat(events.getCounted()).isEqualTo(10);
        assertThat(events.isTruncated()).isTrue();
        assertThat(jobs.<String>page(job.getJobId(), "EVENT", false, 2, 2).getRecords()).extracting(JobRecord::getItem)
                .containsExactly("e3");
        JobPage<String> problems = jobs.page(job.getJobId(), "EVENT", true, 0, 10);
        assertThat(problems.getRecords()).extracting(JobRecord::getItem).containsExactly("e7", "e8", "e9");
        assertThat(problems.getCounted()).isEqualTo(4);
        assertThat(jobs.<String>page(job.getJobId(), null, false, 0, 10).getRecords()).extracting(JobRecord::getItem)
                .containsExactly("e1", "e2", "e3", "p1");
        assertThat(jobs.state(job.getJobId()).getSummary().get("EVENT")).containsEntry("NEW", 6L)
                .containsEntry(JobRecord.PROBLEM, 4L);
    }

    @Test
    void atMostKeptJobsFinishedJobsAreRemembered() throws Exception {
        String firstId = null;
        for (int i = 0; i <= Jobs.KEPT_JOBS; i++) {
            JobState job = jobs.<String>start(JobKind.PREVIEW, "mapping-" + i, "M" + i, "admin", null, context -> { });
            awaitEnd(job.getJobId());
            firstId = firstId == null ? job.getJobId() : firstId;
        }
        jobs.<String>start(JobKind.PREVIEW, "one-more", "M", "admin", null, context -> { });

        assertThat(jobs.state(firstId)).isNull();
        assertThat(jobs.list(null, null).size()).isLessThanOrEqualTo(Jobs.KEPT_JOBS + 1);
    }

    private JobState awaitEnd(String jobId) throws InterruptedException {
        long until = System.currentTimeMillis() + 10_000;
        JobState state = jobs.state(jobId);
        while (state.getStatus() == JobStatus.RUNNING && System.currentTimeMillis() < until) {
            Thread.sleep(10);
            state = jobs.state(jobId);
        }
        return state;
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
