package org.openmrs.module.dhis2sync.dhis2;

import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Locale;

import javax.net.ssl.SSLException;

import org.apache.hc.client5.http.ConnectTimeoutException;
import org.openmrs.module.dhis2sync.dhis2.Dhis2UnavailableException.Reason;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Every way a DHIS2 can fail a request, translated into a {@link Dhis2UnavailableException} whose message says what
 * to check: a connection that failed, a reply of the wrong status, a reply that is not DHIS2's JSON. Messages name
 * the request by its path only (query values can be patients' identifiers) and quote the reply only as a short
 * sanitised excerpt.
 */
final class Dhis2HttpFailures {

    private final Dhis2Connection connection;
    private final ObjectMapper mapper;

    Dhis2HttpFailures(Dhis2Connection connection, ObjectMapper mapper) {
        this.connection = connection;
        this.mapper = mapper;
    }

    /** The reply's JSON; a failure when it is an HTML page (the login page, another server's), empty or not JSON. */
    JsonNode json(Dhis2Reply reply, String method, String path) {
        if (reply.isHtml()) {
            if (reply.looksLikeLogin()) {
                throw loginPage(reply, method, path);
            }
            throw new Dhis2UnavailableException(Reason.MALFORMED_REPLY, reply.status, where(method, path)
                    + " answered with an HTML page (" + reply.extract(mapper) + ") instead of JSON: check that the URL"
                    + " is the DHIS2 server's address");
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
                    + " answered HTTP " + reply.status + " with something that is not JSON (" + reply.extract(mapper)
                    + "): check that the URL is the DHIS2 server's address");
        }
    }

    /** A request that got no reply (after the retries, if any). */
    Dhis2UnavailableException connection(IOException e, String method, String path) {
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

    /** A reply whose status the request does not accept. */
    Dhis2UnavailableException reply(Dhis2Reply reply, String method, String path) {
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
            return new Dhis2UnavailableException(Reason.AUTHENTICATION, status, where + " (" + reply.extract(mapper)
                    + "): check the DHIS2 user and password or token"
                    + (status == 403 ? ", and that the user has the authorities for tracker data and metadata" : ""));
        }
        if (reply.isDhis2NotFound()) {
            // DHIS2's own JSON 404: the API exists, the object asked for does not
            return new Dhis2UnavailableException(Reason.NOT_FOUND, status, where + ": " + reply.extract(mapper));
        }
        if (status == 404) {
            return new Dhis2UnavailableException(Reason.NOT_FOUND, status, where + ": no such API on this DHIS2: check the "
                    + "URL and the API setting (the deprecated API (legacy) is gone from DHIS2 2.42; use auto or tracker)");
        }
        if (reply.isHtml() && reply.looksLikeLogin()) {
            return loginPage(reply, method, path);
        }
        if (status == 429 || status >= 500) {
            String retries = connection.getMaxRetries() > 0 ? " after " + connection.getMaxRetries() + " retries" : "";
            return new Dhis2UnavailableException(Reason.SERVER_ERROR, status, where + retries + " ("
                    + reply.extract(mapper) + "): DHIS2 is failing or overloaded; check its logs and try again later");
        }
        return new Dhis2UnavailableException(Reason.REJECTED, status, where + ", refusing the whole request: "
                + reply.extract(mapper));
    }

    private Dhis2UnavailableException loginPage(Dhis2Reply reply, String method, String path) {
        return new Dhis2UnavailableException(Reason.LOGIN_PAGE, reply.status, where(method, path)
                + " answered with the DHIS2 login page instead of JSON: DHIS2 did not accept the credentials; check the "
                + "DHIS2 user and password or token");
    }

    private String where(String method, String path) {
        // the path only: query values can be patients' identifiers
        return "DHIS2 at " + connection.getUrl() + ": " + method + " " + path;
    }

    private static String stripQuery(String location) {
        int q = location.indexOf('?');
        return q < 0 ? location : location.substring(0, q);
    }

    private static String seconds(Duration duration) {
        long millis = duration.toMillis();
        return millis % 1000 == 0 ? (millis / 1000) + " s" : millis + " ms";
    }
}
