package org.openmrs.module.dhis2sync.dhis2;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.openmrs.module.dhis2sync.dhis2.fake.FakeDhis2;
import org.openmrs.module.dhis2sync.dhis2.fake.FakeEnrollment;
import org.openmrs.module.dhis2sync.dhis2.fake.FakeTrackedEntity;
import org.openmrs.module.dhis2sync.dhis2.fake.RecordedRequest;

/** Every operation over HTTP against the fake DHIS2: 2.41 deprecated API, 2.41 tracker API, 2.42 tracker API. */
class ClientOverHttpTest {

    private static final String PROGRAM = "PrgVerify01";
    private static final String STAGE = "StgVisit001";
    private static final String OU = "OuVerify001";
    private static final String NAT_ID = "TeaNatIdNo1";

    private FakeDhis2 fake;
    private Dhis2Client client;

    static Stream<Arguments> setups() {
        return Stream.of(
                Arguments.of(FakeDhis2.Version.V2_41, ApiChoice.LEGACY, ApiGeneration.LEGACY),
                Arguments.of(FakeDhis2.Version.V2_41, ApiChoice.AUTO, ApiGeneration.TRACKER),
                Arguments.of(FakeDhis2.Version.V2_42, ApiChoice.AUTO, ApiGeneration.TRACKER),
                Arguments.of(FakeDhis2.Version.V2_42, ApiChoice.TRACKER, ApiGeneration.TRACKER));
    }

