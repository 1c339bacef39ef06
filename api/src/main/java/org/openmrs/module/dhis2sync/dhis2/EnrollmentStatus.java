package org.openmrs.module.dhis2sync.dhis2;

/** Enrollment statuses; both API generations use these names. */
public enum EnrollmentStatus {
    ACTIVE, COMPLETED, CANCELLED
}
