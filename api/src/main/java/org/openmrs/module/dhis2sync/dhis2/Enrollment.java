package org.openmrs.module.dhis2sync.dhis2;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/** An enrollment of a tracked entity in a program, with the events sent or read with it. */
public final class Enrollment {

    private final String uid;
    private final String trackedEntityUid;
    private final String programUid;
    private final String orgUnit;
    private final EnrollmentStatus status;
    private final LocalDate enrolledAt;
    private final LocalDate occurredAt;
    private final LocalDate completedAt;
    private final List<Event> events;

    public Enrollment(String uid, String trackedEntityUid, String programUid, String orgUnit, EnrollmentStatus status, LocalDate enrolledAt, LocalDate occurredAt, LocalDate completedAt, List<Event> events) {
        this.uid = Objects.requireNonNull(uid, "uid");
        this.trackedEntityUid = trackedEntityUid;
        this.programUid = programUid;
        this.orgUnit = orgUnit;
        this.status = status;
        this.enrolledAt = enrolledAt;
        this.occurredAt = occurredAt;
        this.completedAt = completedAt;
        this.events = events == null ? Collections.<Event>emptyList() : Collections.unmodifiableList(new ArrayList<>(events));
    }

    public String getUid() {
        return uid;
    }

    public String getTrackedEntityUid() {
        return trackedEntityUid;
    }

    public String getProgramUid() {
        return programUid;
    }

    public String getOrgUnit() {
        return orgUnit;
    }

    public EnrollmentStatus getStatus() {
        return status;
    }

    public LocalDate getEnrolledAt() {
        return enrolledAt;
    }

    public LocalDate getOccurredAt() {
        return occurredAt;
    }

    public LocalDate getCompletedAt() {
        return completedAt;
    }

    public List<Event> getEvents() {
        return events;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof Enrollment)) {
            return false;
        }
        Enrollment that = (Enrollment) o;
        return Objects.equals(uid, that.uid) && Objects.equals(trackedEntityUid, that.trackedEntityUid) && Objects.equals(programUid, that.programUid) && Objects.equals(orgUnit, that.orgUnit) && Objects.equals(status, that.status) && Objects.equals(enrolledAt, that.enrolledAt) && Objects.equals(occurredAt, that.occurredAt) && Objects.equals(completedAt, that.completedAt) && Objects.equals(events, that.events);
    }

    @Override
    public int hashCode() {
        return Objects.hash(uid, trackedEntityUid, programUid, orgUnit, status, enrolledAt, occurredAt, completedAt, events);
    }

    @Override
    public String toString() {
        return "Enrollment{uid=" + uid + ", trackedEntityUid=" + trackedEntityUid + ", programUid=" + programUid + ", orgUnit=" + orgUnit + ", status=" + status + ", enrolledAt=" + enrolledAt + ", occurredAt=" + occurredAt + ", completedAt=" + completedAt + ", events=" + events + "}";
    }
}
