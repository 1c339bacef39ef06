package org.openmrs.module.dhis2sync.dhis2;

import java.io.Closeable;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

import org.apache.hc.client5.http.classic.methods.HttpDelete;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http.io.entity.StringEntity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The one HTTP channel to a DHIS2, shared by both API generations: requests with authentication and
 * {@code Accept: application/json} over the client {@link Dhis2HttpSetup} builds (timeouts and retries from the
 * {@link Dhis2Connection}), the statuses each kind of request accepts, and every other reply or failure translated
 * by {@link Dhis2HttpFailures} into a {@link Dhis2UnavailableException} whose message says what to check.
 * Credentials are sent only in the Authorization header and appear in no log line or message.
 */
public final class Dhis2Http implements Closeable {

    private static final Logger log = LoggerFactory.getLogger(Dhis2Http.class);
    /** A reply DHIS2 gave as JSON, with its status (200, 201 or 409 for imports). */
    static final class JsonReply {
        final int status;
        final JsonNode body;

        JsonReply(int status, JsonNode body) {
            this.status = status;
            this.body = body;
        }
    }

    private final Dhis2Connection connection;
    private final CloseableHttpClient client;
    private final ObjectMapper mapper = new ObjectMapper();
    private final Dhis2HttpFailures failures;
    private final String authorization;
    private final Object warmUpLock = new Object();
    private volatile boolean tokenWarm;

    public Dhis2Http(Dhis2Connection connection) {
        this.connection = connection;
        this.authorization = Dhis2HttpSetup.authorization(connection);
        this.client = Dhis2HttpSetup.client(connection);
        this.failures = new Dhis2HttpFailures(connection, mapper);
    }

    Dhis2Connection connection() {
        return connection;
    }

    ObjectMapper mapper() {
        return mapper;
    }

    /** GET that must answer 200 with JSON. */
    JsonNode get(String path, QueryParams params) {
        Dhis2Reply reply = execute(new HttpGet(uri(path, params)), path);
        if (reply.status == 200) {
            return failures.json(reply, "GET", path);
        }
        throw failures.reply(reply, "GET", path);
    }

    /**
     * GET of one object by its UID: its JSON, or null when DHIS2 answers its own JSON 404 (no such object, or a
     * deleted one). A 404 HTML page (no such API) and every other failure still throw.
     */
    JsonNode getIfFound(String path, QueryParams params) {
        Dhis2Reply reply = execute(new HttpGet(uri(path, params)), path);
        if (reply.status == 200) {
            return failures.json(reply, "GET", path);
        }
        if (reply.isDhis2NotFound()) {
            return null;
        }
        throw failures.reply(reply, "GET", path);
    }

    /**
     * DELETE of one object (the deprecated API's delete endpoints): 200 and 409 with JSON come back to the caller, who
     * reads the import summary; anything else is a {@link Dhis2UnavailableException}.
     */
    JsonReply delete(String path) {
        Dhis2Reply reply = execute(new HttpDelete(uri(path, null)), path);
        // DHIS2's own JSON 404 names an object it does not hold (already gone); an HTML 404 (no such API) still throws
        if ((reply.status == 200 || reply.status == 409 || reply.isDhis2NotFound()) && reply.isJson()) {
            return new JsonReply(reply.status, failures.json(reply, "DELETE", path));
        }
        throw failures.reply(reply, "DELETE", path);
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
        Dhis2Reply reply = execute(post, path);
        if (reply.status == 200 || reply.status == 201 || reply.status == 202
                || (reply.status == 409 && reply.isJson())) {
            return new JsonReply(reply.status, failures.json(reply, "POST", path));
        }
        throw failures.reply(reply, "POST", path);
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

    private Dhis2Reply execute(HttpUriRequestBase request, String path) {
        warmUpTokenBefore(path);
        Dhis2Reply reply = send(request, path);
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

    private Dhis2Reply send(HttpUriRequestBase request, String path) {
        request.setHeader("Accept", "application/json");
        request.setHeader("Authorization", authorization);
        long start = System.nanoTime();
        try {
            Dhis2Reply reply = client.execute(request, response -> {
                HttpEntity entity = response.getEntity();
                String body = entity == null ? "" : EntityUtils.toString(entity, StandardCharsets.UTF_8);
                String contentType = entity == null ? null : entity.getContentType();
                Header location = response.getFirstHeader("Location");
                return new Dhis2Reply(response.getCode(), contentType, location == null ? null : location.getValue(),
                        body);
            });
            if (log.isDebugEnabled()) {
                log.debug("{} {} -> {} in {} ms", request.getMethod(), path, reply.status,
                        TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
            }
            return reply;
        } catch (IOException e) {
            throw failures.connection(e, request.getMethod(), path);
        }
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
