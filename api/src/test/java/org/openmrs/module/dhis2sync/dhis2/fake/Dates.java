package org.openmrs.module.dhis2sync.dhis2.fake;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/** DHIS2 writes every date as {@code 2024-04-01T00:00:00.000}; it reads dates with or without a time part. */
final class Dates {

    static final DateTimeFormatter DHIS2 = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS");

    private Dates() {
    }

    static String now() {
        return LocalDateTime.now(ZoneOffset.UTC).format(DHIS2);
    }

    static String format(LocalDateTime t) {
        return t == null ? null : t.format(DHIS2);
    }

    static LocalDateTime toLocal(String dhis2) {
        return dhis2 == null ? null : LocalDateTime.parse(dhis2, DHIS2);
    }

    /** The DHIS2 form of a client date, or null when it is not a date. */
    static String normalize(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String t = text.trim();
        try {
            if (t.length() == 10) {
                return LocalDate.parse(t).atStartOfDay().format(DHIS2);
            }
            if (t.endsWith("Z") || t.matches(".*[+-]\\d\\d:?\\d\\d$")) {
                return OffsetDateTime.parse(t).withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime().format(DHIS2);
            }
            return LocalDateTime.parse(t).format(DHIS2);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    static String today() {
        return LocalDate.now(ZoneOffset.UTC).atStartOfDay().format(DHIS2);
    }
}
