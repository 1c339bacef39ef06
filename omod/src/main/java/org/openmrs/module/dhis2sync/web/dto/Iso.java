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

    /** A date (yyyy-MM-dd), or null. */
    static String date(java.time.LocalDate date) {
        return date == null ? null : date.toString();
    }

    /** A local moment of OpenMRS (an encounter's), without zone: yyyy-MM-ddTHH:mm:ss, or null. */
    static String local(java.time.LocalDateTime moment) {
        return moment == null ? null : moment.withNano(0).toString();
    }
}
