package org.openmrs.module.dhis2sync.dhis2;

/** Event statuses; both API generations use these names. */
public enum EventStatus {
    ACTIVE, COMPLETED, VISITED, SCHEDULE, OVERDUE, SKIPPED
}
