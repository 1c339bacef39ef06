package org.openmrs.module.dhis2sync.dhis2;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.openmrs.module.dhis2sync.dhis2.fake.FakeDhis2;
import org.openmrs.module.dhis2sync.dhis2.fake.RecordedRequest;

/**
 * Every request the client makes, in every operation, uses only query parameters that DHIS2 declares for that endpoint
 * in 2.41.9.1 and in 2.42.5.2 (a parameter a version does not declare is silently ignored, never refused), with lists
 * of UIDs in the form that version's binding reads. The declared names are copied from dhis2-core's request classes:
 * tracker API {@code TrackedEntityRequestParams}, {@code EnrollmentRequestParams}, {@code EventRequestParams},
 * {@code ImportRequestParams} (the names both versions have; 2.41's deprecated ones and 2.42's new ones left out);
 * deprecated API {@code TrackedEntityInstanceCriteria}, {@code EventCriteria} and their paging adapter (2.41.9.1).
 */
class DeclaredParametersTest {

    private static final Set<String> PAGING = Set.of("page", "pageSize", "totalPages", "paging", "order", "fields");
    private static final Map<String, Set<String>> TRACKER_API = Map.of(
            "GET /api/tracker/trackedEntities", Set.of("filter", "orgUnits", "orgUnitMode", "program", "followUp",
                    "updatedAfter", "updatedBefore", "updatedWithin", "enrollmentEnrolledAfter", "enrollmentEnrolledBefore",
                    "enrollmentOccurredAfter", "enrollmentOccurredBefore", "trackedEntityType", "trackedEntities",
                    "assignedUserMode", "assignedUsers", "programStage", "eventStatus", "eventOccurredAfter",
                    "eventOccurredBefore", "includeDeleted", "potentialDuplicate"),
            "GET /api/tracker/enrollments", Set.of("orgUnits", "orgUnitMode", "program", "followUp", "updatedAfter",
                    "updatedWithin", "enrolledAfter", "enrolledBefore", "trackedEntityType", "trackedEntity",
                    "enrollments", "includeDeleted"),
            "GET /api/tracker/events", Set.of("program", "programStage", "followUp", "trackedEntity", "orgUnit",
                    "orgUnitMode", "assignedUserMode", "assignedUsers", "occurredAfter", "occurredBefore", "scheduledAfter",
                    "scheduledBefore", "updatedAfter", "updatedBefore", "updatedWithin", "enrollmentEnrolledAfter",
                    "enrollmentEnrolledBefore", "enrollmentOccurredAfter", "enrollmentOccurredBefore", "status",
                    "attributeCategoryCombo", "attributeCategoryOptions", "includeDeleted", "events", "filter",
                    "filterAttributes", "enrollments"),
            "POST /api/tracker", Set.of("async", "importMode", "importStrategy", "atomicMode", "flushMode",
                    "validationMode", "skipPatternValidation", "skipSideEffects", "skipRuleEngine", "reportMode"));
    private static final Map<String, Set<String>> DEPRECATED_API = Map.of(
            "GET /api/trackedEntityInstances", Set.of("query", "attribute", "filter", "ou", "ouMode", "program",
                    "programStatus", "followUp", "trackedEntityType", "trackedEntityInstance", "assignedUserMode",
                    "assignedUser", "programStage", "eventStatus", "skipMeta", "includeDeleted", "includeAllAttributes",
                    "potentialDuplicate", "skipPaging"),
            "GET /api/events", Set.of("program", "programStage", "programStatus", "followUp", "trackedEntityInstance",
                    "orgUnit", "ouMode", "status", "skipMeta", "includeDeleted", "event", "filter", "enrollments",
                    "skipPaging"),
            "GET /api/enrollments/{uid}", Set.of(),
            "POST /api/trackedEntityInstances", Set.of("strategy"),
            "POST /api/enrollments", Set.of("strategy"),
            "POST /api/events", Set.of("strategy"));
    /** Parameters that carry UID lists, per generation. */
    private static final Set<String> TRACKER_UID_LISTS = Set.of("trackedEntities", "enrollments", "events");
    private static final Set<String> DEPRECATED_UID_LISTS = Set.of("trackedEntityInstance", "event");

