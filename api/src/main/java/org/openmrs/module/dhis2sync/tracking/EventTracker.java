package org.openmrs.module.dhis2sync.tracking;

import java.util.Date;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Table;
import javax.persistence.Temporal;
import javax.persistence.TemporalType;

/** The DHIS2 event UID given to an OpenMRS encounter for one program stage (one encounter may feed several). */
@Entity
@Table(name = "dhis2sync_event_tracker")
public class EventTracker {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "id")
    private Long id;

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

    /** False while the UID is assigned by the module but DHIS2 has not yet confirmed it holds the record. */
    @Column(name = "confirmed", nullable = false)
    private boolean confirmed;

    @Temporal(TemporalType.TIMESTAMP)
    @Column(name = "date_created", nullable = false)
    private Date dateCreated;

    @Temporal(TemporalType.TIMESTAMP)
    @Column(name = "date_changed")
    private Date dateChanged;

    public Long getId() {
        return id;
    }

    public void setId(Long id) {
        this.id = id;
    }

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

    public boolean isConfirmed() {
        return confirmed;
    }

    public void setConfirmed(boolean confirmed) {
        this.confirmed = confirmed;
    }

    public Date getDateCreated() {
        return dateCreated;
    }

    public void setDateCreated(Date dateCreated) {
        this.dateCreated = dateCreated;
    }

    public Date getDateChanged() {
        return dateChanged;
    }

    public void setDateChanged(Date dateChanged) {
        this.dateChanged = dateChanged;
    }

    @Override
    public String toString() {
        return "EventTracker[encounterUuid=" + encounterUuid + ", programStageUid=" + programStageUid
                + ", eventUid=" + eventUid + ", confirmed=" + confirmed + "]";
    }
}
