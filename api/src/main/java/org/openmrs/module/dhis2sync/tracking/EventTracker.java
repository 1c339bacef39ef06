package org.openmrs.module.dhis2sync.tracking;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Table;

/** The DHIS2 event UID given to an OpenMRS encounter for one program stage (one encounter may feed several). */
@Entity
@Table(name = "dhis2sync_event_tracker")
public class EventTracker extends TrackerRow {

    @Column(name = "encounter_uuid", nullable = false, length = 38)
    private String encounterUuid;

    @Column(name = "program_stage_uid", nullable = false, length = 11)
    private String programStageUid;

    @Column(name = "instance_uid", nullable = false, length = 11)
    private String instanceUid;

    @Column(name = "enrollment_uid", nullable = false, length = 11)
    private String enrollmentUid;

    @Column(name = "event_uid", nullable = false, length = 11)
    private String eventUid;

    @Column(name = "program_uid", nullable = false, length = 11)
    private String programUid;

    public String getEncounterUuid() {
        return encounterUuid;
    }

    public void setEncounterUuid(String encounterUuid) {
        this.encounterUuid = encounterUuid;
    }

    public String getProgramStageUid() {
        return programStageUid;
    }

    public void setProgramStageUid(String programStageUid) {
        this.programStageUid = programStageUid;
    }

    public String getInstanceUid() {
        return instanceUid;
    }

    public void setInstanceUid(String instanceUid) {
        this.instanceUid = instanceUid;
    }

    public String getEnrollmentUid() {
        return enrollmentUid;
    }

    public void setEnrollmentUid(String enrollmentUid) {
        this.enrollmentUid = enrollmentUid;
    }

    public String getEventUid() {
        return eventUid;
    }

    public void setEventUid(String eventUid) {
        this.eventUid = eventUid;
    }

    public String getProgramUid() {
        return programUid;
    }

    public void setProgramUid(String programUid) {
        this.programUid = programUid;
    }

    @Override
    public String toString() {
        return "EventTracker[encounterUuid=" + encounterUuid + ", programStageUid=" + programStageUid
                + ", eventUid=" + eventUid + ", confirmed=" + isConfirmed() + "]";
    }
}
