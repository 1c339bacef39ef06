package org.openmrs.module.dhis2sync.dhis2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openmrs.module.dhis2sync.dhis2.Dhis2UnavailableException.Reason;
import org.openmrs.module.dhis2sync.dhis2.fake.FakeDhis2;
import org.openmrs.module.dhis2sync.dhis2.fake.FakeEnrollment;
import org.openmrs.module.dhis2sync.dhis2.fake.FakeTrackedEntity;
import org.openmrs.module.dhis2sync.dhis2.fake.RecordedRequest;

/** How the client meets DHIS2's failures, over HTTP against the fake DHIS2's fault injectors. */
class FailuresOverHttpTest {

    private static final String PASSWORD = "Secret-Pw-4711";

    private FakeDhis2 fake;
    private final List<Dhis2Client> clients = new ArrayList<>();
    private final List<String> messages = new ArrayList<>();

    @AfterEach
    void stop() {
        clients.forEach(Dhis2Client::close);
        if (fake != null) {
            fake.close();
        }
    }

    private Dhis2Client client(FakeDhis2.Version version, ApiChoice api, int retries) {
        if (fake == null) {
            fake = FakeDhis2.start(version);
            fake.setCredentials("admin", PASSWORD);
        }
        Dhis2Client client = Dhis2Clients.create(connection(fake.baseUrl(), api, retries));
        clients.add(client);
        return client;
    }

    private static Dhis2Connection connection(String url, ApiChoice api, int retries) {
        return new Dhis2Connection(url, "admin", PASSWORD, null, api, Duration.ofSeconds(2), Duration.ofSeconds(5), retries,
                Duration.ofMillis(10));
    }

    private Dhis2UnavailableException failure(Runnable call) {
        Dhis2UnavailableException e = catchThrowableOfType(call::run, Dhis2UnavailableException.class);
        assertThat(e).as("a Dhis2UnavailableException").isNotNull();
        messages.add(e.getMessage());
        return e;
    }

    @Test
    void deprecatedApiForcedOn242IsANotFoundSayingWhatToCheck() {
        Dhis2Client client = client(FakeDhis2.Version.V2_42, ApiChoice.LEGACY, 2);
        assertThat(client.generation()).isEqualTo(ApiGeneration.LEGACY);
        Dhis2UnavailableException e = failure(() -> client.findTrackedEntities(TrackedEntityQuery.inProgram("PrgVerify01")
                .withFilters(AttributeFilter.eq("TeaNatIdNo1", "x"))));
        assertThat(e.getReason()).isEqualTo(Reason.NOT_FOUND);
        assertThat(e.getHttpStatus()).isEqualTo(404);
        assertThat(e.getMessage()).contains("no such API on this DHIS2: check the URL and the API setting");
        Dhis2UnavailableException onImport = failure(() -> client.importTrackedEntities(
                List.of(ClientOverHttpTest.patient("NID-404", EnrollmentStatus.ACTIVE)), ImportMode.COMMIT));
        assertThat(onImport.getReason()).isEqualTo(Reason.NOT_FOUND);
    }

    @Test
    void serviceUnavailableIsRetriedThenSucceeds() {
        Dhis2Client client = client(FakeDhis2.Version.V2_42, ApiChoice.TRACKER, 3);
        fake.clearRequests();
        fake.failNext(2, 503);
        assertThat(client.systemInfo().getMinor()).isEqualTo(42);
        assertThat(fake.requests()).hasSize(3);
    }

    @Test
    void importIsRetriedAfterA500WithoutDuplicating() {
        Dhis2Client client = client(FakeDhis2.Version.V2_42, ApiChoice.TRACKER, 3);
        TrackedEntity te = ClientOverHttpTest.patient("NID-RETRY-1", EnrollmentStatus.ACTIVE);
        fake.failNext(1, 500);
        ImportResult result = client.importTrackedEntities(List.of(te), ImportMode.COMMIT);
        assertThat(result.errors()).isEmpty();
        assertThat(fake.trackedEntities()).hasSize(1);
    }

