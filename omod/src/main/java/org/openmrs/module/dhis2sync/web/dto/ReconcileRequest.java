package org.openmrs.module.dhis2sync.web.dto;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Body of {@code POST mappings/{uuid}/reconcile}, {@code …/resend-differences} and {@code …/resend-from}: why, and
 * for the last the date ({@code 2026-01-31}, or a moment) to resend from.
 */
public final class ReconcileRequest {

    private final String comment;
    private final String from;

    @JsonCreator
    public ReconcileRequest(@JsonProperty("comment") String comment, @JsonProperty("from") String from) {
        this.comment = comment;
        this.from = from;
    }

    public String getComment() {
        return comment;
    }

    public String getFrom() {
        return from;
    }
}
