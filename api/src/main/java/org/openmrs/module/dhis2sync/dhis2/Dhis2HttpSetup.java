package org.openmrs.module.dhis2sync.dhis2;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.concurrent.TimeUnit;

import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.util.Timeout;

/**
 * The httpclient5 (classic) client of a {@link Dhis2Connection}: its connect and read timeouts, its retries
 * ({@link Dhis2RetryStrategy}), no redirects followed, no cookies; and the Authorization header its requests carry.
 */
final class Dhis2HttpSetup {

    private Dhis2HttpSetup() {
    }

    static CloseableHttpClient client(Dhis2Connection connection) {
        Timeout connect = Timeout.ofMilliseconds(connection.getConnectTimeout().toMillis());
        Timeout read = Timeout.ofMilliseconds(connection.getReadTimeout().toMillis());
        PoolingHttpClientConnectionManager pool = PoolingHttpClientConnectionManagerBuilder.create()
                .setDefaultConnectionConfig(ConnectionConfig.custom().setConnectTimeout(connect).setSocketTimeout(read)
                        .setValidateAfterInactivity(2, TimeUnit.SECONDS).build())
                .build();
        return HttpClients.custom()
                .setConnectionManager(pool)
                .setDefaultRequestConfig(RequestConfig.custom().setConnectionRequestTimeout(connect)
                        .setResponseTimeout(read).build())
                .setRetryStrategy(new Dhis2RetryStrategy(connection.getMaxRetries(), connection.getRetryBackoff()))
                // a redirect from /api means the login page (or a wrong URL): report it, do not follow it
                .disableRedirectHandling()
                .disableCookieManagement()
                .build();
    }

    /** A personal access token in DHIS2's "ApiToken" scheme, else the user and password in "Basic". */
    static String authorization(Dhis2Connection connection) {
        return connection.usesToken() ? "ApiToken " + connection.getApiToken()
                : "Basic " + Base64.getEncoder().encodeToString(
                        (connection.getUsername() + ":" + connection.getPassword()).getBytes(StandardCharsets.UTF_8));
    }
}