    @Test
    void tooManyRequestsIsRetried() {
        Dhis2Client client = client(FakeDhis2.Version.V2_41, ApiChoice.LEGACY, 2);
        fake.failNext(1, 429);
        assertThat(client.currentUser()).isEqualTo("admin");
    }

    @Test
    void moreFailuresThanRetriesIsAServerError() {
        Dhis2Client client = client(FakeDhis2.Version.V2_42, ApiChoice.TRACKER, 2);
        fake.clearRequests();
        fake.failNext(5, 503);
        Dhis2UnavailableException e = failure(client::systemInfo);
        assertThat(e.getReason()).isEqualTo(Reason.SERVER_ERROR);
        assertThat(e.getHttpStatus()).isEqualTo(503);
        assertThat(e.getMessage()).contains("after 2 retries");
        assertThat(fake.requests()).hasSize(3);
    }

    @Test
    void droppedConnectionsAreRetriedThenReported() {
        Dhis2Client client = client(FakeDhis2.Version.V2_42, ApiChoice.TRACKER, 2);
        fake.dropNextConnections(1);
        assertThat(client.currentUser()).isEqualTo("admin");
        fake.dropNextConnections(10);
        Dhis2UnavailableException e = failure(client::currentUser);
        assertThat(e.getReason()).isEqualTo(Reason.UNREACHABLE);
        assertThat(e.getMessage()).contains("check that DHIS2 is running");
    }