    private void start(FakeDhis2.Version version, ApiChoice api) {
        fake = FakeDhis2.start(version);
        client = Dhis2Clients.create(Dhis2Connection.withPassword(fake.baseUrl(), "admin", "district").withApi(api)
                .withRetries(2, Duration.ofMillis(10)));
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
    @MethodSource("setups")
    void systemInfoUserAndGeneration(FakeDhis2.Version version, ApiChoice api, ApiGeneration expected) {
        start(version, api);
        assertThat(client.generation()).isEqualTo(expected);
        assertThat(client).isInstanceOf(expected == ApiGeneration.LEGACY ? LegacyTrackerApi.class : TrackerApi.class);
        SystemInfo info = client.systemInfo();
        assertThat(info.getMinor()).isEqualTo(version == FakeDhis2.Version.V2_41 ? 41 : 42);
        assertThat(client.currentUser()).isEqualTo("admin");
        assertThat(fake.requests()).allSatisfy(r -> assertThat(r.header("Accept")).isEqualTo("application/json"));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("setups")
    void nestedImportCreatesThenUpdatesByUid(FakeDhis2.Version version, ApiChoice api, ApiGeneration expected) {
        start(version, api);
        TrackedEntity te = patient("NID-HTTP-0001", EnrollmentStatus.ACTIVE);
        ImportResult created = client.importTrackedEntities(List.of(te), ImportMode.COMMIT);
        assertThat(created.errors()).isEmpty();
        assertThat(created.total()).isEqualTo(3);
        assertThat(created.resultFor(ObjectType.TRACKED_ENTITY, te.getUid()).getOutcome()).isEqualTo(Outcome.CREATED);
        Enrollment enrollment = te.getEnrollments().get(0);
        assertThat(created.resultFor(ObjectType.EVENT, enrollment.getEvents().get(0).getUid()).isSuccess()).isTrue();
        assertThat(fake.trackedEntity(te.getUid())).isPresent();
        assertThat(fake.enrollment(enrollment.getUid())).isPresent();
        assertThat(fake.event(enrollment.getEvents().get(0).getUid()).orElseThrow().dataValues())
                .containsEntry("DeResultOs1", "POSITIVE");

        ImportResult again = client.importTrackedEntities(List.of(te), ImportMode.COMMIT);
        assertThat(again.resultFor(ObjectType.TRACKED_ENTITY, te.getUid()).getOutcome()).isEqualTo(Outcome.UPDATED);
        assertThat(fake.trackedEntities()).hasSize(1);
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("setups")
    void searchByEqAndInReadsEveryPage(FakeDhis2.Version version, ApiChoice api, ApiGeneration expected) {
        start(version, api);
        for (int i = 1; i <= 5; i++) {
            client.importTrackedEntities(List.of(patient("NID-PAGE-000" + i, EnrollmentStatus.ACTIVE)), ImportMode.COMMIT);
        }
        List<TrackedEntity> one = client.findTrackedEntities(TrackedEntityQuery.inProgram(PROGRAM)
                .withFilters(AttributeFilter.eq(NAT_ID, "NID-PAGE-0003")));
        assertThat(one).hasSize(1);
        assertThat(one.get(0).getAttributes()).contains(new AttributeValue(NAT_ID, "NID-PAGE-0003"));
        assertThat(one.get(0).getOrgUnit()).isEqualTo(OU);

        List<TrackedEntity> some = client.findTrackedEntities(TrackedEntityQuery.inProgram(PROGRAM)
                .withScope(OU, OrgUnitMode.SELECTED)
                .withFilters(AttributeFilter.in(NAT_ID, List.of("NID-PAGE-0001", "NID-PAGE-0004", "NID-NOBODY"))));
        assertThat(some).extracting(te -> value(te, NAT_ID)).containsExactlyInAnyOrder("NID-PAGE-0001", "NID-PAGE-0004");

        fake.clearRequests();
        List<TrackedEntity> all = client.findTrackedEntities(TrackedEntityQuery.inProgram(PROGRAM).withPageSize(2));
        assertThat(all).hasSize(5);
        assertThat(fake.requests()).filteredOn(r -> r.method().equals("GET")).hasSizeGreaterThanOrEqualTo(3);

        assertThat(client.findTrackedEntities(TrackedEntityQuery.inProgram(PROGRAM)
                .withFilters(AttributeFilter.like(NAT_ID, "PAGE-000")))).hasSize(5);
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("setups")
    void enrollmentsOfSeveralTrackedEntitiesInOneRequest(FakeDhis2.Version version, ApiChoice api, ApiGeneration expected) {
        start(version, api);
        TrackedEntity first = patient("NID-ENR-0001", EnrollmentStatus.ACTIVE);
        TrackedEntity second = patient("NID-ENR-0002", EnrollmentStatus.COMPLETED);
        TrackedEntity unenrolled = new TrackedEntity(Uid.generate(), "TetPerson01", OU,
                List.of(new AttributeValue(NAT_ID, "NID-ENR-0003")), List.of());
        assertThat(client.importTrackedEntities(List.of(first, second, unenrolled), ImportMode.COMMIT).errors()).isEmpty();

        fake.clearRequests();
        String unknown = Uid.generate();
        Map<String, List<Enrollment>> enrollments = client.enrollmentsOf(
                List.of(first.getUid(), second.getUid(), unenrolled.getUid(), unknown), PROGRAM);
        assertThat(fake.requests()).hasSize(1);
        assertThat(enrollments).containsOnlyKeys(first.getUid(), second.getUid(), unenrolled.getUid(), unknown);
        Enrollment active = enrollments.get(first.getUid()).get(0);
        assertThat(active.getUid()).isEqualTo(first.getEnrollments().get(0).getUid());
        assertThat(active.getStatus()).isEqualTo(EnrollmentStatus.ACTIVE);
        assertThat(active.getEnrolledAt()).isEqualTo(LocalDate.of(2024, 1, 10));
        assertThat(active.getEvents()).extracting(Event::getUid)
                .containsExactly(first.getEnrollments().get(0).getEvents().get(0).getUid());
        assertThat(enrollments.get(second.getUid()).get(0).getStatus()).isEqualTo(EnrollmentStatus.COMPLETED);
        assertThat(enrollments.get(unenrolled.getUid())).isEmpty();
        assertThat(enrollments.get(unknown)).isEmpty();
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("setups")
    void enrollmentsAndEventsImportOnTheirOwn(FakeDhis2.Version version, ApiChoice api, ApiGeneration expected) {
        start(version, api);
        TrackedEntity te = new TrackedEntity(Uid.generate(), "TetPerson01", OU,
                List.of(new AttributeValue(NAT_ID, "NID-SEP-0001")), List.of());
        assertThat(client.importTrackedEntities(List.of(te), ImportMode.COMMIT).errors()).isEmpty();
        Enrollment enrollment = new Enrollment(Uid.generate(), te.getUid(), PROGRAM, OU, EnrollmentStatus.ACTIVE,
                LocalDate.of(2024, 2, 1), LocalDate.of(2024, 2, 1), null, List.of());
        ImportResult enrolled = client.importEnrollments(List.of(enrollment), ImportMode.COMMIT);
        assertThat(enrolled.resultFor(ObjectType.ENROLLMENT, enrollment.getUid()).getOutcome()).isEqualTo(Outcome.CREATED);

        Event event = new Event(Uid.generate(), enrollment.getUid(), te.getUid(), PROGRAM, STAGE, OU, EventStatus.COMPLETED,
                LocalDate.of(2024, 2, 2), List.of(new DataValue("DeWeightKg1", "61.5")));
        ImportResult events = client.importEvents(List.of(event), ImportMode.COMMIT);
        assertThat(events.resultFor(ObjectType.EVENT, event.getUid()).getOutcome()).isEqualTo(Outcome.CREATED);
        assertThat(fake.event(event.getUid()).orElseThrow().enrollment()).isEqualTo(enrollment.getUid());
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("setups")
    void refusedObjectsAreAttributedByUidAndTheOthersGoThrough(FakeDhis2.Version version, ApiChoice api,
            ApiGeneration expected) {
        start(version, api);
        TrackedEntity enrolled = patient("NID-REF-0001", EnrollmentStatus.ACTIVE);
        TrackedEntity fresh = new TrackedEntity(Uid.generate(), "TetPerson01", OU,
                List.of(new AttributeValue(NAT_ID, "NID-REF-0002")), List.of());
        client.importTrackedEntities(List.of(enrolled, fresh), ImportMode.COMMIT);

        Enrollment secondActive = new Enrollment(Uid.generate(), enrolled.getUid(), PROGRAM, OU, EnrollmentStatus.ACTIVE,
                LocalDate.of(2024, 3, 1), LocalDate.of(2024, 3, 1), null, List.of());
        Enrollment ok = new Enrollment(Uid.generate(), fresh.getUid(), PROGRAM, OU, EnrollmentStatus.ACTIVE,
                LocalDate.of(2024, 3, 1), LocalDate.of(2024, 3, 1), null, List.of());
        ImportResult result = client.importEnrollments(List.of(secondActive, ok), ImportMode.COMMIT);
        ObjectResult refused = result.resultFor(ObjectType.ENROLLMENT, secondActive.getUid());
        assertThat(refused.getOutcome()).isEqualTo(Outcome.ERROR);
        assertThat(refused.getMessage()).isNotBlank();
        if (expected == ApiGeneration.TRACKER) {
            assertThat(refused.getErrorCode()).isEqualTo("E1015");
        }
        assertThat(result.resultFor(ObjectType.ENROLLMENT, ok.getUid()).getOutcome()).isEqualTo(Outcome.CREATED);
        assertThat(fake.enrollment(ok.getUid())).isPresent();
        assertThat(fake.enrollment(secondActive.getUid())).isEmpty();

        TrackedEntity duplicate = new TrackedEntity(Uid.generate(), "TetPerson01", OU,
                List.of(new AttributeValue(NAT_ID, "NID-REF-0001")), List.of());
        TrackedEntity third = new TrackedEntity(Uid.generate(), "TetPerson01", OU,
                List.of(new AttributeValue(NAT_ID, "NID-REF-0003")), List.of());
        ImportResult teResult = client.importTrackedEntities(List.of(duplicate, third), ImportMode.COMMIT);
        assertThat(teResult.errors()).extracting(ObjectResult::getUid).containsExactly(duplicate.getUid());
        if (expected == ApiGeneration.TRACKER) {
            assertThat(teResult.errors().get(0).getErrorCode()).isEqualTo("E1064");
        }
        assertThat(teResult.resultFor(ObjectType.TRACKED_ENTITY, third.getUid()).isSuccess()).isTrue();

        Event badOption = new Event(Uid.generate(), ok.getUid(), fresh.getUid(), PROGRAM, STAGE, OU, EventStatus.ACTIVE,
                LocalDate.of(2024, 3, 2), List.of(new DataValue("DeResultOs1", "MAYBE")));
        ObjectResult eventVerdict = client.importEvents(List.of(badOption), ImportMode.COMMIT)
                .resultFor(ObjectType.EVENT, badOption.getUid());
        assertThat(eventVerdict.getOutcome()).isEqualTo(Outcome.ERROR);
        if (expected == ApiGeneration.TRACKER) {
            assertThat(eventVerdict.getErrorCode()).isEqualTo("E1125");
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("setups")
    void validateModeWritesNothing(FakeDhis2.Version version, ApiChoice api, ApiGeneration expected) {
        start(version, api);
        TrackedEntity te = patient("NID-VAL-0001", EnrollmentStatus.ACTIVE);
        ImportResult result = client.importTrackedEntities(List.of(te), ImportMode.VALIDATE);
        assertThat(result.errors()).isEmpty();
        assertThat(result.total()).isEqualTo(3);
        assertThat(result.getResults()).allMatch(ObjectResult::isSuccess);
        assertThat(fake.trackedEntities()).isEmpty();
        // both generations validate through the tracker API (2.41 has it beside the deprecated one)
        RecordedRequest post = fake.requests().stream().filter(r -> r.method().equals("POST")).findFirst().orElseThrow();
        assertThat(post.path()).isEqualTo("/api/tracker");
        assertThat(post.query()).contains("importMode=VALIDATE").doesNotContain("dryRun");

        fake.seedTrackedEntity(FakeTrackedEntity.of(Uid.generate(), "TetPerson01", OU, Map.of(NAT_ID, "NID-VAL-TAKEN")));
        TrackedEntity duplicate = new TrackedEntity(Uid.generate(), "TetPerson01", OU,
                List.of(new AttributeValue(NAT_ID, "NID-VAL-TAKEN")), List.of());
        ImportResult refused = client.importTrackedEntities(List.of(duplicate, te), ImportMode.VALIDATE);
        assertThat(refused.errors()).extracting(ObjectResult::getUid).containsExactly(duplicate.getUid());
        assertThat(fake.trackedEntities()).hasSize(1);
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("setups")
    void metadataForPickers(FakeDhis2.Version version, ApiChoice api, ApiGeneration expected) {
        start(version, api);
        Page<ProgramInfo> programs = client.programs(PageRequest.first(50));
        assertThat(programs.getItems()).extracting(ProgramInfo::getUid).contains(PROGRAM);
        assertThat(programs.hasNext()).isFalse();
        ProgramInfo program = client.program(PROGRAM);
        assertThat(program.getTrackedEntityType()).isEqualTo("TetPerson01");
        assertThat(program.getStages()).extracting(ProgramStageInfo::getUid).containsExactly(STAGE);
        assertThat(program.getStages().get(0).getDataElements()).extracting(DataElementInfo::getUid)
                .contains("DeNoteText1", "DeWeightKg1", "DeResultOs1");
        assertThat(program.getAttributes()).extracting(AttributeInfo::getUid).contains(NAT_ID);
        assertThat(program.getAttributes()).filteredOn(a -> a.getUid().equals(NAT_ID)).allMatch(AttributeInfo::isUnique);

        assertThat(client.trackedEntityAttributes("national", PageRequest.first(10)).getItems())
                .extracting(AttributeInfo::getUid).containsExactly(NAT_ID);
        List<DataElementInfo> results = client.dataElements("result", PageRequest.first(10)).getItems();
        assertThat(results).extracting(DataElementInfo::getUid).containsExactly("DeResultOs1");
        assertThat(results.get(0).getOptionSetUid()).isEqualTo("OsResult001");
        assertThat(client.dataElements(null, PageRequest.first(10)).getItems()).hasSizeGreaterThanOrEqualTo(3);
        OptionSetInfo optionSet = client.optionSets("test result", PageRequest.first(10)).getItems().get(0);
        assertThat(optionSet.getOptions()).extracting(OptionInfo::getCode).containsExactly("POSITIVE", "NEGATIVE");
        assertThat(client.orgUnits("verify clinic", PageRequest.first(10)).getItems()).extracting(OrgUnitInfo::getUid)
                .containsExactly(OU);
        Page<AttributeInfo> firstPage = client.trackedEntityAttributes(null, PageRequest.first(2));
        assertThat(firstPage.getItems()).hasSize(2);
        assertThat(firstPage.hasNext()).isTrue();
        assertThat(client.trackedEntityAttributes(null, firstPage.nextPage()).getItems()).hasSize(2);
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("setups")
    void readsWhatWasSeededInTheFake(FakeDhis2.Version version, ApiChoice api, ApiGeneration expected) {
        start(version, api);
        String te = Uid.generate();
        String enrollment = Uid.generate();
        fake.seedTrackedEntity(FakeTrackedEntity.of(te, "TetPerson01", OU, Map.of(NAT_ID, "NID-SEED-0001")));
        fake.seedEnrollment(new FakeEnrollment(enrollment, te, PROGRAM, OU, "COMPLETED", LocalDateTime.of(2023, 5, 1, 0, 0),
                LocalDateTime.of(2023, 4, 30, 0, 0), LocalDateTime.of(2023, 6, 1, 0, 0)));
        assertThat(client.findTrackedEntities(TrackedEntityQuery.inProgram(PROGRAM)
                .withFilters(AttributeFilter.eq(NAT_ID, "NID-SEED-0001")))).extracting(TrackedEntity::getUid).containsExactly(te);
        Enrollment read = client.enrollmentsOf(List.of(te), PROGRAM).get(te).get(0);
        assertThat(read.getUid()).isEqualTo(enrollment);
        assertThat(read.getStatus()).isEqualTo(EnrollmentStatus.COMPLETED);
        assertThat(read.getEnrolledAt()).isEqualTo(LocalDate.of(2023, 5, 1));
        assertThat(read.getOccurredAt()).isEqualTo(LocalDate.of(2023, 4, 30));
        assertThat(read.getCompletedAt()).isEqualTo(LocalDate.of(2023, 6, 1));
    }

    static TrackedEntity patient(String nationalId, EnrollmentStatus status) {
        String teUid = Uid.generate();
        String enrollmentUid = Uid.generate();
        Event event = new Event(Uid.generate(), null, null, PROGRAM, STAGE, OU, EventStatus.COMPLETED, LocalDate.of(2024, 1, 11),
                List.of(new DataValue("DeNoteText1", "visit"), new DataValue("DeWeightKg1", "61.5"),
                        new DataValue("DeResultOs1", "POSITIVE")));
        Enrollment enrollment = new Enrollment(enrollmentUid, null, PROGRAM, OU, status, LocalDate.of(2024, 1, 10),
                LocalDate.of(2024, 1, 9), status == EnrollmentStatus.COMPLETED ? LocalDate.of(2024, 2, 1) : null, List.of(event));
        return new TrackedEntity(teUid, "TetPerson01", OU, List.of(new AttributeValue("TeaFirstNm1", "Ada"),
                new AttributeValue("TeaLastNme1", "Lovelace"), new AttributeValue("TeaSexAttr1", "FEMALE"),
                new AttributeValue(NAT_ID, nationalId)), List.of(enrollment));
    }

    private static String value(TrackedEntity te, String attribute) {
        return te.getAttributes().stream().filter(a -> a.getAttributeUid().equals(attribute)).map(AttributeValue::getValue)
                .findFirst().orElse(null);
    }
}
