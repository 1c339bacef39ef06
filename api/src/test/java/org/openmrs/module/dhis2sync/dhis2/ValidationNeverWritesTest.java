package org.openmrs.module.dhis2sync.dhis2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.openmrs.module.dhis2sync.dhis2.fake.FakeDhis2;
import org.openmrs.module.dhis2sync.dhis2.fake.FakeEnrollment;
import org.openmrs.module.dhis2sync.dhis2.fake.FakeEvent;
import org.openmrs.module.dhis2sync.dhis2.fake.FakeTrackedEntity;
import org.openmrs.module.dhis2sync.dhis2.fake.RecordedRequest;
import org.openmrs.module.dhis2sync.sync.SyncHarness;

/**
 * "Check with DHIS2" never sends a request that can write, on any DHIS2 version and API setting: every validation
 * entry point of the client, and the engine's whole validation run, leave in the fake's request log only GETs and
 * {@code POST /api/tracker?importMode=VALIDATE} (read-only in dhis2-core 2.41 and 2.42: {@code
 * DefaultTrackerBundleService.commit/delete} persist nothing in VALIDATE mode), and leave its data as it was. On a
 * DHIS2 below 2.41 (only the deprecated API, whose {@code dryRun=true} writes) the check is refused with a plain
 * message before anything but {@code GET /api/system/info} is sent.
 */
class ValidationNeverWritesTest {

    private static final String PROGRAM = "PrgVerify01";
    private static final String STAGE = "StgVisit001";
    private static final String OU = "OuVerify001";
    private static final String BELOW_241 = "2.40.5";

    private FakeDhis2 fake;
    private Dhis2Client client;
    private SyncHarness harness;

    /** Fake version, version it reports (null: its own), API setting. */
    static Stream<Arguments> combinations() {
        return Stream.of(
                Arguments.of(FakeDhis2.Version.V2_41, null, ApiChoice.LEGACY),
                Arguments.of(FakeDhis2.Version.V2_41, null, ApiChoice.AUTO),
                Arguments.of(FakeDhis2.Version.V2_41, null, ApiChoice.TRACKER),
                Arguments.of(FakeDhis2.Version.V2_42, null, ApiChoice.AUTO),
                Arguments.of(FakeDhis2.Version.V2_42, null, ApiChoice.TRACKER),
                Arguments.of(FakeDhis2.Version.V2_41, BELOW_241, ApiChoice.AUTO),
                Arguments.of(FakeDhis2.Version.V2_41, BELOW_241, ApiChoice.LEGACY));
    }

    @AfterEach
    void stop() {
        if (client != null) {
            client.close();
        }
        if (fake != null) {
            fake.close();
        }
        if (harness != null) {
            harness.close();
        }
    }

    @ParameterizedTest(name = "DHIS2 {0} reporting {1}, api {2}")
    @MethodSource("combinations")
    void noValidationEntryPointOfTheClientWrites(FakeDhis2.Version version, String reported, ApiChoice api) {
        fake = FakeDhis2.start(version);
        fake.reportVersion(reported);
        fake.seedTrackedEntity(FakeTrackedEntity.of("TeHeld00001", "TetPerson01", OU, Map.of("TeaNatIdNo1", "NID-HELD")));
        fake.seedEnrollment(FakeEnrollment.active("EnHeld00001", "TeHeld00001", PROGRAM, OU,
                LocalDateTime.of(2024, 1, 1, 0, 0)));
        fake.seedEvent(new FakeEvent("EvHeld00001", "EnHeld00001", "TeHeld00001", PROGRAM, STAGE, OU, "COMPLETED",
                LocalDateTime.of(2024, 1, 5, 0, 0), Map.of("DeWeightKg1", "60")));
        client = Dhis2Clients.create(Dhis2Connection.withPassword(fake.baseUrl(), "admin", "district").withApi(api)
                .withRetries(0, Duration.ofMillis(10)));
        fake.clearRequests();
        String before = state();

        TrackedEntity newPatient = newPatient();
        TrackedEntity heldPatient = new TrackedEntity("TeHeld00001", "TetPerson01", OU,
                List.of(new AttributeValue("TeaNatIdNo1", "NID-HELD"), new AttributeValue("TeaFirstNm1", "Renamed")),
                List.of());
        Enrollment newEnrollment = new Enrollment(Uid.generate(), "TeHeld00001", PROGRAM, OU, EnrollmentStatus.COMPLETED,
                LocalDate.of(2024, 2, 1), LocalDate.of(2024, 2, 1), LocalDate.of(2024, 6, 30), List.of());
        Event heldEnrollmentEvent = new Event(Uid.generate(), "EnHeld00001", "TeHeld00001", PROGRAM, STAGE, OU,
                EventStatus.COMPLETED, LocalDate.of(2024, 1, 9), List.of(new DataValue("DeWeightKg1", "61")));
        Enrollment bundledEnrollment = newPatient.getEnrollments().get(0);
        TrackedEntity bareNewPatient = new TrackedEntity(newPatient.getUid(), "TetPerson01", OU,
                newPatient.getAttributes(), List.of());
        Enrollment bareEnrollment = new Enrollment(bundledEnrollment.getUid(), newPatient.getUid(), PROGRAM, OU,
                EnrollmentStatus.ACTIVE, LocalDate.of(2024, 3, 1), null, null, List.of());
        TrackerBundle bundle = new TrackerBundle(List.of(bareNewPatient), List.of(bareEnrollment),
                bundledEnrollment.getEvents());

        List<Supplier<ImportResult>> checks = List.of(
                () -> client.importTrackedEntities(List.of(newPatient, heldPatient), ImportMode.VALIDATE),
                () -> client.importEnrollments(List.of(newEnrollment), ImportMode.VALIDATE),
                () -> client.importEvents(List.of(heldEnrollmentEvent), ImportMode.VALIDATE),
                () -> client.validate(bundle));
        for (Supplier<ImportResult> check : checks) {
            if (reported != null) {
                assertThatThrownBy(check::get).isInstanceOf(ValidationUnavailableException.class)
                        .hasMessage("this DHIS2 (version 2.40.5) cannot check records without writing them; the check "
                                + "is available from DHIS2 2.41");
            } else {
                ImportResult result = check.get();
                assertThat(result.errors()).as("verdicts %s", result.getResults()).isEmpty();
            }
        }

        assertThat(fake.requests()).as("requests of the check").noneMatch(ValidationNeverWritesTest::canWrite);
        if (reported != null) {
            // at most the version, when the client did not read it when it was created (api=legacy)
            assertThat(fake.requests()).extracting(RecordedRequest::kind)
                    .allMatch(kind -> kind.equals("GET /api/system/info"));
        } else {
            assertThat(fake.requests()).extracting(RecordedRequest::kind).contains("POST /api/tracker");
        }
        assertThat(state()).isEqualTo(before);
    }