    @Test
    void noReplyWithinTheReadTimeoutIsATimeout() {
        fake = FakeDhis2.start(FakeDhis2.Version.V2_42);
        fake.setCredentials("admin", PASSWORD);
        Dhis2Client client = Dhis2Clients.create(connection(fake.baseUrl(), ApiChoice.TRACKER, 2)
                .withTimeouts(Duration.ofSeconds(2), Duration.ofMillis(300)));
        clients.add(client);
        fake.stallNext(1, Duration.ofSeconds(2));
        long start = System.nanoTime();
        Dhis2UnavailableException e = failure(client::currentUser);
        assertThat(e.getReason()).isEqualTo(Reason.TIMEOUT);
        assertThat(e.getMessage()).contains("read timeout of 300 ms");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(1900));
    }

    @Test
    void loginPageInsteadOfJson() {
        Dhis2Client client = client(FakeDhis2.Version.V2_42, ApiChoice.TRACKER, 1);
        fake.serveLoginPage(true);
        Dhis2UnavailableException e = failure(client::currentUser);
        assertThat(e.getReason()).isEqualTo(Reason.LOGIN_PAGE);
        assertThat(e.getMessage()).contains("check the DHIS2 user and password or token");
    }

    @Test
    void wrongPasswordIsA401SayingWhatToCheck() {
        fake = FakeDhis2.start(FakeDhis2.Version.V2_41);
        Dhis2Connection wrong = new Dhis2Connection(fake.baseUrl(), "admin", PASSWORD, null, ApiChoice.AUTO, null, null, 1,
                Duration.ofMillis(10));
        Dhis2UnavailableException e = failure(() -> Dhis2Clients.create(wrong));
        assertThat(e.getReason()).isEqualTo(Reason.AUTHENTICATION);
        assertThat(e.getHttpStatus()).isEqualTo(401);
        assertThat(e.getMessage()).contains("check the DHIS2 user and password or token");
    }

    @Test
    void unknownHostAndClosedPortAreUnreachable() throws Exception {
        Dhis2Connection unknownHost = connection("http://dhis2.invalid", ApiChoice.TRACKER, 1);
        Dhis2Client client = Dhis2Clients.create(unknownHost);
        clients.add(client);
        Dhis2UnavailableException e = failure(client::systemInfo);
        assertThat(e.getReason()).isEqualTo(Reason.UNREACHABLE);
        assertThat(e.getMessage()).contains("unknown host").contains("check the DHIS2 URL");

        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        Dhis2UnavailableException refused = failure(() -> Dhis2Clients.create(
                connection("http://127.0.0.1:" + closedPort, ApiChoice.AUTO, 1)));
        assertThat(refused.getReason()).isEqualTo(Reason.UNREACHABLE);
        assertThat(refused.getMessage()).contains("cannot connect");
    }

    @Test
    void searchUnderAnUnknownOrgUnitIsRefusedWhole() {
        Dhis2Client client = client(FakeDhis2.Version.V2_42, ApiChoice.TRACKER, 1);
        Dhis2UnavailableException e = failure(() -> client.findTrackedEntities(TrackedEntityQuery.inProgram("PrgVerify01")
                .withScope("AbCdEfGhIj1", OrgUnitMode.SELECTED)));
        assertThat(e.getReason()).isEqualTo(Reason.REJECTED);
        assertThat(e.getHttpStatus()).isEqualTo(400);
        assertThat(e.getMessage()).contains("AbCdEfGhIj1");
    }

    @Test
    void bare409OnABatchIsResentOneByOne() {
        Dhis2Client client = client(FakeDhis2.Version.V2_41, ApiChoice.LEGACY, 1);
        String te = Uid.generate();
        String completed = Uid.generate();
        String active = Uid.generate();
        fake.seedTrackedEntity(FakeTrackedEntity.of(te, "TetPerson01", "OuVerify001", Map.of("TeaNatIdNo1", "NID-BARE-1")));
        fake.seedEnrollment(new FakeEnrollment(completed, te, "PrgVerify01", "OuVerify001", "COMPLETED",
                LocalDateTime.of(2024, 1, 1, 0, 0), LocalDateTime.of(2024, 1, 1, 0, 0), LocalDateTime.of(2024, 2, 1, 0, 0)));
        fake.seedEnrollment(FakeEnrollment.active(active, te, "PrgVerify01", "OuVerify001", LocalDateTime.of(2024, 6, 1, 0, 0)));
        String other = Uid.generate();
        fake.seedTrackedEntity(FakeTrackedEntity.of(other, "TetPerson01", "OuVerify001", Map.of("TeaNatIdNo1", "NID-BARE-2")));

        Enrollment reopen = new Enrollment(completed, te, "PrgVerify01", "OuVerify001", EnrollmentStatus.ACTIVE,
                LocalDate.of(2024, 1, 1), LocalDate.of(2024, 1, 1), null, List.of());
        Enrollment fresh = new Enrollment(Uid.generate(), other, "PrgVerify01", "OuVerify001", EnrollmentStatus.ACTIVE,
                LocalDate.of(2024, 7, 1), LocalDate.of(2024, 7, 1), null, List.of());
        fake.clearRequests();
        ImportResult result = client.importEnrollments(List.of(reopen, fresh), ImportMode.COMMIT);

        ObjectResult refused = result.resultFor(ObjectType.ENROLLMENT, completed);
        assertThat(refused.getOutcome()).isEqualTo(Outcome.ERROR);
        assertThat(refused.getMessage()).contains("another active enrollment");
        assertThat(result.resultFor(ObjectType.ENROLLMENT, fresh.getUid()).getOutcome()).isEqualTo(Outcome.CREATED);
        assertThat(fake.requests()).filteredOn(r -> r.method().equals("POST")).hasSize(3);
        assertThat(fake.enrollment(fresh.getUid())).isPresent();
    }

    @Test
    void reopeningUnderTheTrackerApiIsAnE1015ErrorInA200() {
        Dhis2Client client = client(FakeDhis2.Version.V2_42, ApiChoice.TRACKER, 1);
        String te = Uid.generate();
        String completed = Uid.generate();
        fake.seedTrackedEntity(FakeTrackedEntity.of(te, "TetPerson01", "OuVerify001", Map.of("TeaNatIdNo1", "NID-REOPEN-1")));
        fake.seedEnrollment(new FakeEnrollment(completed, te, "PrgVerify01", "OuVerify001", "COMPLETED",
                LocalDateTime.of(2024, 1, 1, 0, 0), LocalDateTime.of(2024, 1, 1, 0, 0), LocalDateTime.of(2024, 2, 1, 0, 0)));
        fake.seedEnrollment(FakeEnrollment.active(Uid.generate(), te, "PrgVerify01", "OuVerify001", LocalDateTime.of(2024, 6, 1, 0, 0)));
        Enrollment reopen = new Enrollment(completed, te, "PrgVerify01", "OuVerify001", EnrollmentStatus.ACTIVE,
                LocalDate.of(2024, 1, 1), LocalDate.of(2024, 1, 1), null, List.of());
        ImportResult result = client.importEnrollments(List.of(reopen), ImportMode.COMMIT);
        assertThat(result.resultFor(ObjectType.ENROLLMENT, completed).getErrorCode()).isEqualTo("E1015");
        assertThat(fake.enrollment(completed).orElseThrow().status()).isEqualTo("COMPLETED");
    }

    @Test
    void tokenIsWarmedOnceBeforeTheFirstTrackerCall() {
        fake = FakeDhis2.start(FakeDhis2.Version.V2_42);
        fake.requireTokenWarmup(true);
        String token = fake.createApiToken();
        Dhis2Connection connection = Dhis2Connection.withToken(fake.baseUrl(), token).withRetries(1, Duration.ofMillis(10));
        Dhis2Client client = Dhis2Clients.create(connection);
        clients.add(client);
        fake.clearRequests();
        ImportResult first = client.importTrackedEntities(List.of(ClientOverHttpTest.patient("NID-TOKEN-1", EnrollmentStatus.ACTIVE)),
                ImportMode.COMMIT);
        ImportResult second = client.importTrackedEntities(List.of(ClientOverHttpTest.patient("NID-TOKEN-2", EnrollmentStatus.ACTIVE)),
                ImportMode.COMMIT);
        assertThat(first.errors()).isEmpty();
        assertThat(second.errors()).isEmpty();
        List<RecordedRequest> requests = fake.requests();
        assertThat(requests).extracting(RecordedRequest::method, RecordedRequest::path).containsExactly(
                org.assertj.core.groups.Tuple.tuple("GET", "/api/me"),
                org.assertj.core.groups.Tuple.tuple("POST", "/api/tracker"),
                org.assertj.core.groups.Tuple.tuple("POST", "/api/tracker"));
        assertThat(requests).allSatisfy(r -> assertThat(r.header("Authorization")).isEqualTo("ApiToken " + token));
        assertThat(client.toString()).doesNotContain(token);
        assertThat(connection.toString()).doesNotContain(token);
    }

    @Test
    void noLogLineOrMessageCarriesThePasswordOrToken() {
        PrintStream originalErr = System.err;
        PrintStream originalOut = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream capture = new PrintStream(captured, true, StandardCharsets.UTF_8);
        String token;
        try {
            System.setErr(capture);
            System.setOut(capture);
            fake = FakeDhis2.start(FakeDhis2.Version.V2_42);
            fake.setCredentials("admin", PASSWORD);
            token = fake.createApiToken();
            Consumer<Dhis2Connection> exercise = connection -> {
                try (Dhis2Client client = Dhis2Clients.create(connection)) {
                    client.importTrackedEntities(List.of(ClientOverHttpTest.patient("NID-LOG-" + Uid.generate(),
                            EnrollmentStatus.ACTIVE)), ImportMode.COMMIT);
                    fake.failNext(5, 503);
                    failure(client::systemInfo);
                    fake.serveLoginPage(true);
                    failure(client::currentUser);
                    fake.serveLoginPage(false);
                }
            };
            exercise.accept(connection(fake.baseUrl(), ApiChoice.AUTO, 1));
            exercise.accept(Dhis2Connection.withToken(fake.baseUrl(), token).withRetries(1, Duration.ofMillis(10)));
            failure(() -> Dhis2Clients.create(new Dhis2Connection(fake.baseUrl(), "admin", PASSWORD + "x", null,
                    ApiChoice.AUTO, null, null, 0, null)));
            failure(() -> Dhis2Clients.create(Dhis2Connection.withToken(fake.baseUrl(), token + "x")));
        } finally {
            System.setErr(originalErr);
            System.setOut(originalOut);
        }
        String output = captured.toString(StandardCharsets.UTF_8);
        assertThat(messages).isNotEmpty().allSatisfy(m -> assertThat(m).doesNotContain(PASSWORD).doesNotContain(token));
        assertThat(output).doesNotContain(PASSWORD).doesNotContain(token);
    }
}