    private FakeDhis2 fake;
    private Dhis2Client client;

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
    void everyOperationSendsOnlyDeclaredParameters(FakeDhis2.Version version, ApiChoice api, ApiGeneration expected) {
        fake = FakeDhis2.start(version);
        client = Dhis2Clients.create(Dhis2Connection.withPassword(fake.baseUrl(), "admin", "district").withApi(api)
                .withRetries(0, Duration.ofMillis(10)));
        List<TrackedEntity> patients = List.of(ClientOverHttpTest.patient("NID-PAR-1", EnrollmentStatus.ACTIVE),
                ClientOverHttpTest.patient("NID,PAR,2", EnrollmentStatus.COMPLETED));
        client.systemInfo();
        client.currentUser();
        client.importTrackedEntities(patients, ImportMode.VALIDATE);
        client.validate(new TrackerBundle(patients, List.of(), List.of()));
        assertThat(client.importTrackedEntities(patients, ImportMode.COMMIT).errors()).isEmpty();
        List<String> teUids = new ArrayList<>();
        List<String> enrollmentUids = new ArrayList<>();
        List<String> eventUids = new ArrayList<>();
        for (TrackedEntity te : patients) {
            teUids.add(te.getUid());
            enrollmentUids.add(te.getEnrollments().get(0).getUid());
            eventUids.add(te.getEnrollments().get(0).getEvents().get(0).getUid());
        }
        assertThat(client.findTrackedEntities(TrackedEntityQuery.ofTrackedEntityType("TetPerson01").withFilters(
                AttributeFilter.in("TeaNatIdNo1", List.of("NID-PAR-1", "NID,PAR,2"))))).hasSize(2);
        assertThat(client.findTrackedEntities(TrackedEntityQuery.inProgram("PrgVerify01").withScope("OuVerify001",
                OrgUnitMode.SELECTED).withFilters(AttributeFilter.eq("TeaNatIdNo1", "NID,PAR,2")))).hasSize(1);
        assertThat(client.enrollmentsOf(teUids, "PrgVerify01").values()).allMatch(list -> list.size() == 1);
        assertThat(client.trackedEntitiesByUid(teUids)).hasSize(2);
        assertThat(client.enrollmentsByUid(enrollmentUids)).hasSize(2);
        assertThat(client.eventsByUid(eventUids)).hasSize(2);
        assertThat(client.deleteEvents(eventUids).count(Outcome.DELETED)).isEqualTo(2);
        assertThat(client.deleteEnrollments(enrollmentUids.subList(0, 1)).count(Outcome.DELETED)).isEqualTo(1);
        assertThat(client.deleteTrackedEntities(teUids.subList(1, 2)).count(Outcome.DELETED)).isEqualTo(1);

        for (RecordedRequest request : fake.requests()) {
            String endpoint = request.kind().replace(".json", "");
            Map<String, Set<String>> declared = endpoint.startsWith("GET /api/tracker") || endpoint.equals("POST /api/tracker")
                    ? TRACKER_API : DEPRECATED_API;
            for (String[] parameter : parameters(request.query())) {
                String name = parameter[0];
                if (!declared.containsKey(endpoint)) {
                    // system info, me, metadata lists and the deprecated deletes: generic endpoints
                    assertThat(name).as(endpoint).isIn("fields", "filter", "page", "pageSize", "paging");
                    continue;
                }
                assertThat(declared.get(endpoint).contains(name) || PAGING.contains(name))
                        .as("%s declares '%s'", endpoint, name).isTrue();
                boolean trackerList = declared == TRACKER_API && TRACKER_UID_LISTS.contains(name);
                boolean deprecatedList = declared == DEPRECATED_API && DEPRECATED_UID_LISTS.contains(name);
                if (trackerList || deprecatedList) {
                    for (String uid : parameter[1].split(trackerList ? "," : ";")) {
                        assertThat(Uid.isValid(uid)).as("%s %s=%s", endpoint, name, parameter[1]).isTrue();
                    }
                }
            }
        }
        assertThat(fake.requests()).extracting(RecordedRequest::query)
                .noneMatch(q -> q != null && q.contains("dryRun"));
    }

    private static List<String[]> parameters(String query) {
        List<String[]> result = new ArrayList<>();
        if (query == null || query.isEmpty()) {
            return result;
        }
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            result.add(new String[] {URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8),
                    eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8)});
        }
        return result;
    }
}
