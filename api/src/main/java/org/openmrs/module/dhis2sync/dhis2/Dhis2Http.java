package org.openmrs.module.dhis2sync.dhis2;

import java.io.Closeable;
import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.net.ssl.SSLException;

import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.client5.http.classic.methods.HttpDelete;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http.io.entity.StringEntity;
import org.apache.hc.core5.util.Timeout;
import org.openmrs.module.dhis2sync.dhis2.Dhis2UnavailableException.Reason;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The one HTTP channel to a DHIS2, shared by both API generations: httpclient5 (classic) with timeouts and retries
 * from the {@link Dhis2Connection}, authentication, {@code Accept: application/json}, and the translation of every
 * way DHIS2 can fail into a {@link Dhis2UnavailableException} whose message says what to check. Credentials are
 * sent only in the Authorization header and appear in no log line or message.
 */
public final class Dhis2Http implements Closeable {

    private static final Logger log = LoggerFactory.getLogger(Dhis2Http.class);
    private static final Pattern HTML_TITLE = Pattern.compile("<title>(.*?)</title>", Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    /** At most this much of a reply that is not DHIS2's own JSON message is quoted back, sanitised. */
    static final int MAX_EXTRACT = 120;
    /** DHIS2's own JSON message (e.g. why it refused a request) may be longer. */
    static final int MAX_DHIS2_MESSAGE = 300;

    /** A reply DHIS2 gave as JSON, with its status (200, 201 or 409 for imports). */
    static final class JsonReply {
        final int status;
        final JsonNode body;

        JsonReply(int status, JsonNode body) {
            this.status = status;
            this.body = body;
        }
    }

    private static final class RawReply {
        final int status;
        final String contentType;
        final String location;
        final String body;

        RawReply(int status, String contentType, String location, String body) {
            this.status = status;
            this.contentType = contentType;
            this.location = location;
            this.body = body;
        }
    }

    private final Dhis2Connection connection;
    private final CloseableHttpClient client;
    private final ObjectMapper mapper = new ObjectMapper();
    private final String authorization;
    private final Object warmUpLock = new Object();
    private volatile boolean tokenWarm;

    public Dhis2Http(Dhis2Connection connection) {
        this.connection = connection;
        this.authorization = connection.usesToken() ? "ApiToken " + connection.getApiToken()
                : "Basic " + Base64.getEncoder().encodeToString(
                        (connection.getUsername() + ":" + connection.getPassword()).getBytes(StandardCharsets.UTF_8));
        Timeout connect = Timeout.ofMilliseconds(connection.getConnectTimeout().toMillis());
        Timeout read = Timeout.ofMilliseconds(connection.getReadTimeout().toMillis());
        PoolingHttpClientConnectionManager pool = PoolingHttpClientConnectionManagerBuilder.create()
                .setDefaultConnectionConfig(ConnectionConfig.custom().setConnectTimeout(connect).setSocketTimeout(read)
                        .setValidateAfterInactivity(2, TimeUnit.SECONDS).build())
                .build();
        this.client = HttpClients.custom()
                .setConnectionManager(pool)
                .setDefaultRequestConfig(RequestConfig.custom().setConnectionRequestTimeout(connect)
                        .setResponseTimeout(read).build())
                .setRetryStrategy(new Dhis2RetryStrategy(connection.getMaxRetries(), connection.getRetryBackoff()))
                // a redirect from /api means the login page (or a wrong URL): report it, do not follow it
                .disableRedirectHandling()
                .disableCookieManagement()
                .build();
    }

    Dhis2Connection connection() {
        return connection;
    }

    ObjectMapper mapper() {
        return mapper;
    }

    /** GET that must answer 200 with JSON. */
    JsonNode get(String path, QueryParams params) {
        RawReply reply = execute(new HttpGet(uri(path, params)), path);
        if (reply.status == 200) {
            return parseJson(reply, "GET", path);
        }
        throw failure(reply, "GET", path);
    }

    /**
     * GET of one object by its UID: its JSON, or null when DHIS2 answers its own JSON 404 (no such object, or a
     * deleted one). A 404 HTML page (no such API) and every other failure still throw.
     */
    JsonNode getIfFound(String path, QueryParams params) {
        RawReply reply = execute(new HttpGet(uri(path, params)), path);
        if (reply.status == 200) {
            return parseJson(reply, "GET", path);
        }
        if (reply.status == 404 && isJson(reply) && !isHtml(reply)) {
            return null;
        }
        throw failure(reply, "GET", path);
    }

    /**
     * DELETE of one object (the deprecated API's delete endpoints): 200 and 409 with JSON come back to the caller, who
     * reads the import summary; anything else is a {@link Dhis2UnavailableException}.
     */
    JsonReply delete(String path) {
        RawReply reply = execute(new HttpDelete(uri(path, null)), path);
        // DHIS2's own JSON 404 names an object it does not hold (already gone); an HTML 404 (no such API) still throws
        boolean gone = reply.status == 404 && isJson(reply) && !isHtml(reply);
        if ((reply.status == 200 || reply.status == 409 || gone) && isJson(reply)) {
            return new JsonReply(reply.status, parseJson(reply, "DELETE", path));
        }
        throw failure(reply, "DELETE", path);
    }

    /**
     * POST of a JSON body whose reply is an import report: 200, 201 and 409 with JSON come back to the caller, who
     * reads the per-object verdicts; anything else is a {@link Dhis2UnavailableException}.
     */
    JsonReply postImport(String path, QueryParams params, JsonNode body) {
        HttpPost post = new HttpPost(uri(path, params));
        try {
            post.setEntity(new StringEntity(mapper.writeValueAsString(body), ContentType.APPLICATION_JSON));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("could not write the JSON for " + path, e);
        }
        RawReply reply = execute(post, path);
        if (reply.status == 200 || reply.status == 201 || reply.status == 202
                || (reply.status == 409 && isJson(reply))) {
            return new JsonReply(reply.status, parseJson(reply, "POST", path));
        }
        throw failure(reply, "POST", path);
    }

    private URI uri(String path, QueryParams params) {
        String query = params == null ? "" : params.encoded();
        try {
            return new URI(connection.getUrl() + path + (query.isEmpty() ? "" : "?" + query));
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("cannot build a DHIS2 address from url " + connection.getUrl() + " and "
                    + path + ": " + e.getReason(), e);
        }
    }

    private RawReply execute(HttpUriRequestBase request, String path) {
        warmUpTokenBefore(path);
        RawReply reply = send(request, path);
        if (connection.usesToken() && path.startsWith("/api/me") && reply.status == 200) {
            tokenWarm = true;
        }
        return reply;
    }

    /**
     * DHIS2 2.42.4 to 2.42.5.2 answer 500 on /api/tracker to a personal access token until the token has been used
     * on /api/me (which caches it for about an hour), so the first tracker call of a client is preceded by one.
     */
    private void warmUpTokenBefore(String path) {
        if (!connection.usesToken() || tokenWarm || !path.startsWith("/api/tracker")) {
            return;
        }
        synchronized (warmUpLock) {
            if (!tokenWarm) {
                get("/api/me", QueryParams.of("fields", "id,username"));
                tokenWarm = true;
            }
        }
    }

    private RawReply send(HttpUriRequestBase request, String path) {
        request.setHeader("Accept", "application/json");
        request.setHeader("Authorization", authorization);
        long start = System.nanoTime();
        try {
            RawReply reply = client.execute(request, response -> {
                HttpEntity entity = response.getEntity();
                String body = entity == null ? "" : EntityUtils.toString(entity, StandardCharsets.UTF_8);
                String contentType = entity == null ? null : entity.getContentType();
                Header location = response.getFirstHeader("Location");
                return new RawReply(response.getCode(), contentType, location == null ? null : location.getValue(), body);
            });
            if (log.isDebugEnabled()) {
                log.debug("{} {} -> {} in {} ms", request.getMethod(), path, reply.status,
                        TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
            }
            return reply;
        } catch (IOException e) {
            throw connectionFailure(e, request.getMethod(), path);
        }
    }

    private Dhis2UnavailableException connectionFailure(IOException e, String method, String path) {
        String where = where(method, path);
        String retries = connection.getMaxRetries() > 0 ? " (after " + connection.getMaxRetries() + " retries)" : "";
        if (e instanceof UnknownHostException) {
            return new Dhis2UnavailableException(Reason.UNREACHABLE, 0, where + ": unknown host '" + e.getMessage()
                    + "': check the DHIS2 URL and this server's DNS", e);
        }
        if (e instanceof ConnectTimeoutException) {
            return new Dhis2UnavailableException(Reason.TIMEOUT, 0, where + ": no connection within the connect timeout of "
                    + seconds(connection.getConnectTimeout()) + ": check the URL, the network and any firewall", e);
        }
        if (e instanceof SocketTimeoutException) {
            return new Dhis2UnavailableException(Reason.TIMEOUT, 0, where + ": no reply within the read timeout of "
                    + seconds(connection.getReadTimeout()) + ": DHIS2 is overloaded or the batch is too large; raise the "
                    + "timeout or lower the batch size", e);
        }
        if (e instanceof ConnectException || e instanceof NoRouteToHostException) {
            return new Dhis2UnavailableException(Reason.UNREACHABLE, 0, where + ": cannot connect" + retries
                    + ": check that DHIS2 is running and that the URL (host and port) is right", e);
        }
        if (e instanceof SSLException) {
            return new Dhis2UnavailableException(Reason.UNREACHABLE, 0, where + ": TLS failed (" + e.getMessage()
                    + "): check the https address and that this server trusts DHIS2's certificate", e);
        }
        return new Dhis2UnavailableException(Reason.UNREACHABLE, 0, where + ": the connection failed" + retries + " ("
                + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage())
                + "): check that DHIS2 is running and reachable", e);
    }

    private Dhis2UnavailableException failure(RawReply reply, String method, String path) {
        String where = where(method, path) + " answered HTTP " + reply.status;
        int status = reply.status;
        if (status >= 300 && status < 400) {
            String location = reply.location == null ? "" : reply.location;
            if (location.toLowerCase(Locale.ROOT).contains("login")) {
                return new Dhis2UnavailableException(Reason.LOGIN_PAGE, status, where + ", a redirect to the login page: "
                        + "DHIS2 did not accept the credentials; check the DHIS2 user and password or token "
                        + "(a token needs the 'ApiToken' scheme)");
            }
            return new Dhis2UnavailableException(Reason.NOT_FOUND, status, where + ", a redirect to " + stripQuery(location)
                    + ": set the DHIS2 URL to the final address (e.g. https:// instead of http://)");
        }
        if (status == 401 || status == 403) {
            return new Dhis2UnavailableException(Reason.AUTHENTICATION, status, where + " (" + extract(reply)
                    + "): check the DHIS2 user and password or token"
                    + (status == 403 ? ", and that the user has the authorities for tracker data and metadata" : ""));
        }
        if (status == 404 && isJson(reply) && !isHtml(reply)) {
            // DHIS2's own JSON 404: the API exists, the object asked for does not
            return new Dhis2UnavailableException(Reason.NOT_FOUND, status, where + ": " + extract(reply));
        }
        if (status == 404) {
            return new Dhis2UnavailableException(Reason.NOT_FOUND, status, where + ": no such API on this DHIS2: check the "
                    + "URL and the API setting (the deprecated API (legacy) is gone from DHIS2 2.42; use auto or tracker)");
        }
        if (isHtml(reply) && looksLikeLogin(reply.body)) {
            return loginPage(reply, method, path);
        }
        if (status == 429 || status >= 500) {
            String retries = connection.getMaxRetries() > 0 ? " after " + connection.getMaxRetries() + " retries" : "";
            return new Dhis2UnavailableException(Reason.SERVER_ERROR, status, where + retries + " (" + extract(reply)
                    + "): DHIS2 is failing or overloaded; check its logs and try again later");
        }
        return new Dhis2UnavailableException(Reason.REJECTED, status, where + ", refusing the whole request: "
                + extract(reply));
    }

    private JsonNode parseJson(RawReply reply, String method, String path) {
        if (isHtml(reply)) {
            if (looksLikeLogin(reply.body)) {
                throw loginPage(reply, method, path);
            }
            throw new Dhis2UnavailableException(Reason.MALFORMED_REPLY, reply.status, where(method, path)
                    + " answered with an HTML page (" + extract(reply) + ") instead of JSON: check that the URL is the "
                    + "DHIS2 server's address");
        }
        try {
            JsonNode node = mapper.readTree(reply.body);
            if (node == null || node.isMissingNode()) {
                throw new Dhis2UnavailableException(Reason.MALFORMED_REPLY, reply.status, where(method, path)
                        + " answered HTTP " + reply.status + " with an empty body instead of JSON");
            }
            return node;
        } catch (JsonProcessingException e) {
            // not Jackson's message: it quotes the reply at length; only a short sanitised excerpt is passed on
            throw new Dhis2UnavailableException(Reason.MALFORMED_REPLY, reply.status, where(method, path)
                    + " answered HTTP " + reply.status + " with something that is not JSON (" + extract(reply)
                    + "): check that the URL is the DHIS2 server's address");
        }
    }

    private Dhis2UnavailableException loginPage(RawReply reply, String method, String path) {
        return new Dhis2UnavailableException(Reason.LOGIN_PAGE, reply.status, where(method, path)
                + " answered with the DHIS2 login page instead of JSON: DHIS2 did not accept the credentials; check the "
                + "DHIS2 user and password or token");
    }

    private String where(String method, String path) {
        // the path only: query values can be patients' identifiers
        return "DHIS2 at " + connection.getUrl() + ": " + method + " " + path;
    }

    private static boolean isJson(RawReply reply) {
        return reply.contentType == null ? reply.body.trim().startsWith("{")
                : reply.contentType.toLowerCase(Locale.ROOT).contains("json");
    }

    private static boolean isHtml(RawReply reply) {
        if (reply.contentType != null && reply.contentType.toLowerCase(Locale.ROOT).contains("html")) {
            return true;
        }
        String start = reply.body.trim().toLowerCase(Locale.ROOT);
        return start.startsWith("<!doctype html") || start.startsWith("<html");
    }

    private static boolean looksLikeLogin(String body) {
        String lower = body.toLowerCase(Locale.ROOT);
        return lower.contains("login") && (lower.contains("password") || lower.contains("j_username"));
    }

    /**
     * A short, credential-free extract of DHIS2's reply for a message: DHIS2's JSON message, else the HTML title or
     * the start of the body (a reply that is not DHIS2's may be anything: only a short sanitised excerpt).
     */
    private String extract(RawReply reply) {
        if (isHtml(reply)) {
            Matcher title = HTML_TITLE.matcher(reply.body);
            return title.find() ? sanitise(title.group(1), MAX_EXTRACT) : "an HTML page";
        }
        if (reply.body.trim().isEmpty()) {
            return "empty body";
        }
        try {
            JsonNode node = mapper.readTree(reply.body);
            if (node != null && node.hasNonNull("message")) {
                String text = node.get("message").asText();
                if (node.hasNonNull("errorCode")) {
                    text = node.get("errorCode").asText() + " " + text;
                }
                return sanitise(text, MAX_DHIS2_MESSAGE);
            }
        } catch (JsonProcessingException e) {
            // not JSON: the excerpt below
        }
        return "reply starting '" + sanitise(reply.body, MAX_EXTRACT) + "'";
    }

    /**
     * A reply's text made safe to show and log: markup and control characters dropped, white space collapsed, cut
     * at {@code max} characters.
     */
    static String sanitise(String text, int max) {
        String plain = text.replaceAll("<[^>]*>", " ").replaceAll("[\\p{Cntrl}\\u2028\\u2029]", " ")
                .replaceAll("\\s+", " ").trim();
        if (plain.isEmpty()) {
            return "no readable text";
        }
        return plain.length() > max ? plain.substring(0, max) + "…" : plain;
    }

    private static String stripQuery(String location) {
        int q = location.indexOf('?');
        return q < 0 ? location : location.substring(0, q);
    }

    private static String seconds(java.time.Duration duration) {
        long millis = duration.toMillis();
        return millis % 1000 == 0 ? (millis / 1000) + " s" : millis + " ms";
    }

    @Override
    public void close() {
        try {
            client.close();
        } catch (IOException e) {
            log.warn("Closing the HTTP client of DHIS2 at {} failed: {}", connection.getUrl(), e.getMessage());
        }
    }
}
