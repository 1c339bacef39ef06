package org.openmrs.module.dhis2sync.web;

import org.springframework.http.HttpStatus;

/** A request refused by the web layer itself, with the status and the field to report. */
public class WebException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final HttpStatus status;
    private final String field;

    public WebException(HttpStatus status, String field, String message) {
        super(message);
        this.status = status;
        this.field = field;
    }

    public static WebException badRequest(String field, String message) {
        return new WebException(HttpStatus.BAD_REQUEST, field, message);
    }

    public static WebException notFound(String message) {
        return new WebException(HttpStatus.NOT_FOUND, null, message);
    }

    public HttpStatus getStatus() {
        return status;
    }

    /** The request field at fault, or null. */
    public String getField() {
        return field;
    }
}
