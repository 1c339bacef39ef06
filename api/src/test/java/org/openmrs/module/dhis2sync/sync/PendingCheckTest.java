package org.openmrs.module.dhis2sync.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.openmrs.module.dhis2sync.dhis2.ApiChoice;
import org.openmrs.module.dhis2sync.dhis2.ValidationUnavailableException;
import org.openmrs.module.dhis2sync.dhis2.fake.FakeDhis2;
import org.openmrs.module.dhis2sync.dhis2.fake.RecordedRequest;
import org.openmrs.module.dhis2sync.jobs.JobKind;
import org.openmrs.module.dhis2sync.jobs.JobPage;
import org.openmrs.module.dhis2sync.jobs.JobRecord;
import org.openmrs.module.dhis2sync.jobs.JobState;
import org.openmrs.module.dhis2sync.jobs.JobStatus;
import org.openmrs.module.dhis2sync.jobs.Jobs;
import org.openmrs.module.dhis2sync.tracking.SyncCategory;

/**
 * "Check with DHIS2" of everything pending, as a job: the sync's own walk, every chunk validated by DHIS2 together
 * with the new patients and enrollments it refers to, one verdict per record, nothing written.
 */
class PendingCheckTest {

    private SyncHarness harness;
    /** Jobs run in the caller's thread here: start returns once the job has ended. */
    private Jobs jobs;
    private PendingJobs pending;

    static Stream<Arguments> apis() {
        return Stream.of(Arguments.of("2.41, deprecated API", FakeDhis2.Version.V2_41, ApiChoice.LEGACY),
                Arguments.of("2.41, tracker API", FakeDhis2.Version.V2_41, ApiChoice.AUTO),
                Arguments.of("2.42, tracker API", FakeDhis2.Version.V2_42, ApiChoice.AUTO));
    }

    @AfterEach
    void stop() {
        if (harness != null) {
            harness.close();
        }
    }

    private void start(FakeDhis2.Version version, ApiChoice api) {
        harness = SyncHarness.start(version, api);
        jobs = new Jobs(Runnable::run, Date::new);
        pending = new PendingJobs(jobs, harness.runner, harness.clients);
        // chunks of 2: the 5 patients, their enrollments and their visits span several bundles each
        harness.setSettings(new RunSettings(2, null));
    }

