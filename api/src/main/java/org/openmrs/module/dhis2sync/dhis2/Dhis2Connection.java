package org.openmrs.module.dhis2sync.dhis2;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Objects;

/**
 * How to reach one DHIS2: base URL (the API is under {@code <url>/api}), credentials (user and password, or a
 * personal access token), which API generation to use, timeouts and retries. {@link #toString()} never shows the
 * password or the token.
 */
public final class Dhis2Connection {

    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);
    public static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(60);
    public static final int DEFAULT_MAX_RETRIES = 3;
    public static final Duration DEFAULT_RETRY_BACKOFF = Duration.ofSeconds(1);

    private final String url;
    private final String username;
    private final String password;
    private final String apiToken;
    private final ApiChoice api;
    private final Duration connectTimeout;
    private final Duration readTimeout;
    private final int maxRetries;
    private final Duration retryBackoff;

    public Dhis2Connection(String url, String username, String password, String apiToken, ApiChoice api,
            Duration connectTimeout, Duration readTimeout, int maxRetries, Duration retryBackoff) {
        this.url = normaliseUrl(url);
        boolean hasToken = apiToken != null && !apiToken.trim().isEmpty();
        boolean hasUser = username != null && !username.trim().isEmpty();
        if (hasToken && hasUser) {
            throw new IllegalArgumentException("username and apiToken: give either a user and password or a token, not both");
        }
        if (!hasToken && !hasUser) {
            throw new IllegalArgumentException("username: give a DHIS2 user and password, or a personal access token");
        }
        if (hasUser && (password == null || password.isEmpty())) {
            throw new IllegalArgumentException("password: required with username '" + username.trim() + "'");
        }
        this.username = hasUser ? username.trim() : null;
        this.password = hasUser ? password : null;
        this.apiToken = hasToken ? apiToken.trim() : null;
        this.api = api == null ? ApiChoice.AUTO : api;
        this.connectTimeout = positive(connectTimeout, DEFAULT_CONNECT_TIMEOUT, "connectTimeout");
        this.readTimeout = positive(readTimeout, DEFAULT_READ_TIMEOUT, "readTimeout");
        if (maxRetries < 0 || maxRetries > 10) {
            throw new IllegalArgumentException("maxRetries must be between 0 and 10, was " + maxRetries);
        }
        this.maxRetries = maxRetries;
        this.retryBackoff = retryBackoff == null ? DEFAULT_RETRY_BACKOFF : retryBackoff;
        if (this.retryBackoff.isNegative()) {
            throw new IllegalArgumentException("retryBackoff must not be negative, was " + retryBackoff);
        }
    }

    public static Dhis2Connection withPassword(String url, String username, String password) {
        return new Dhis2Connection(url, username, password, null, ApiChoice.AUTO, null, null, DEFAULT_MAX_RETRIES, null);
    }

    public static Dhis2Connection withToken(String url, String apiToken) {
        return new Dhis2Connection(url, null, null, apiToken, ApiChoice.AUTO, null, null, DEFAULT_MAX_RETRIES, null);
    }

    public Dhis2Connection withApi(ApiChoice choice) {
        return new Dhis2Connection(url, username, password, apiToken, choice, connectTimeout, readTimeout, maxRetries,
                retryBackoff);
    }

    public Dhis2Connection withTimeouts(Duration connect, Duration read) {
        return new Dhis2Connection(url, username, password, apiToken, api, connect, read, maxRetries, retryBackoff);
    }

    public Dhis2Connection withRetries(int retries, Duration backoff) {
        return new Dhis2Connection(url, username, password, apiToken, api, connectTimeout, readTimeout, retries, backoff);
    }

    private static String normaliseUrl(String url) {
        if (url == null || url.trim().isEmpty()) {
            throw new IllegalArgumentException("url: the DHIS2 address is required, e.g. https://dhis2.example.org");
        }
        String trimmed = url.trim();
        URI uri;
        try {
            uri = new URI(trimmed);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("url '" + trimmed + "' is not a valid address: " + e.getReason(), e);
        }
        if (uri.getScheme() == null || !(uri.getScheme().equalsIgnoreCase("http") || uri.getScheme().equalsIgnoreCase("https"))
                || uri.getHost() == null) {
            throw new IllegalArgumentException("url must be an http:// or https:// address with a host, e.g. https://dhis2.example.org");
        }
        if (uri.getUserInfo() != null) {
            throw new IllegalArgumentException("url must not contain credentials: set the username and password (or token) instead");
        }
        if (uri.getQuery() != null || uri.getFragment() != null) {
            throw new IllegalArgumentException("url must not have a query or fragment: give the DHIS2 base address");
        }
        String base = trimmed;
        while (base.endsWith("/")) {
            base = base.substring(0, base.length() - 1);
        }
        // people often paste the API address; the client adds /api itself
        if (base.endsWith("/api")) {
            base = base.substring(0, base.length() - "/api".length());
        }
        return base;
    }

    private static Duration positive(Duration value, Duration fallback, String field) {
        if (value == null) {
            return fallback;
        }
        if (value.isZero() || value.isNegative()) {
            throw new IllegalArgumentException(field + " must be positive, was " + value);
        }
        return value;
    }

    /** Base URL without a trailing slash and without {@code /api}. */
    public String getUrl() {
        return url;
    }

    public String getUsername() {
        return username;
    }

    public String getPassword() {
        return password;
    }

    public String getApiToken() {
        return apiToken;
    }

    public boolean usesToken() {
        return apiToken != null;
    }

    public ApiChoice getApi() {
        return api;
    }

    public Duration getConnectTimeout() {
        return connectTimeout;
    }

    public Duration getReadTimeout() {
        return readTimeout;
    }

    public int getMaxRetries() {
        return maxRetries;
    }

    /** Wait before the first retry; each further retry waits twice as long. */
    public Duration getRetryBackoff() {
        return retryBackoff;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof Dhis2Connection)) {
            return false;
        }
        Dhis2Connection that = (Dhis2Connection) o;
        return maxRetries == that.maxRetries && url.equals(that.url) && Objects.equals(username, that.username)
                && Objects.equals(password, that.password) && Objects.equals(apiToken, that.apiToken) && api == that.api
                && connectTimeout.equals(that.connectTimeout) && readTimeout.equals(that.readTimeout)
                && retryBackoff.equals(that.retryBackoff);
    }

    @Override
    public int hashCode() {
        return Objects.hash(url, username, api, connectTimeout, readTimeout, maxRetries, retryBackoff);
    }

    @Override
    public String toString() {
        return "Dhis2Connection{url=" + url + ", auth=" + (usesToken() ? "api token ****" : "user " + username + " / ****")
                + ", api=" + api + ", connectTimeout=" + connectTimeout + ", readTimeout=" + readTimeout + ", maxRetries="
                + maxRetries + ", retryBackoff=" + retryBackoff + "}";
    }
}
