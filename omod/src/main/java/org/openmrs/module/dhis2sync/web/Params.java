package org.openmrs.module.dhis2sync.web;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Date;
import java.util.regex.Pattern;

/** Checks of request parameters and path variables, each refusal naming the parameter. */
final class Params {

    static final int DEFAULT_PAGE_SIZE = 50;
    static final int MAX_PAGE_SIZE = 500;
    /** So that (page - 1) * pageSize, the first row asked for, fits in an int. */
    static final int MAX_PAGE = Integer.MAX_VALUE / MAX_PAGE_SIZE;

    /** OpenMRS uuids: 36 characters in practice, up to 38 in the schema; letters, digits and dashes. */
    private static final Pattern UUID = Pattern.compile("[A-Za-z0-9-]{1,38}");

    private Params() {
    }

    static int page(Integer page) {
        if (page == null) {
            return 1;
        }
        if (page < 1 || page > MAX_PAGE) {
            throw WebException.badRequest("page", "must be from 1 to " + MAX_PAGE + ", was " + page);
        }
        return page;
    }

    static int pageSize(Integer pageSize) {
        if (pageSize == null) {
            return DEFAULT_PAGE_SIZE;
        }
        if (pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
            throw WebException.badRequest("pageSize", "must be from 1 to " + MAX_PAGE_SIZE + ", was " + pageSize);
        }
        return pageSize;
    }

    /** @return the uuid, or null when absent or blank */
    static String optionalUuid(String field, String value) {
        if (value == null || value.trim().isEmpty()) {
            return null;
        }
        return uuid(field, value);
    }

    static String uuid(String field, String value) {
        String trimmed = value == null ? "" : value.trim();
        if (!UUID.matcher(trimmed).matches()) {
            throw WebException.badRequest(field, "'" + shorten(trimmed) + "' is not an OpenMRS uuid");
        }
        return trimmed;
    }

    /** A moment ({@code 2026-11-22T10:15:30Z}) or a day ({@code 2026-11-22}, from its start in server time). */
    static Date moment(String field, String value) {
        if (value == null || value.trim().isEmpty()) {
            return null;
        }
        String text = value.trim();
        try {
            if (text.length() == 10) {
                return Date.from(LocalDate.parse(text).atStartOfDay(ZoneId.systemDefault()).toInstant());
            }
            return Date.from(OffsetDateTime.parse(text).toInstant());
        } catch (DateTimeParseException e) {
            throw WebException.badRequest(field, "'" + shorten(text) + "' is not an ISO-8601 date (2026-11-22) or"
                    + " moment (2026-11-22T10:15:30Z)");
        }
    }

    static String blankToNull(String value) {
        return value == null || value.trim().isEmpty() ? null : value.trim();
    }

    static String shorten(String value) {
        return value.length() > 60 ? value.substring(0, 60) + "..." : value;
    }
}
