package org.openmrs.module.dhis2sync.dhis2;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.openmrs.module.dhis2sync.dhis2.fake.FakeDhis2;
import org.openmrs.module.dhis2sync.dhis2.fake.RecordedRequest;

/**
 * Deletes by UID over HTTP against the fake DHIS2 (2.41 deprecated API, 2.41 and 2.42 tracker API): soft deletes that
 * cascade, a deleted UID that can never be created again, and one verdict per UID whatever DHIS2 answered.
 */
class ClientDeletesOverHttpTest {

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

    private TrackedEntity synced(String nationalId) {
        TrackedEntity te = ClientOverHttpTest.patient(nationalId, EnrollmentStatus.ACTIVE);
        assertThat(client.importTrackedEntities(List.of(te), ImportMode.COMMIT).errors()).isEmpty();
        return te;
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("org.openmrs.module.dhis2sync.dhis2.ClientOverHttpTest#setups")
    void deletedEventsAreGoneAndTheirUidsCanNeverBeUsedAgain(FakeDhis2.Version version, ApiChoice api,
            ApiGeneration expected) {
        start(version, api);
        TrackedEntity te = synced("NID-DEL-0001");
        Enrollment enrollment = te.getEnrollments().get(0);
        Event event = enrollment.getEvents().get(0);
        String unknown = Uid.generate();

        ImportResult deleted = client.deleteEvents(List.of(event.getUid(), unknown));

        assertThat(deleted.total()).isEqualTo(2);
        assertThat(deleted.resultFor(ObjectType.EVENT, event.getUid()).getOutcome()).isEqualTo(Outcome.DELETED);
        ObjectResult never = deleted.resultFor(ObjectType.EVENT, unknown);
        assertThat(never.getOutcome()).isEqualTo(Outcome.IGNORED);
        assertThat(never.getMessage()).contains(unknown);
        assertThat(fake.event(event.getUid())).isEmpty();
        assertThat(client.eventsByUid(List.of(event.getUid()))).isEmpty();
        assertThat(fake.enrollment(enrollment.getUid())).isPresent();

        // deleting again reaches the same end: DHIS2 says it is already deleted (tracker) or not present (deprecated)
        ObjectResult again = client.deleteEvents(List.of(event.getUid())).resultFor(ObjectType.EVENT, event.getUid());
        assertThat(again.isSuccess() || again.getOutcome() == Outcome.IGNORED).as(again.toString()).isTrue();

        Event reused = new Event(event.getUid(), enrollment.getUid(), te.getUid(), event.getProgramUid(),
                event.getProgramStageUid(), event.getOrgUnit(), EventStatus.COMPLETED, event.getOccurredAt(),
                event.getDataValues());
        ObjectResult refused = client.importEvents(List.of(reused), ImportMode.COMMIT)
                .resultFor(ObjectType.EVENT, event.getUid());
        assertThat(refused.getOutcome()).isEqualTo(Outcome.ERROR);
        if (expected == ApiGeneration.TRACKER) {
            assertThat(refused.getErrorCode()).isEqualTo("E1082");
            assertThat(refused.getMessage()).isEqualTo("E1082: Event: `" + event.getUid()
                    + "`, is already deleted and cannot be modified.");
        } else {
            assertThat(refused.getMessage()).isEqualTo("Event " + event.getUid() + " already exists or was deleted earlier");
        }
        assertThat(fake.event(event.getUid())).isEmpty();
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("org.openmrs.module.dhis2sync.dhis2.ClientOverHttpTest#setups")
    void deletingAnEnrollmentDeletesItsEventsAndATrackedEntityEverything(FakeDhis2.Version version, ApiChoice api,
            ApiGeneration expected) {
        start(version, api);
        TrackedEntity first = synced("NID-DEL-0002");
        TrackedEntity second = synced("NID-DEL-0003");
        Enrollment firstEnrollment = first.getEnrollments().get(0);

        ImportResult enrollmentDeleted = client.deleteEnrollments(List.of(firstEnrollment.getUid()));
        assertThat(enrollmentDeleted.resultFor(ObjectType.ENROLLMENT, firstEnrollment.getUid()).getOutcome())
                .isEqualTo(Outcome.DELETED);
        assertThat(fake.enrollment(firstEnrollment.getUid())).isEmpty();
        assertThat(fake.event(firstEnrollment.getEvents().get(0).getUid())).isEmpty();
        assertThat(fake.trackedEntity(first.getUid())).isPresent();

        ImportResult teDeleted = client.deleteTrackedEntities(List.of(second.getUid()));
        assertThat(teDeleted.resultFor(ObjectType.TRACKED_ENTITY, second.getUid()).getOutcome())
                .isEqualTo(Outcome.DELETED);
        assertThat(fake.trackedEntity(second.getUid())).isEmpty();
        assertThat(fake.enrollment(second.getEnrollments().get(0).getUid())).isEmpty();
        assertThat(client.trackedEntitiesByUid(List.of(first.getUid(), second.getUid())))
                .extracting(TrackedEntity::getUid).containsExactly(first.getUid());

        ImportResult recreated = client.importTrackedEntities(List.of(second), ImportMode.COMMIT);
        ObjectResult verdict = recreated.resultFor(ObjectType.TRACKED_ENTITY, second.getUid());
        assertThat(verdict.getOutcome()).isEqualTo(Outcome.ERROR);
        if (expected == ApiGeneration.TRACKER) {
            assertThat(verdict.getErrorCode()).isEqualTo("E1114");
        } else {
            assertThat(verdict.getMessage()).contains("already exists or was deleted earlier");
        }
        assertThat(fake.trackedEntity(second.getUid())).isEmpty();
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("org.openmrs.module.dhis2sync.dhis2.ClientOverHttpTest#setups")
    void withoutTheCascadeAuthorityDhis2RefusesAndNothingIsDeleted(FakeDhis2.Version version, ApiChoice api,
            ApiGeneration expected) {
        start(version, api);
        TrackedEntity te = synced("NID-DEL-0004");
        fake.allowCascadeDelete(false);

        ImportResult result = client.deleteTrackedEntities(List.of(te.getUid()));

        ObjectResult verdict = result.resultFor(ObjectType.TRACKED_ENTITY, te.getUid());
        assertThat(verdict.getOutcome()).isEqualTo(Outcome.ERROR);
        assertThat(verdict.getMessage()).contains("F_TEI_CASCADE_DELETE");
        if (expected == ApiGeneration.TRACKER) {
            assertThat(verdict.getErrorCode()).isEqualTo("E1100");
        }
        assertThat(fake.trackedEntity(te.getUid())).isPresent();
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("org.openmrs.module.dhis2sync.dhis2.ClientOverHttpTest#setups")
    void deletesGoInBatchesOnTheTrackerApiAndOneByOneOnTheDeprecatedOne(FakeDhis2.Version version, ApiChoice api,
            ApiGeneration expected) {
        start(version, api);
        TrackedEntity a = synced("NID-DEL-0005");
        TrackedEntity b = synced("NID-DEL-0006");
        fake.clearRequests();

        ImportResult result = client.deleteEvents(List.of(a.getEnrollments().get(0).getEvents().get(0).getUid(),
                b.getEnrollments().get(0).getEvents().get(0).getUid()));

        assertThat(result.count(Outcome.DELETED)).isEqualTo(2);
        List<RecordedRequest> requests = fake.requests();
        if (expected == ApiGeneration.TRACKER) {
            assertThat(requests).hasSize(1);
            assertThat(requests.get(0).path()).isEqualTo("/api/tracker");
            assertThat(requests.get(0).query()).contains("importStrategy=DELETE").contains("atomicMode=OBJECT");
        } else {
            assertThat(requests).extracting(RecordedRequest::kind).containsExactly("DELETE /api/events/{uid}",
                    "DELETE /api/events/{uid}");
        }
    }
}
