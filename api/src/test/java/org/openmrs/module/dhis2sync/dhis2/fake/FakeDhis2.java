package org.openmrs.module.dhis2sync.dhis2.fake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.openmrs.module.dhis2sync.dhis2.Uid;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.zip.CRC32;

/**
 * A stateful fake DHIS2 for tests, speaking the HTTP contract of real DHIS2 2.41.9.1 (tracker API and the
 * deprecated one) or 2.42.5.2 (tracker API only), as captured in the test resources /dhis2/<version>/. It listens on
 * 127.0.0.1 at a random port; both API generations share one state. Faults can be injected per request.
 */
public final class FakeDhis2 implements AutoCloseable {

    /** The DHIS2 release imitated. 2.42 answers every deprecated path with a 404 HTML page. */
    public enum Version {
        V2_41("2.41.9.1", "7a50918"),
        V2_42("2.42.5.2", "91f1f41");

        private final String text;
        private final String revision;

        Version(String text, String revision) {
            this.text = text;
            this.revision = revision;
        }

        public String text() {
            return text;
        }
    }

    static final String LOGIN_PATH = "/dhis-web-commons/security/login.action";

    static {
        // Without TCP_NODELAY the JDK server writes a reply's headers and body in two segments, and the second waits
        // for the client's delayed ACK: 40 ms added to every request. Read once, when the JDK server first loads.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    private final Version version;
    private final Metadata metadata;
    private final FakeStore store = new FakeStore();
    private final Path stateFile;
    private final HttpServer server;
    private final ExecutorService executor;
    private final String baseUrl;

    private volatile String username = "admin";
    private volatile String password = "district";
    private final Set<String> apiTokens = ConcurrentHashMap.newKeySet();
    private final Set<String> warmTokens = ConcurrentHashMap.newKeySet();
    private volatile boolean tokenWarmup;
    private volatile boolean cascadeDeleteAllowed = true;
    private volatile String reportedVersion;

    private final List<RecordedRequest> requests = new CopyOnWriteArrayList<>();
    private final Map<String, ObjectNode[]> jobs = new ConcurrentHashMap<>();

    private volatile Duration latency = Duration.ZERO;
    private volatile boolean recordBodies = true;
    private final AtomicInteger failCalls = new AtomicInteger();
    private final AtomicInteger failAfter = new AtomicInteger();
    private final AtomicInteger stallAfter = new AtomicInteger();
    private volatile int failStatus;
    private final AtomicInteger dropCalls = new AtomicInteger();
    private final AtomicInteger stallCalls = new AtomicInteger();
    private volatile Duration stall = Duration.ZERO;
    private volatile boolean loginPage;

    private FakeDhis2(Version version, Path stateFile) throws IOException {
        this.version = version;
        this.metadata = Metadata.defaults();
        this.stateFile = stateFile;
        if (stateFile != null && Files.exists(stateFile)) {
            apiTokens.addAll(store.load(stateFile, metadata));
        }
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        executor = Executors.newFixedThreadPool(8, r -> {
            Thread t = new Thread(r, "fake-dhis2");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
        baseUrl = "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Starts on a random port with the reference metadata and the user admin/district. */
    public static FakeDhis2 start(Version version) {
        return start(version, null);
    }

    /**
     * Starts with the state in {@code stateFile} when it exists, and writes the whole state there after every
     * write, so that another process (a restarted test JVM) finds DHIS2 as it was left.
     */
    public static FakeDhis2 start(Version version, Path stateFile) {
        try {
            return new FakeDhis2(version, stateFile);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the fake DHIS2", e);
        }
    }

    public String baseUrl() {
        return baseUrl;
    }

    public Version version() {
        return version;
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    // ------------------------------------------------------------------ credentials

    public void setCredentials(String user, String password) {
        this.username = user;
        this.password = password;
    }

    /** A personal access token usable as {@code Authorization: ApiToken <token>}. */
    public String createApiToken() {
        String token = newToken();
        apiTokens.add(token);
        persist();
        return token;
    }

    /** DHIS2 2.42.4-2.42.5.2: a token answers 500 on /api/tracker/** until it has called GET /api/me. */
    public void requireTokenWarmup(boolean on) {
        tokenWarmup = on;
    }

    private static String newToken() {
        SecureRandom random = new SecureRandom();
        String chars = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
        StringBuilder body = new StringBuilder("d2p_");
        for (int i = 0; i < 40; i++) {
            body.append(chars.charAt(random.nextInt(chars.length())));
        }
        return body + checksum(body.toString());
    }

    private static String checksum(String text) {
        CRC32 crc = new CRC32();
        crc.update(text.getBytes(StandardCharsets.US_ASCII));
        return String.format("%010d", crc.getValue());
    }

    private static boolean wellFormed(String token) {
        return token.matches("^d2p_[A-Za-z0-9]{40}\\d{10}$")
                && checksum(token.substring(0, 44)).equals(token.substring(44));
    }

    /**
     * The version {@code /api/system/info} reports, e.g. "2.40.5" to see what the module does with a DHIS2 that has
     * only the deprecated API (everything else still answers as this fake's version); null for the real one.
     */
    public void reportVersion(String version) {
        reportedVersion = version;
    }

    /**
     * Off: the user lacks F_TEI_CASCADE_DELETE and F_ENROLLMENT_CASCADE_DELETE, so deleting a tracked entity that has
     * enrollments (E1100) or an enrollment that has events (E1103) is refused. On by default (the user has ALL).
     */
    public void allowCascadeDelete(boolean on) {
        cascadeDeleteAllowed = on;
    }

    // ------------------------------------------------------------------ metadata and state

    public Metadata metadata() {
        return metadata;
    }

    public List<FakeTrackedEntity> trackedEntities() {
        synchronized (store) {
            return store.trackedEntities.values().stream().sorted(Comparator.comparingLong(r -> r.seq))
                    .map(FakeDhis2::snapshot).collect(Collectors.toList());
        }
    }

    public Optional<FakeTrackedEntity> trackedEntity(String uid) {
        synchronized (store) {
            return Optional.ofNullable(store.trackedEntities.get(uid)).map(FakeDhis2::snapshot);
        }
    }

    public List<FakeEnrollment> enrollments() {
        synchronized (store) {
            return store.enrollments.values().stream().sorted(Comparator.comparingLong(r -> r.seq))
                    .map(FakeDhis2::snapshot).collect(Collectors.toList());
        }
    }

    public Optional<FakeEnrollment> enrollment(String uid) {
        synchronized (store) {
            return Optional.ofNullable(store.enrollments.get(uid)).map(FakeDhis2::snapshot);
        }
    }

    public List<FakeEvent> events() {
        synchronized (store) {
            return store.events.values().stream().sorted(Comparator.comparingLong(r -> r.seq))
                    .map(FakeDhis2::snapshot).collect(Collectors.toList());
        }
    }

    public Optional<FakeEvent> event(String uid) {
        synchronized (store) {
            return Optional.ofNullable(store.events.get(uid)).map(FakeDhis2::snapshot);
        }
    }

    private static FakeTrackedEntity snapshot(FakeStore.TeRow r) {
        Map<String, String> attributes = new LinkedHashMap<>();
        r.attributes.forEach((k, v) -> attributes.put(k, v.value));
        return new FakeTrackedEntity(r.uid, r.type, r.orgUnit, attributes, Dates.toLocal(r.created),
                Dates.toLocal(r.updated));
    }

    private static FakeEnrollment snapshot(FakeStore.EnRow r) {
        return new FakeEnrollment(r.uid, r.te, r.program, r.orgUnit, r.status, Dates.toLocal(r.enrolledAt),
                Dates.toLocal(r.occurredAt), Dates.toLocal(r.completedAt));
    }

    private static FakeEvent snapshot(FakeStore.EvRow r) {
        Map<String, String> values = new LinkedHashMap<>();
        r.dataValues.forEach((k, v) -> values.put(k, v.value));
        return new FakeEvent(r.uid, r.enrollment, r.te, r.program, r.stage, r.orgUnit, r.status,
                Dates.toLocal(r.occurredAt), values);
    }

    /**
     * Loses the object (a tracked entity, enrollment or event, with everything under it) as a restore of DHIS2 from a
     * backup taken before it was created would: no read returns it, and, unlike after a delete, its UID is free again.
     */
    public void loseInRestore(String uid) {
        synchronized (store) {
            store.lose(uid);
        }
        persist();
    }

    /** Deletes the object (softly, with everything under it) as a DHIS2 user would in DHIS2: its UID is never free again. */
    public void deleteByHand(String uid) {
        synchronized (store) {
            if (store.trackedEntities.containsKey(uid)) {
                store.deleteTrackedEntity(uid);
            } else if (store.enrollments.containsKey(uid)) {
                store.deleteEnrollment(uid);
            } else {
                store.deleteEvent(uid);
            }
        }
        persist();
    }

    public void seedTrackedEntity(FakeTrackedEntity te) {
        synchronized (store) {
            FakeStore.TeRow row = new FakeStore.TeRow();
            row.uid = te.uid();
            row.type = te.trackedEntityType();
            row.orgUnit = te.orgUnit();
            String created = te.created() == null ? Dates.now() : Dates.format(te.created());
            row.created = created;
            row.updated = te.updated() == null ? created : Dates.format(te.updated());
            row.storedBy = version == Version.V2_41 ? username : null;
            row.seq = store.nextSeq();
            te.attributes().forEach((k, v) -> {
                FakeStore.Value value = new FakeStore.Value();
                value.value = v;
                value.created = created;
                value.updated = created;
                value.storedBy = version == Version.V2_41 ? username : null;
                row.attributes.put(k, value);
            });
            store.trackedEntities.put(row.uid, row);
            store.indexed(row);
        }
        persist();
    }

    public void seedEnrollment(FakeEnrollment e) {
        synchronized (store) {
            FakeStore.EnRow row = new FakeStore.EnRow();
            row.uid = e.uid();
            row.te = e.trackedEntity();
            row.program = e.program();
            row.orgUnit = e.orgUnit();
            row.status = e.status() == null ? "ACTIVE" : e.status();
            row.enrolledAt = Dates.format(e.enrolledAt());
            row.occurredAt = e.occurredAt() == null ? row.enrolledAt : Dates.format(e.occurredAt());
            row.completedAt = Dates.format(e.completedAt());
            if (row.status.equals("COMPLETED")) {
                row.completedBy = username;
                row.completedAt = row.completedAt == null ? Dates.now() : row.completedAt;
            }
            row.created = Dates.now();
            row.updated = row.created;
            row.storedBy = username;
            row.seq = store.nextSeq();
            store.enrollments.put(row.uid, row);
            store.indexed(row);
        }
        persist();
    }

    public void seedEvent(FakeEvent e) {
        synchronized (store) {
            FakeStore.EvRow row = new FakeStore.EvRow();
            row.uid = e.uid();
            row.enrollment = e.enrollment();
            FakeStore.EnRow en = e.enrollment() == null ? null : store.enrollments.get(e.enrollment());
            row.te = e.trackedEntity() != null ? e.trackedEntity() : en == null ? null : en.te;
            row.program = e.program() != null ? e.program() : en == null ? null : en.program;
            row.stage = e.programStage();
            row.orgUnit = e.orgUnit();
            row.status = e.status() == null ? "ACTIVE" : e.status();
            row.occurredAt = Dates.format(e.occurredAt());
            row.created = Dates.now();
            row.updated = row.created;
            row.storedBy = username;
            if (row.status.equals("COMPLETED")) {
                row.completedAt = row.occurredAt == null ? Dates.today() : row.occurredAt;
                row.completedBy = username;
            }
            e.dataValues().forEach((k, v) -> {
                FakeStore.Value value = new FakeStore.Value();
                value.value = v;
                value.created = row.created;
                value.updated = row.created;
                value.storedBy = username;
                row.dataValues.put(k, value);
            });
            row.seq = store.nextSeq();
            store.events.put(row.uid, row);
            store.indexed(row);
        }
        persist();
    }

    /**
     * Back to a DHIS2 holding no tracker data (metadata and users kept), no fault armed and no request recorded: one
     * fake serves many short tests (the convergence test's histories) without a start each.
     */
    public void clearData() {
        synchronized (store) {
            store.clear();
        }
        failNext(0, 503);
        dropNextConnections(0);
        stallNext(0, Duration.ZERO);
        clearRequests();
        persist();
    }

    /** Writes the whole state (data, metadata, API tokens) to {@code file} as JSON. */
    public void saveState(Path file) {
        synchronized (store) {
            store.save(file, metadata, new ArrayList<>(apiTokens));
        }
    }

    private void persist() {
        if (stateFile != null) {
            saveState(stateFile);
        }
    }

    // ------------------------------------------------------------------ traffic

    public List<RecordedRequest> requests() {
        return List.copyOf(requests);
    }

    /** Request counts keyed like {@code "POST /api/tracker"} or {@code "GET /api/tracker/trackedEntities/{uid}"}. */
    public Map<String, Integer> requestCountsByKind() {
        Map<String, Integer> counts = new TreeMap<>();
        for (RecordedRequest r : requests) {
            counts.merge(r.kind(), 1, Integer::sum);
        }
        return counts;
    }

    public void clearRequests() {
        requests.clear();
    }

    /** Off: requests are still recorded and counted, without their bodies (a benchmark sends gigabytes). */
    public void recordRequestBodies(boolean on) {
        recordBodies = on;
    }

    // ------------------------------------------------------------------ faults

    public void setLatency(Duration perRequest) {
        latency = perRequest == null ? Duration.ZERO : perRequest;
    }

    /**
     * The next {@code calls} requests answer {@code httpStatus}: 5xx as Tomcat's HTML error page (what DHIS2
     * sends when it fails), 4xx as a DHIS2 JSON web message.
     */
    public void failNext(int calls, int httpStatus) {
        failNext(calls, httpStatus, 0);
    }

    /** As {@link #failNext(int, int)}, once {@code afterRequests} more requests have been answered normally. */
    public void failNext(int calls, int httpStatus, int afterRequests) {
        failStatus = httpStatus;
        failAfter.set(afterRequests);
        failCalls.set(calls);
    }

    /** The next {@code calls} connections are closed without any reply. */
    public void dropNextConnections(int calls) {
        dropCalls.set(calls);
    }

    /** While on, every request is redirected (302) to the login page, which itself answers 200 HTML. */
    public void serveLoginPage(boolean on) {
        loginPage = on;
    }

    /** The next {@code calls} requests are answered only after {@code d}. */
    public void stallNext(int calls, Duration d) {
        stallNext(calls, d, 0);
    }

    /** As {@link #stallNext(int, Duration)}, once {@code afterRequests} more requests have been answered normally. */
    public void stallNext(int calls, Duration d, int afterRequests) {
        stall = d;
        stallAfter.set(afterRequests);
        stallCalls.set(calls);
    }

    private static boolean take(AtomicInteger counter) {
        return counter.getAndUpdate(n -> n > 0 ? n - 1 : 0) > 0;
    }

    /** Whether a fault armed with a number of requests to let through first is due now. */
    private static boolean due(AtomicInteger after, AtomicInteger calls) {
        if (calls.get() == 0) {
            return false;
        }
        return !take(after) && take(calls);
    }

    // ------------------------------------------------------------------ HTTP

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod().toUpperCase(Locale.ROOT);
            String path = exchange.getRequestURI().getRawPath();
            String query = exchange.getRequestURI().getRawQuery();
            String body;
            try (InputStream in = exchange.getRequestBody()) {
                body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            Map<String, List<String>> headers = new LinkedHashMap<>();
            exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), List.copyOf(v)));
            requests.add(new RecordedRequest(method, path, query, body.isEmpty() || !recordBodies ? null : body,
                    Collections.unmodifiableMap(headers), kind(method, path)));
            sleep(latency);
            if (due(stallAfter, stallCalls)) {
                sleep(stall);
            }
            if (take(dropCalls)) {
                // closing the exchange before any header is sent makes the JDK server drop the connection
                return;
            }
            Reply reply;
            try {
                reply = route(method, path, new Query(query), body, exchange);
            } catch (RuntimeException e) {
                reply = Reply.tomcatPage(500, e.toString());
            }
            send(exchange, reply);
        }
    }

    private static void sleep(Duration d) {
        if (d.isZero() || d.isNegative()) {
            return;
        }
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void send(HttpExchange exchange, Reply reply) throws IOException {
        if (reply.contentType != null) {
            exchange.getResponseHeaders().set("Content-Type", reply.contentType);
        }
        reply.headers.forEach((k, v) -> exchange.getResponseHeaders().set(k, v));
        exchange.sendResponseHeaders(reply.status, reply.body.length == 0 ? -1 : reply.body.length);
        if (reply.body.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(reply.body);
            }
        }
    }

    /** {@code GET /api/tracker/trackedEntities/{uid}}: ids in item positions replaced, ".json" dropped. */
    static String kind(String method, String path) {
        String[] parts = path.replaceAll("\\.json$", "").split("/");
        int idIndex = parts.length > 2 && parts[2].equals("tracker") ? 4 : 3;
        if (parts.length > idIndex && Uid.isValid(parts[idIndex])) {
            parts[idIndex] = "{uid}";
        }
        return method + " " + String.join("/", parts);
    }

    private Reply route(String method, String rawPath, Query q, String body, HttpExchange exchange) {
        if (rawPath.equals(LOGIN_PATH)) {
            return Reply.html(200, loginHtml());
        }
        if (due(failAfter, failCalls)) {
            return failure(failStatus);
        }
        if (loginPage) {
            return Reply.redirect(302, baseUrl + LOGIN_PATH);
        }
        Reply denied = authenticate(rawPath, exchange);
        if (denied != null) {
            return denied;
        }
        String path = rawPath.replaceAll("\\.json$", "");
        if (path.startsWith("/tracker/")) {
            // DHIS2 2.42's async reply points here, without /api: a redirect to a page that does not exist
            return path.endsWith("/") ? Reply.notFoundPage(rawPath) : Reply.redirect(301, baseUrl + path + "/");
        }
        if (!path.startsWith("/api/")) {
            return Reply.notFoundPage(rawPath);
        }
        String[] p = path.substring(5).split("/");
        try {
            if (p[0].equals("tracker")) {
                return tracker(method, p, q, body);
            }
            if (List.of("trackedEntityInstances", "enrollments", "events").contains(p[0])) {
                if (version != Version.V2_41) {
                    return Reply.notFoundPage(rawPath);
                }
                return deprecated(method, p, q, body);
            }
            return other(method, p, q, rawPath);
        } catch (ReadApi.Refusal r) {
            return r.reply;
        }
    }

    private Reply failure(int status) {
        if (status >= 500) {
            return Reply.tomcatPage(status, status == 503 ? "Service temporarily unavailable"
                    : "Request processing failed: injected fault");
        }
        if (status == 429) {
            return Reply.error(429, "Too many requests").header("Retry-After", "1");
        }
        return Reply.error(status, "Injected fault");
    }

    private String loginHtml() {
        return "<!DOCTYPE html><html><head><title>DHIS 2</title><meta charset=\"UTF-8\"></head><body>"
                + "<div id=\"loginForm\"><form action=\"/dhis-web-commons-security/login.action\" method=\"post\"><input type=\"text\" id=\"j_username\" name=\"j_username\"/>"
                + "<input type=\"password\" id=\"j_password\" name=\"j_password\"/><input type=\"submit\" "
                + "value=\"Sign in\"/></form></div></body></html>";
    }

    private Reply authenticate(String path, HttpExchange exchange) {
        String auth = exchange.getRequestHeaders().getFirst("Authorization");
        if (auth == null || auth.isBlank()) {
            String xhr = exchange.getRequestHeaders().getFirst("X-Requested-With");
            return "XMLHttpRequest".equals(xhr) ? Reply.error(401, "Unauthorized")
                    : Reply.redirect(302, baseUrl + LOGIN_PATH);
        }
        if (auth.regionMatches(true, 0, "Basic ", 0, 6)) {
            String decoded;
            try {
                decoded = new String(Base64.getDecoder().decode(auth.substring(6).trim()), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                return Reply.error(401, "Unauthorized");
            }
            return decoded.equals(username + ":" + password) ? null : Reply.error(401, "Unauthorized");
        }
        if (auth.regionMatches(true, 0, "ApiToken ", 0, 9)) {
            String token = auth.substring(9).trim();
            if (!wellFormed(token)) {
                return Reply.error(400, "Checksum validation failed");
            }
            if (!apiTokens.contains(token)) {
                return Reply.error(401, "The API token does not exist");
            }
            if (path.equals("/api/me") || path.startsWith("/api/me?")) {
                warmTokens.add(token);
            } else if (tokenWarmup && !warmTokens.contains(token) && path.startsWith("/api/tracker")) {
                return Reply.tomcatPage(500, "failed to lazily initialize a collection of role: "
                        + "org.hisp.dhis.user.User.userRoles, could not initialize proxy - no Session");
            }
            return null;
        }
        // Bearer and any other scheme: DHIS2 does not know it and sends the browser to its login page
        return Reply.redirect(302, baseUrl + LOGIN_PATH);
    }

    private Ctx ctx() {
        return new Ctx(version, metadata, store, username, baseUrl);
    }

    private static JsonNode parse(String body) {
        try {
            return body == null || body.isBlank() ? null : Reply.JSON.readTree(body);
        } catch (IOException e) {
            return null;
        }
    }

    private Reply tracker(String method, String[] p, Query q, String body) throws ReadApi.Refusal {
        if (p.length == 1 && method.equals("POST")) {
            return trackerImport(q, body);
        }
        if (!method.equals("GET")) {
            return Reply.error(405, "Request method '" + method + "' is not supported");
        }
        if (p.length >= 3 && p[1].equals("jobs")) {
            ObjectNode[] job = jobs.get(p[2]);
            if (job == null) {
                return Reply.error(404, "Tracker job with id " + p[2] + " could not be found.");
            }
            return p.length == 4 && p[3].equals("report") ? Reply.json(200, job[0]) : Reply.json(200, job[1].get("list"));
        }
        ReadApi read = new ReadApi(ctx());
        synchronized (store) {
            if (p.length == 2) {
                switch (p[1]) {
                    case "trackedEntities": return read.trackedEntities(q);
                    case "enrollments": return read.enrollments(q);
                    case "events": return read.events(q);
                    default: return Reply.notFoundPage("/api/tracker/" + p[1]);
                }
            }
            if (p.length == 3) {
                switch (p[1]) {
                    case "trackedEntities": return read.trackedEntity(p[2], q);
                    case "enrollments": return read.enrollment(p[2], q);
                    case "events": return read.event(p[2], q);
                    default: break;
                }
            }
        }
        return Reply.notFoundPage("/api/" + String.join("/", p));
    }

    private Reply trackerImport(Query q, String body) {
        JsonNode json = parse(body);
        if (json == null) {
            return Reply.error(400, "JSON parse error: the request body is not valid JSON");
        }
        TrackerImport.Result result;
        synchronized (store) {
            result = new TrackerImport(ctx(), q.get("importStrategy"), q.get("atomicMode"), q.get("importMode"),
                    cascadeDeleteAllowed).run(json);
            if (result.wrote) {
                persist();
            }
        }
        if (result.failure != null) {
            return result.failure;
        }
        if ("false".equalsIgnoreCase(q.get("async"))) {
            return Reply.json(result.httpStatus, result.report);
        }
        String id = Uid.generate();
        jobs.put(id, new ObjectNode[] {result.report, notifications(result.report, q)});
        ObjectNode reply = Reply.webMessage(200, "OK", "Tracker job added");
        ObjectNode response = reply.putObject("response");
        response.put("id", id);
        if (version == Version.V2_41) {
            response.put("location", baseUrl + "/api/tracker/jobs/" + id);
        } else {
            response.put("location", baseUrl + "/tracker/jobs/" + id);
            response.put("responseType", "TrackerJob");
        }
        return Reply.json(200, reply);
    }

    /** The job's notifications, newest first, with the steps DHIS2 2.42 reports. */
    private ObjectNode notifications(ObjectNode report, Query q) {
        JsonNode stats = report.path("stats");
        ObjectNode holder = Reply.JSON.createObjectNode();
        ArrayNode list = holder.putArray("list");
        String now = Dates.now();
        String done = "Import complete with status " + report.path("status").asText() + ", "
                + stats.path("created").asInt() + " created, " + stats.path("updated").asInt() + " updated, "
                + stats.path("deleted").asInt() + " deleted, " + stats.path("ignored").asInt() + " ignored";
        List<String> steps = List.of(done, "PostCommit", "Commit Transaction", "Running Rule Engine Validation",
                "Running Rule Engine", "Running Validation", "Running PreProcess", "Calculating Payload Size",
                "Running PreHeat", "Loading file content", "Loading file resource", "Tracker import started");
        for (String message : steps) {
            ObjectNode n = list.addObject();
            n.put("level", "INFO");
            n.put("category", "TRACKER_IMPORT_JOB");
            n.put("message", message);
            n.put("completed", message.equals(done));
            if (message.equals("Tracker import started")) {
                n.put("dataType", "PARAMETERS");
                ObjectNode data = n.putObject("data");
                data.put("importMode", q.get("importMode", "COMMIT"));
                ObjectNode schemes = data.putObject("idSchemes");
                for (String scheme : List.of("idScheme", "dataElementIdScheme", "orgUnitIdScheme", "programIdScheme",
                        "programStageIdScheme", "categoryOptionComboIdScheme", "categoryOptionIdScheme")) {
                    ObjectNode x = schemes.putObject(scheme);
                    x.put("idScheme", "UID");
                    x.putNull("attributeUid");
                }
                data.put("importStrategy", q.get("importStrategy", "CREATE_AND_UPDATE"));
                data.put("atomicMode", q.get("atomicMode", "ALL"));
                data.put("flushMode", "AUTO");
                data.put("validationMode", "FULL");
                data.put("skipPatternValidation", false);
                data.put("skipSideEffects", false);
                data.put("skipRuleEngine", false);
                data.putNull("filename");
                data.put("reportMode", q.get("reportMode", "ERRORS"));
            }
            String id = Uid.generate();
            n.put("id", id);
            n.put("time", now);
            n.put("uid", id);
        }
        return holder;
    }

    private Reply deprecated(String method, String[] p, Query q, String body) throws ReadApi.Refusal {
        if (method.equals("DELETE") && p.length == 2) {
            synchronized (store) {
                Reply reply = DeprecatedDelete.delete(ctx(), p[0], p[1], cascadeDeleteAllowed);
                persist();
                return reply;
            }
        }
        if (method.equals("POST") && p.length == 1) {
            JsonNode json = parse(body);
            if (json == null) {
                return Reply.error(400, "JSON parse error: the request body is not valid JSON");
            }
            DeprecatedImport importer = new DeprecatedImport(ctx(), q.get("strategy", q.get("importStrategy")),
                    q.isTrue("dryRun"));
            synchronized (store) {
                try {
                    switch (p[0]) {
                        case "trackedEntityInstances": return importer.trackedEntityInstances(json);
                        case "enrollments": return importer.enrollments(json);
                        default: return importer.events(json);
                    }
                } catch (DeprecatedImport.Abort abort) {
                    return abort.reply;
                } finally {
                    if (importer.wrote()) {
                        persist();
                    }
                }
            }
        }
        if (!method.equals("GET")) {
            return Reply.error(405, "Request method '" + method + "' is not supported");
        }
        ReadApi read = new ReadApi(ctx());
        synchronized (store) {
            if (p.length == 1) {
                switch (p[0]) {
                    case "trackedEntityInstances": return read.trackedEntityInstances(q);
                    case "enrollments": return read.deprecatedEnrollments(q);
                    default: return read.deprecatedEvents(q);
                }
            }
            if (p.length == 2) {
                switch (p[0]) {
                    case "trackedEntityInstances": return read.trackedEntityInstance(p[1], q);
                    case "enrollments": return read.deprecatedEnrollment(p[1], q);
                    default: return read.deprecatedEvent(p[1], q);
                }
            }
        }
        return Reply.notFoundPage("/api/" + String.join("/", p));
    }

    private Reply other(String method, String[] p, Query q, String rawPath) throws ReadApi.Refusal {
        if (method.equals("POST") && p[0].equals("apiToken") && p.length == 1) {
            String token = createApiToken();
            ObjectNode reply = Reply.webMessage(201, "OK", null);
            ObjectNode response = reply.putObject("response");
            response.put("key", token);
            response.put("uid", Uid.generate());
            response.put("klass", "org.hisp.dhis.security.apikey.ApiToken");
            response.putArray("errorReports");
            response.put("responseType", "ObjectReport");
            return Reply.json(201, reply);
        }
        if (!method.equals("GET")) {
            return Reply.notFoundPage(rawPath);
        }
        if (p.length == 2 && p[0].equals("system") && p[1].equals("info")) {
            return Reply.json(200, systemInfo());
        }
        if ((p.length == 1 && p[0].equals("me")) || (p.length == 2 && p[0].equals("users") && p[1].equals(Ctx.USER_ID))) {
            return Reply.json(200, FieldFilter.parse(q.get("fields", "*")).apply(me()));
        }
        ReadApi read = new ReadApi(ctx());
        Reply reply = p.length == 1 ? read.metadataList(p[0], q) : p.length == 2 ? read.metadataObject(p[0], p[1], q)
                : null;
        return reply != null ? reply : Reply.notFoundPage(rawPath);
    }

    private ObjectNode me() {
        ObjectNode n = Reply.JSON.createObjectNode();
        n.put("id", Ctx.USER_ID);
        n.put("username", username);
        n.put("firstName", username);
        n.put("surname", username);
        n.put("name", username + " " + username);
        n.put("displayName", username + " " + username);
        for (String key : List.of("organisationUnits", "dataViewOrganisationUnits", "teiSearchOrganisationUnits")) {
            ArrayNode ous = n.putArray(key);
            ReadApi read = new ReadApi(ctx());
            metadata.orgUnits().stream().filter(ou -> ou.parent() == null && metadata.isAccessible(ou.id()))
                    .forEach(ou -> ous.add(read.orgUnit(ou)));
        }
        n.putArray("authorities").add("ALL");
        return n;
    }

    private ObjectNode systemInfo() {
        String now = Dates.now();
        ObjectNode n = Reply.JSON.createObjectNode();
        n.put("contextPath", baseUrl);
        n.put("userAgent", "fake");
        n.put("calendar", "iso8601");
        n.put("dateFormat", "yyyy-mm-dd");
        n.put("serverDate", now);
        n.put("serverTimeZoneId", "Etc/UTC");
        n.put("serverTimeZoneDisplayName", "Coordinated Universal Time");
        if (version == Version.V2_42) {
            n.put("lastAnalyticsTableSuccess", "1970-01-01T00:00:00.000");
            n.put("intervalSinceLastAnalyticsTableSuccess", "0 h, 0 m, 0 s");
            n.put("lastAnalyticsTableRuntime", "");
            n.put("lastSystemMonitoringSuccess", "1970-01-01T00:00:00.000");
            n.put("lastAnalyticsTablePartitionSuccess", "1970-01-01T00:00:00.000");
            n.put("intervalSinceLastAnalyticsTablePartitionSuccess", "0 h, 0 m, 0 s");
            n.put("lastAnalyticsTablePartitionRuntime", "");
        }
        ObjectNode db = n.putObject("databaseInfo");
        db.put("name", "dhis2");
        db.put("user", "dhis");
        db.put("url", "jdbc:postgresql://127.0.0.1:5432/dhis2");
        db.put("databaseVersion", "PostgreSQL 15");
        db.put("spatialSupport", true);
        db.put("time", now);
        n.put("version", reportedVersion != null ? reportedVersion : version.text);
        n.put("revision", version.revision);
        n.put("buildTime", now);
        n.put("jasperReportsVersion", "6.20.0");
        n.put("environmentVariable", "DHIS2_HOME");
        n.put("fileStoreProvider", "filesystem");
        n.put("readOnlyMode", "off");
        n.put("nodeId", "");
        n.put("javaVersion", System.getProperty("java.version"));
        n.put("javaVendor", System.getProperty("java.vendor"));
        n.put("osName", "Linux");
        n.put("osArchitecture", "amd64");
        n.put("osVersion", "fake");
        n.put("externalDirectory", "/opt/dhis2");
        n.put("readReplicaCount", 0);
        n.put("memoryInfo", "fake");
        n.put("cpuCores", Runtime.getRuntime().availableProcessors());
        n.put("encryption", false);
        n.put("emailConfigured", false);
        n.put("redisEnabled", false);
        // both versions once the server has run a while (2.42.5.2's hand capture at start-up had none)
        n.put("systemId", version == Version.V2_41 ? "d81343ce-ab72-4f62-b96f-58623659a42c"
                : "3c8a7e3e-5b1f-4f0e-9d6a-2f1c5b7a9e42");
        n.put("systemName", "DHIS 2");
        if (version == Version.V2_42) {
            n.put("systemMetadataVersion", "");
        }
        n.put("instanceBaseUrl", baseUrl);
        n.put("clusterHostname", "");
        n.put("isMetadataVersionEnabled", false);
        if (version == Version.V2_42) {
            n.put("lastMetadataVersionSyncAttempt", "1970-01-01T00:00:00.000");
        }
        return n;
    }
}
