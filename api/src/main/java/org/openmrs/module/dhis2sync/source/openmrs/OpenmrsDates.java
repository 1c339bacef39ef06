package org.openmrs.module.dhis2sync.source.openmrs;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;

/**
 * OpenMRS dates to {@code java.time}, in the server's zone (where OpenMRS reads and writes them). Goes through
 * the epoch milliseconds because Hibernate hands out {@code java.sql.Date}/{@code Timestamp}, whose
 * {@code toInstant()} is unsupported or lossy.
 */
final class OpenmrsDates {

    private OpenmrsDates() {
    }

    static LocalDate toLocalDate(Date date) {
        return date == null ? null : Instant.ofEpochMilli(date.getTime()).atZone(ZoneId.systemDefault()).toLocalDate();
    }

    static LocalDateTime toLocalDateTime(Date date) {
        return date == null ? null
                : LocalDateTime.ofInstant(Instant.ofEpochMilli(date.getTime()), ZoneId.systemDefault());
    }

    static Date startOfDay(LocalDate date) {
        return Date.from(date.atStartOfDay(ZoneId.systemDefault()).toInstant());
    }
}
