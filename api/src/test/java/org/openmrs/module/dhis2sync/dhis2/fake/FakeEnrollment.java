package org.openmrs.module.dhis2sync.dhis2.fake;

import java.time.LocalDateTime;

/** An enrollment as the fake DHIS2 holds it. {@code status} is ACTIVE, COMPLETED or CANCELLED. */
public record FakeEnrollment(String uid, String trackedEntity, String program, String orgUnit, String status,
        LocalDateTime enrolledAt, LocalDateTime occurredAt, LocalDateTime completedAt) {

    public static FakeEnrollment active(String uid, String trackedEntity, String program, String orgUnit,
            LocalDateTime enrolledAt) {
        return new FakeEnrollment(uid, trackedEntity, program, orgUnit, "ACTIVE", enrolledAt, enrolledAt, null);
    }
}
