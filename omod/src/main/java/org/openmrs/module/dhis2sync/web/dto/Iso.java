package org.openmrs.module.dhis2sync.web.dto;

import java.time.format.DateTimeFormatter;
import java.util.Date;

/** Moments as ISO-8601 text in UTC, whatever ObjectMapper writes the reply. */
final class Iso {

    private Iso() {
    }

    static String moment(Date date) {
        return date == null ? null : DateTimeFormatter.ISO_INSTANT.format(date.toInstant());
    }
}
