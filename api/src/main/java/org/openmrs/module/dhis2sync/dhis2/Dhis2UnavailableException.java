package org.openmrs.module.dhis2sync.dhis2;

/**
 * DHIS2 itself failed, or refused a whole request: the run must stop (and keep its markers). The message says what
 * to check. It never contains the password or the token. Refusals of single objects are not exceptions: they are
 * {@link ObjectResult}s with {@link Outcome#ERROR}.
 */
public class Dhis2UnavailableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Why the request failed. */
    public enum Reason {
        /** Unknown host, connection refused, connection dropped. */
        UNREACHABLE,
        /** No reply within the connect or read timeout. */
        TIMEOUT,
        /** 401 or 403. */
        AUTHENTICATION,
        /** DHIS2 answered with its login page (or a redirect to it) instead of JSON. */
        LOGIN_PAGE,
        /** 404: no such API on this DHIS2. */
        NOT_FOUND,
        /** Not JSON, or JSON of an unexpected shape. */
        MALFORMED_REPLY,
        /** 5xx or 429, after the retries. */
        SERVER_ERROR,
        /** 400 (or 409 without an import report): DHIS2 refused the whole request. */
        REJECTED
    }

    private final Reason reason;
    private final int httpStatus;

    public Dhis2UnavailableException(Reason reason, int httpStatus, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
        this.httpStatus = httpStatus;
    }

    public Dhis2UnavailableException(Reason reason, int httpStatus, String message) {
        this(reason, httpStatus, message, null);
    }

    public Reason getReason() {
        return reason;
    }

    /** The HTTP status of DHIS2's reply, or 0 when there was no reply. */
    public int getHttpStatus() {
        return httpStatus;
    }
}