    private void newPatient(int n, String gender) {
        String p = "p-" + n;
        harness.openmrs.putPatient(SyncHarness.patient(p, "NID-" + n, "Patient" + n, gender));
        harness.openmrs.putEnrollment(SyncHarness.enrollment("pp-" + n, p, "2025-01-1" + n, null));
        harness.openmrs.putEncounter(SyncHarness.visit("enc-" + n, p, "2025-02-1" + n, SyncHarness.weight("6" + n)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("apis")
    void aFirstSyncIsCheckedWholeWithEachEnrollmentAndEventValidatedWithItsNewPatient(String name,
            FakeDhis2.Version version, ApiChoice api) {
        start(version, api);
        for (int n = 1; n <= 5; n++) {
            newPatient(n, n % 2 == 0 ? "M" : "F");
        }
        harness.dhis2.clearRequests();

        JobState job = pending.start(JobKind.CHECK, harness.request());

        JobState done = jobs.state(job.getJobId());
        assertThat(done.getStatus()).as(String.valueOf(done.getMessage())).isEqualTo(JobStatus.DONE);
        for (SyncCategory category : SyncCategory.values()) {
            assertThat(done.getSummary().get(category.name())).as(category + " in " + done.getSummary())
                    .containsEntry("NEW", 5L).doesNotContainKey(JobRecord.PROBLEM);
            assertThat(done.getProgress().get(category.name()).getDone()).isEqualTo(5);
        }
        assertThat(done.getNotes().get(0)).isEqualTo("Every pending record was checked: 5 patients, 5 enrollments,"
                + " 5 events, in chunks of the batch size, each validated by DHIS2 together with the"
                + " new patients and enrollments it refers to.");
        assertThat(done.getNotes()).contains(PendingJobs.UNIQUE_NOTE);
        assertThat(done.getNotes().contains(PendingJobs.DEPRECATED_API_NOTE)).isEqualTo(api == ApiChoice.LEGACY);
        JobPage<ValidationVerdict> all = jobs.page(job.getJobId(), null, false, 0, 100);
        assertThat(all.getRecords()).hasSize(15);
        Set<String> records = all.getRecords().stream().map(r -> r.getGroup() + " " + r.getItem().getOpenmrsUuid())
                .collect(Collectors.toSet());
        assertThat(records).as("exactly one verdict per record").hasSize(15);
        assertThat(all.getRecords()).allMatch(r -> r.getItem().isValid() && r.getItem().getDecision() == Decision.NEW);

        List<RecordedRequest> posts = harness.dhis2.requests().stream().filter(r -> r.method().equals("POST"))
                .collect(Collectors.toList());
        assertThat(posts).as("one validation per chunk: 3 chunks of patients, enrollments and events each")
                .hasSize(9).allMatch(r -> r.path().equals("/api/tracker") && r.query().contains("importMode=VALIDATE"));
        assertThat(posts.get(3).body()).as("an enrollment goes nested in its new tracked entity")
                .contains("\"trackedEntities\"").contains("\"enrollments\"");
        assertThat(harness.dhis2.trackedEntities()).isEmpty();
        assertThat(harness.dhis2.enrollments()).isEmpty();
        assertThat(harness.store.instanceTrackers(List.of("p-1", "p-2"))).isEmpty();
        assertThat(harness.store.enrollmentTrackers(List.of("pp-1"))).isEmpty();
        assertThat(harness.store.failedUuids(harness.mappingUuid, SyncCategory.INSTANCE)).isEmpty();
        assertThat(harness.store.marker(harness.mappingUuid, SyncCategory.INSTANCE)).isNull();
    }

    @Test
    void theEnrollmentAndEventOfARefusedPatientSaySoOnceEach() {
        start(FakeDhis2.Version.V2_42, ApiChoice.AUTO);
        newPatient(1, "F");
        newPatient(2, "O"); // no gender code: DHIS2 refuses the patient

        JobState job = pending.start(JobKind.CHECK, harness.request());

        JobState done = jobs.state(job.getJobId());
        assertThat(done.getProblems()).isEqualTo(3);
        JobPage<ValidationVerdict> problems = jobs.page(job.getJobId(), null, true, 0, 100);
        assertThat(problems.getRecords()).extracting(r -> r.getItem().getOpenmrsUuid())
                .containsExactly("p-2", "pp-2", "enc-2");
        ValidationVerdict patient = problems.getRecords().get(0).getItem();
        assertThat(patient.getErrorCode()).isNotEmpty();
        assertThat(problems.getRecords().get(1).getItem().getMessage())
                .isEqualTo("patient p-2 is refused by this check (see the patient's verdict): DHIS2 would refuse its"
                        + " enrollment");
        assertThat(problems.getRecords().get(2).getItem().getMessage()).contains("is refused by this check");
        Set<String> seen = new HashSet<>();
        assertThat(jobs.<ValidationVerdict>page(job.getJobId(), null, false, 0, 100).getRecords())
                .allMatch(r -> seen.add(r.getGroup() + r.getItem().getOpenmrsUuid())).hasSize(6);
    }

    @Test
    void afterASyncTheVisitsOfNewEnrollmentsAreCheckedOnceAsTheSyncWouldSendThemOnce() {
        start(FakeDhis2.Version.V2_42, ApiChoice.AUTO);
        newPatient(1, "F");
        assertThat(harness.sync().getStatus().name()).isEqualTo("SUCCESS");
        harness.tick(java.time.Duration.ofHours(1));
        for (int n = 2; n <= 4; n++) {
            newPatient(n, "M");
        }

        JobState job = pending.start(JobKind.CHECK, harness.request());

        JobState done = jobs.state(job.getJobId());
        assertThat(done.getSummary().get("EVENT")).as(done.getSummary().toString()).containsEntry("NEW", 3L)
                .hasSize(1);
        assertThat(jobs.<ValidationVerdict>page(job.getJobId(), "EVENT", false, 0, 10).getRecords())
                .extracting(r -> r.getItem().getOpenmrsUuid()).containsExactlyInAnyOrder("enc-2", "enc-3", "enc-4");
    }

    @Test
    void aCheckOfADhis2BelowTheTrackerApiIsRefusedBeforeAnythingIsReadOrSent() {
        start(FakeDhis2.Version.V2_41, ApiChoice.AUTO);
        newPatient(1, "F");
        harness.dhis2.reportVersion("2.40.5");
        harness.dhis2.clearRequests();

        assertThatThrownBy(() -> pending.start(JobKind.CHECK, harness.request()))
                .isInstanceOf(ValidationUnavailableException.class)
                .hasMessage("this DHIS2 (version 2.40.5) cannot check records without writing them; the check is"
                        + " available from DHIS2 2.41");

        assertThat(harness.dhis2.requests()).extracting(RecordedRequest::path).containsOnly("/api/system/info");
        assertThat(jobs.list(null, null)).isEmpty();
    }

    @Test
    void aPreviewJobListsWhatASyncWouldSendAsTheRunDecidesIt() {
        start(FakeDhis2.Version.V2_42, ApiChoice.AUTO);
        newPatient(1, "F");
        newPatient(2, "M");
        harness.dhis2.clearRequests();

        JobState job = pending.start(JobKind.PREVIEW, harness.request());

        JobState done = jobs.state(job.getJobId());
        assertThat(done.getStatus()).isEqualTo(JobStatus.DONE);
        assertThat(done.getSummary().get("EVENT")).containsEntry("NEW", 2L);
        assertThat(done.getRecords()).isEqualTo(6);
        assertThat(jobs.<PendingRecord>page(job.getJobId(), "ENROLLMENT", false, 0, 10).getRecords())
                .extracting(r -> r.getItem().getOpenmrsUuid()).containsExactly("pp-1", "pp-2");
        assertThat(harness.dhis2.requests()).isEmpty();
    }
}