    @ParameterizedTest(name = "DHIS2 {0} reporting {1}, api {2}")
    @MethodSource("combinations")
    void theEnginesCheckWithDhis2WritesNothing(FakeDhis2.Version version, String reported, ApiChoice api) {
        harness = SyncHarness.start(version, api);
        harness.openmrs.putPatient(SyncHarness.patient("p-1", "NID-ENG-1", "Jane", "F"));
        harness.openmrs.putEnrollment(SyncHarness.enrollment("pp-1", "p-1", "2024-01-10", null));
        harness.openmrs.putEncounter(SyncHarness.visit("enc-1", "p-1", "2024-02-01", SyncHarness.weight("62.5")));
        assertThat(harness.sync().getStatus().name()).isEqualTo("SUCCESS");
        // pending now: an edited patient with a new visit, and a new patient with an enrollment and a visit
        harness.tick(Duration.ofHours(1));
        harness.openmrs.putPatient(SyncHarness.patient("p-1", "NID-ENG-1", "Janet", "F"));
        harness.openmrs.putEncounter(SyncHarness.visit("enc-2", "p-1", "2024-03-01", SyncHarness.note("again")));
        harness.openmrs.putPatient(SyncHarness.patient("p-2", "NID-ENG-2", "John", "M"));
        harness.openmrs.putEnrollment(SyncHarness.enrollment("pp-2", "p-2", "2024-02-10", "2024-06-30"));
        harness.openmrs.putEncounter(SyncHarness.visit("enc-3", "p-2", "2024-02-11", SyncHarness.weight("70")));
        harness.dhis2.reportVersion(reported);
        harness.dhis2.clearRequests();
        String before = state(harness.dhis2);

        if (reported != null) {
            assertThatThrownBy(harness::validate).isInstanceOf(ValidationUnavailableException.class)
                    .hasMessageContaining("cannot check records without writing them");
        } else {
            assertThat(harness.validate().verdicts()).isNotEmpty();
        }

        assertThat(harness.dhis2.requests()).isNotEmpty().noneMatch(ValidationNeverWritesTest::canWrite);
        assertThat(state(harness.dhis2)).isEqualTo(before);
    }

    /**
     * Whether a request can write into DHIS2: anything but a GET, except the tracker API's validation-only import
     * (never a delete).
     */
    static boolean canWrite(RecordedRequest r) {
        if (r.method().equals("GET")) {
            return false;
        }
        String query = r.query() == null ? "" : r.query();
        boolean trackerValidation = r.method().equals("POST") && r.path().equals("/api/tracker")
                && query.contains("importMode=VALIDATE") && !query.contains("importStrategy=DELETE");
        return !trackerValidation || query.contains("dryRun");
    }

    private String state() {
        return state(fake);
    }

    private static String state(FakeDhis2 dhis2) {
        List<Object> all = new ArrayList<>();
        all.addAll(dhis2.trackedEntities());
        all.addAll(dhis2.enrollments());
        all.addAll(dhis2.events());
        return all.toString();
    }

    private static TrackedEntity newPatient() {
        String te = Uid.generate();
        String en = Uid.generate();
        Event visit = new Event(Uid.generate(), en, te, PROGRAM, STAGE, OU, EventStatus.COMPLETED, LocalDate.of(2024, 3, 2),
                List.of(new DataValue("DeResultOs1", "POSITIVE")));
        Enrollment enrollment = new Enrollment(en, te, PROGRAM, OU, EnrollmentStatus.ACTIVE, LocalDate.of(2024, 3, 1),
                null, null, List.of(visit));
        return new TrackedEntity(te, "TetPerson01", OU, List.of(new AttributeValue("TeaNatIdNo1", "NID-NEW-" + te),
                new AttributeValue("TeaSexAttr1", "MALE")), List.of(enrollment));
    }
}
