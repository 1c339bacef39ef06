package org.openmrs.module.dhis2sync.dhis2;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.openmrs.module.dhis2sync.dhis2.fake.FakeDhis2;
import org.openmrs.module.dhis2sync.dhis2.fake.Metadata;
import org.openmrs.module.dhis2sync.dhis2.fake.RecordedRequest;

/**
 * {@link Dhis2Client#validate(TrackerBundle)} over HTTP against the fake DHIS2 (2.41 deprecated API, 2.41 and 2.42
 * tracker API): new patients checked together with their enrollments and events, in one read-only request, with
 * exactly one verdict per object.
 */
class BundleValidationOverHttpTest {

    private static final String PROGRAM = "PrgVerify01";
    private static final String STAGE = "StgVisit001";
    private static final String OU = "OuVerify001";

    private FakeDhis2 fake;
    private Dhis2Client client;

    private void start(FakeDhis2.Version version, ApiChoice api) {
        fake = FakeDhis2.start(version);
        client = Dhis2Clients.create(Dhis2Connection.withPassword(fake.baseUrl(), "admin", "district").withApi(api)
                .withRetries(0, Duration.ofMillis(10)));
        fake.clearRequests();
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

    private static TrackedEntity trackedEntity(String uid, String nationalId) {
        return new TrackedEntity(uid, "TetPerson01", OU, List.of(new AttributeValue("TeaNatIdNo1", nationalId),
                new AttributeValue("TeaSexAttr1", "FEMALE")), List.of());
    }

    private static Enrollment enrollment(String uid, String te) {
        return new Enrollment(uid, te, PROGRAM, OU, EnrollmentStatus.ACTIVE, LocalDate.of(2024, 1, 10), null, null,
                List.of());
    }

    private static Event event(String uid, String enrollment, String te, String orgUnit, String result) {
        return new Event(uid, enrollment, te, PROGRAM, STAGE, orgUnit, EventStatus.COMPLETED, LocalDate.of(2024, 1, 11),
                List.of(new DataValue("DeResultOs1", result)));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("org.openmrs.module.dhis2sync.dhis2.ClientOverHttpTest#setups")
    void newPatientsAreCheckedWithTheirEnrollmentsAndEventsInOneRequest(FakeDhis2.Version version, ApiChoice api,
            ApiGeneration expected) {
        start(version, api);
        String te = Uid.generate();
        String en = Uid.generate();
        String ev = Uid.generate();
        TrackerBundle bundle = new TrackerBundle(List.of(trackedEntity(te, "NID-BUN-1")), List.of(enrollment(en, te)),
                List.of(event(ev, en, te, OU, "POSITIVE")));

        ImportResult result = client.validate(bundle);

        assertThat(result.getResults()).extracting(r -> r.getType() + " " + r.getUid() + " " + r.getOutcome())
                .containsExactly("TRACKED_ENTITY " + te + " ACCEPTED", "ENROLLMENT " + en + " ACCEPTED",
                        "EVENT " + ev + " ACCEPTED");
        List<RecordedRequest> posts = fake.requests().stream().filter(r -> !r.method().equals("GET")).toList();
        assertThat(posts).hasSize(1);
        assertThat(posts.get(0).path()).isEqualTo("/api/tracker");
        assertThat(posts.get(0).query()).contains("importMode=VALIDATE").contains("atomicMode=OBJECT");
        assertThat(fake.trackedEntities()).isEmpty();
        assertThat(fake.enrollments()).isEmpty();

        // the same enrollment checked without its new patient is refused: what "not in DHIS2 yet" meant
        ObjectResult alone = client.importEnrollments(List.of(enrollment(en, te)), ImportMode.VALIDATE)
                .resultFor(ObjectType.ENROLLMENT, en);
        assertThat(alone.getErrorCode()).isEqualTo("E1068");
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("org.openmrs.module.dhis2sync.dhis2.ClientOverHttpTest#setups")
    void eachObjectGetsExactlyOneVerdictWithDhis2sCode(FakeDhis2.Version version, ApiChoice api,
            ApiGeneration expected) {
        start(version, api);
        fake.metadata().addOrgUnit(new Metadata.OrgUnit("OuClosed001", "Closed clinic", null, null))
                .setOrgUnitAccessible("OuClosed001", false);
        String te = Uid.generate();
        String twinA = Uid.generate();
        String twinB = Uid.generate();
        String en = Uid.generate();
        String orphan = Uid.generate();
        String badOption = Uid.generate();
        String closed = Uid.generate();
        String underOrphan = Uid.generate();
        TrackerBundle bundle = new TrackerBundle(
                List.of(trackedEntity(te, "NID-BUN-2"), trackedEntity(twinA, "NID-BUN-3"), trackedEntity(twinB, "NID-BUN-3")),
                List.of(enrollment(en, te), enrollment(orphan, Uid.generate())),
                List.of(event(badOption, en, te, OU, "MAYBE"), event(closed, en, te, "OuClosed001", "POSITIVE"),
                        event(underOrphan, orphan, null, OU, "NEGATIVE")));

        ImportResult result = client.validate(bundle);

        assertThat(result.total()).isEqualTo(8);
        Map<String, String> codes = Map.of(twinA, "E1064", twinB, "E1064", orphan, "E1068", badOption, "E1125",
                closed, "E1000", underOrphan, "E5000");
        codes.forEach((uid, code) -> {
            ObjectResult verdict = result.getResults().stream().filter(r -> r.getUid().equals(uid)).findFirst()
                    .orElseThrow();
            assertThat(verdict.getOutcome()).as(verdict.toString()).isEqualTo(Outcome.ERROR);
            assertThat(verdict.getErrorCode()).as(verdict.toString()).isEqualTo(code);
        });
        assertThat(result.resultFor(ObjectType.TRACKED_ENTITY, te).getOutcome()).isEqualTo(Outcome.ACCEPTED);
        assertThat(result.resultFor(ObjectType.ENROLLMENT, en).getOutcome()).isEqualTo(Outcome.ACCEPTED);
        // DHIS2 reports a new event's unwritable org unit twice: one verdict, one message
        String message = result.resultFor(ObjectType.EVENT, closed).getMessage();
        assertThat(message).startsWith("E1000: ").doesNotContain(";");
        assertThat(fake.trackedEntities()).isEmpty();
    }
}
