package org.openmrs.module.dhis2sync.dhis2;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.openmrs.module.dhis2sync.dhis2.fake.FakeDhis2;
import org.openmrs.module.dhis2sync.dhis2.fake.RecordedRequest;

/**
 * Reads by UID lists over HTTP against the fake DHIS2 (2.41 deprecated API, 2.41 and 2.42 tracker API), and what each
 * version keeps of the completion dates sent.
 */
class ClientReadsByUidOverHttpTest {

    private FakeDhis2 fake;
    private Dhis2Client client;

    private void start(FakeDhis2.Version version, ApiChoice api) {
        fake = FakeDhis2.start(version);
        client = Dhis2Clients.create(Dhis2Connection.withPassword(fake.baseUrl(), "admin", "district").withApi(api)
                .withRetries(0, Duration.ofMillis(10)));
    }

    @AfterEach
    void stop() {
        if (client != null) {
            client.close();
        }
        if (fake != null) {
            fake.close();
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("org.openmrs.module.dhis2sync.dhis2.ClientOverHttpTest#setups")
    void readsEveryObjectAskedForInChunksWithWhatAComparisonNeeds(FakeDhis2.Version version, ApiChoice api,
            ApiGeneration expected) {
        start(version, api);
        List<TrackedEntity> patients = new ArrayList<>();
        for (int i = 0; i < 55; i++) {
            patients.add(ClientOverHttpTest.patient("NID-READ-" + i, EnrollmentStatus.ACTIVE));
        }
        assertThat(client.importTrackedEntities(patients, ImportMode.COMMIT).errors()).isEmpty();
        List<String> teUids = new ArrayList<>();
        List<String> enrollmentUids = new ArrayList<>();
        List<String> eventUids = new ArrayList<>();
        for (TrackedEntity te : patients) {
            teUids.add(te.getUid());
            enrollmentUids.add(te.getEnrollments().get(0).getUid());
            eventUids.add(te.getEnrollments().get(0).getEvents().get(0).getUid());
        }
        String unknown = Uid.generate();
        teUids.add(3, unknown);
        fake.clearRequests();

        List<TrackedEntity> tes = client.trackedEntitiesByUid(teUids);

        teUids.remove(unknown);
        assertThat(tes).extracting(TrackedEntity::getUid).containsExactlyElementsOf(teUids);
        TrackedEntity first = tes.get(0);
        assertThat(first.getOrgUnit()).isEqualTo("OuVerify001");
        assertThat(first.getTrackedEntityType()).isEqualTo("TetPerson01");
        assertThat(first.getAttributes()).containsExactlyInAnyOrderElementsOf(patients.get(0).getAttributes());
        List<RecordedRequest> reads = fake.requests();
        assertThat(reads).hasSize(2);
        String list = expected == ApiGeneration.TRACKER ? "trackedEntities=" : "trackedEntityInstance=";
        assertThat(reads).allSatisfy(r -> assertThat(r.query()).contains(list));
        assertThat(reads.get(0).query()).contains(expected == ApiGeneration.TRACKER ? "%2C" : "%3B")
                .doesNotContain(expected == ApiGeneration.TRACKER ? "%3B" : "%2C" + teUids.get(1));

        List<Enrollment> enrollments = client.enrollmentsByUid(enrollmentUids);
        assertThat(enrollments).extracting(Enrollment::getUid).containsExactlyElementsOf(enrollmentUids);
        Enrollment enrollment = enrollments.get(0);
        Enrollment sent = patients.get(0).getEnrollments().get(0);
        assertThat(enrollment.getTrackedEntityUid()).isEqualTo(patients.get(0).getUid());
        assertThat(enrollment.getProgramUid()).isEqualTo(sent.getProgramUid());
        assertThat(enrollment.getOrgUnit()).isEqualTo(sent.getOrgUnit());
        assertThat(enrollment.getStatus()).isEqualTo(EnrollmentStatus.ACTIVE);
        assertThat(enrollment.getEnrolledAt()).isEqualTo(sent.getEnrolledAt());
        assertThat(enrollment.getOccurredAt()).isEqualTo(sent.getOccurredAt());
        assertThat(enrollment.getCompletedAt()).isNull();
        assertThat(enrollment.getEvents()).isEmpty();

        List<Event> events = client.eventsByUid(eventUids);
        assertThat(events).extracting(Event::getUid).containsExactlyElementsOf(eventUids);
        Event event = events.get(0);
        Event sentEvent = sent.getEvents().get(0);
        assertThat(event.getEnrollmentUid()).isEqualTo(sent.getUid());
        assertThat(event.getTrackedEntityUid()).isEqualTo(patients.get(0).getUid());
        assertThat(event.getProgramStageUid()).isEqualTo(sentEvent.getProgramStageUid());
        assertThat(event.getStatus()).isEqualTo(EventStatus.COMPLETED);
        assertThat(event.getOccurredAt()).isEqualTo(sentEvent.getOccurredAt());
        assertThat(event.getDataValues()).containsExactlyInAnyOrderElementsOf(sentEvent.getDataValues());
    }

    /**
     * The completion date of an enrollment sent COMPLETED: the tracker API of 2.41.9.1 stores the time of the import
     * (it ignores {@code completedAt}), 2.42.5.2 and the deprecated API keep the date sent (all three recorded on the
     * real servers). Sent again COMPLETED with another date, it keeps what it has (the date changes only with the status).
     */
    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("org.openmrs.module.dhis2sync.dhis2.ClientOverHttpTest#setups")
    void completionDateKeptOrReplacedByTheImportTimeAsEachVersionDoes(FakeDhis2.Version version, ApiChoice api,
            ApiGeneration expected) {
        start(version, api);
        TrackedEntity te = ClientOverHttpTest.patient("NID-DONE-0001", EnrollmentStatus.ACTIVE);
        client.importTrackedEntities(List.of(te), ImportMode.COMMIT);
        Enrollment active = te.getEnrollments().get(0);
        Enrollment completed = new Enrollment(active.getUid(), te.getUid(), active.getProgramUid(), active.getOrgUnit(),
                EnrollmentStatus.COMPLETED, active.getEnrolledAt(), active.getOccurredAt(), LocalDate.of(2024, 6, 30),
                List.of());
        assertThat(client.importEnrollments(List.of(completed), ImportMode.COMMIT).errors()).isEmpty();

        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        boolean dropsCompletedAt = version == FakeDhis2.Version.V2_41 && expected == ApiGeneration.TRACKER;
        LocalDate expectedDate = dropsCompletedAt ? today : LocalDate.of(2024, 6, 30);
        assertThat(client.enrollmentsByUid(List.of(active.getUid())).get(0).getCompletedAt()).isEqualTo(expectedDate);

        Enrollment redated = new Enrollment(active.getUid(), te.getUid(), active.getProgramUid(), active.getOrgUnit(),
                EnrollmentStatus.COMPLETED, active.getEnrolledAt(), active.getOccurredAt(), LocalDate.of(2024, 7, 31),
                List.of());
        client.importEnrollments(List.of(redated), ImportMode.COMMIT);
        LocalDate afterRedate = client.enrollmentsByUid(List.of(active.getUid())).get(0).getCompletedAt();
        assertThat(afterRedate).isEqualTo(expectedDate);
    }
}
