package org.openmrs.module.dhis2sync.dhis2;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collections;

import javax.net.ssl.SSLException;

import org.apache.hc.client5.http.impl.DefaultHttpRequestRetryStrategy;
import org.apache.hc.core5.http.HttpRequest;
import org.apache.hc.core5.http.HttpResponse;
import org.apache.hc.core5.http.protocol.HttpContext;
import org.apache.hc.core5.util.TimeValue;

/**
 * httpclient5's retry machinery set for DHIS2: connection failures, 5xx and 429 are retried a bounded number of
 * times with exponential backoff. POSTs are retried too: every object carries a UID assigned by the module, so a
 * repeated import updates instead of duplicating. Timeouts, unknown hosts and TLS failures are not retried: another
 * try would fail the same way, only slower.
 */
final class Dhis2RetryStrategy extends DefaultHttpRequestRetryStrategy {

    private static final long MAX_WAIT_MILLIS = 60_000;

    private final int maxRetries;
    private final long backoffMillis;

    Dhis2RetryStrategy(int maxRetries, Duration backoff) {
        super(maxRetries, TimeValue.ofMilliseconds(backoff.toMillis()),
                Arrays.asList(InterruptedIOException.class, UnknownHostException.class, SSLException.class),
                Collections.<Integer>emptyList());
        this.maxRetries = maxRetries;
        this.backoffMillis = backoff.toMillis();
    }

    @Override
    public boolean retryRequest(HttpResponse response, int execCount, HttpContext context) {
        int status = response.getCode();
        return execCount <= maxRetries && (status == 429 || status >= 500);
    }

    @Override
    public TimeValue getRetryInterval(HttpResponse response, int execCount, HttpContext context) {
        TimeValue retryAfter = super.getRetryInterval(response, execCount, context);
        // the parent answers Retry-After when DHIS2 sent one, else its fixed interval (our backoff)
        if (response.containsHeader("Retry-After")) {
            return TimeValue.ofMilliseconds(Math.min(retryAfter.toMilliseconds(), MAX_WAIT_MILLIS));
        }
        return backoff(execCount);
    }

    @Override
    public TimeValue getRetryInterval(HttpRequest request, IOException exception, int execCount, HttpContext context) {
        return backoff(execCount);
    }

    @Override
    protected boolean handleAsIdempotent(HttpRequest request) {
        return true;
    }

    TimeValue backoff(int execCount) {
        int doublings = Math.max(0, Math.min(execCount - 1, 20));
        long wait = backoffMillis << doublings;
        return TimeValue.ofMilliseconds(Math.min(wait < 0 ? MAX_WAIT_MILLIS : wait, MAX_WAIT_MILLIS));
    }
}
