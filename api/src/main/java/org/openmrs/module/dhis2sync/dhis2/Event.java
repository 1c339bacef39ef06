package org.openmrs.module.dhis2sync.dhis2;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/** An event of a program stage; {@code enrollmentUid} and {@code trackedEntityUid} may be empty when the event is nested in its enrollment. */
public final class Event {

    private final String uid;
    private final String enrollmentUid;
    private final String trackedEntityUid;
    private final String programUid;
    private final String programStageUid;
    private final String orgUnit;
    private final EventStatus status;
    private final LocalDate occurredAt;
    private final List<DataValue> dataValues;

    public Event(String uid, String enrollmentUid, String trackedEntityUid, String programUid, String programStageUid, String orgUnit, EventStatus status, LocalDate occurredAt, List<DataValue> dataValues) {
        this.uid = Objects.requireNonNull(uid, "uid");
        this.enrollmentUid = enrollmentUid;
        this.trackedEntityUid = trackedEntityUid;
        this.programUid = programUid;
        this.programStageUid = programStageUid;
        this.orgUnit = orgUnit;
        this.status = status;
        this.occurredAt = occurredAt;
        this.dataValues = dataValues == null ? Collections.<DataValue>emptyList() : Collections.unmodifiableList(new ArrayList<>(dataValues));
    }

    public String getUid() {
        return uid;
    }

    public String getEnrollmentUid() {
        return enrollmentUid;
    }

    public String getTrackedEntityUid() {
        return trackedEntityUid;
    }

    public String getProgramUid() {
        return programUid;
    }

    public String getProgramStageUid() {
        return programStageUid;
    }

    public String getOrgUnit() {
        return orgUnit;
    }

    public EventStatus getStatus() {
        return status;
    }

    public LocalDate getOccurredAt() {
        return occurredAt;
    }

    public List<DataValue> getDataValues() {
        return dataValues;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof Event)) {
            return false;
        }
        Event that = (Event) o;
        return Objects.equals(uid, that.uid) && Objects.equals(enrollmentUid, that.enrollmentUid) && Objects.equals(trackedEntityUid, that.trackedEntityUid) && Objects.equals(programUid, that.programUid) && Objects.equals(programStageUid, that.programStageUid) && Objects.equals(orgUnit, that.orgUnit) && Objects.equals(status, that.status) && Objects.equals(occurredAt, that.occurredAt) && Objects.equals(dataValues, that.dataValues);
    }

    @Override
    public int hashCode() {
        return Objects.hash(uid, enrollmentUid, trackedEntityUid, programUid, programStageUid, orgUnit, status, occurredAt, dataValues);
    }

    @Override
    public String toString() {
        return "Event{uid=" + uid + ", enrollmentUid=" + enrollmentUid + ", trackedEntityUid=" + trackedEntityUid + ", programUid=" + programUid + ", programStageUid=" + programStageUid + ", orgUnit=" + orgUnit + ", status=" + status + ", occurredAt=" + occurredAt + ", dataValues=" + dataValues + "}";
    }
}
