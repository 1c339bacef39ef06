package org.openmrs.module.dhis2sync.tracking;

import java.util.Date;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.EnumType;
import javax.persistence.Enumerated;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Table;
import javax.persistence.Temporal;
import javax.persistence.TemporalType;

/**
 * A DHIS2 object the module sent whose OpenMRS record was voided (or merged into another patient): its tracker row
 * is gone, so the record is new again should OpenMRS unvoid it, and this row keeps asking DHIS2 to delete the object
 * until DHIS2 confirms (deleted, or never had it).
 */
@Entity
@Table(name = "dhis2sync_pending_deletion")
public class PendingDeletion {

    /** What kind of DHIS2 object the UID names. */
    public enum ObjectKind {
        EVENT,
        ENROLLMENT,
        TRACKED_ENTITY
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "id")
    private Long id;

    @Column(name = "mapping_uuid", nullable = false, length = 38)
    private String mappingUuid;

    @Enumerated(EnumType.STRING)
    @Column(name = "object_type", nullable = false, length = 20)
    private ObjectKind objectKind;

    @Column(name = "dhis2_uid", nullable = false, length = 11)
    private String dhis2Uid;

    /** The category a failure to delete is kept under, with {@link #openmrsUuid}. */
    @Enumerated(EnumType.STRING)
    @Column(name = "category", nullable = false, length = 20)
    private SyncCategory category;

    /** The OpenMRS record (encounter, patient program, patient) the object was sent for. */
    @Column(name = "openmrs_uuid", nullable = false, length = 38)
    private String openmrsUuid;

    /** The program stage of an event (its failure is keyed by encounter and stage); null for other objects. */
    @Column(name = "program_stage_uid", length = 11)
    private String programStageUid;

    /**
     * True for an event withdrawn with its enrollment or patient while its encounter stands: once the event is
     * deleted, the encounter is offered to the events step again (it may now belong to another enrollment).
     */
    @Column(name = "resend", nullable = false)
    private boolean resend;

    /** True once DHIS2 confirmed the deletion and only the re-send is left. */
    @Column(name = "deleted", nullable = false)
    private boolean deleted;

    @Temporal(TemporalType.TIMESTAMP)
    @Column(name = "date_created", nullable = false)
    private Date dateCreated;

    public PendingDeletion() {
    }

    public PendingDeletion(String mappingUuid, ObjectKind objectKind, String dhis2Uid, SyncCategory category,
            String openmrsUuid, String programStageUid, boolean resend, Date dateCreated) {
        this.mappingUuid = mappingUuid;
        this.objectKind = objectKind;
        this.dhis2Uid = dhis2Uid;
        this.category = category;
        this.openmrsUuid = openmrsUuid;
        this.programStageUid = programStageUid;
        this.resend = resend;
        this.dateCreated = dateCreated;
    }

    public Long getId() {
        return id;
    }

    public String getMappingUuid() {
        return mappingUuid;
    }

    public ObjectKind getObjectKind() {
        return objectKind;
    }

    public String getDhis2Uid() {
        return dhis2Uid;
    }

    public SyncCategory getCategory() {
        return category;
    }

    public String getOpenmrsUuid() {
        return openmrsUuid;
    }

    public String getProgramStageUid() {
        return programStageUid;
    }

    /** The failure a refused deletion is kept under: the event of one stage, or the patient's tracked entity. */
    public FailureKey failureKey() {
        return programStageUid == null ? FailureKey.of(category, openmrsUuid)
                : FailureKey.event(openmrsUuid, programStageUid);
    }

    public boolean isResend() {
        return resend;
    }

    /** Its encounter is to be offered to the events step again once DHIS2 confirmed the deletion. */
    public void setResend(boolean resend) {
        this.resend = resend;
    }

    public boolean isDeleted() {
        return deleted;
    }

    public void setDeleted(boolean deleted) {
        this.deleted = deleted;
    }

    public Date getDateCreated() {
        return dateCreated;
    }

    @Override
    public String toString() {
        return "PendingDeletion[" + objectKind + " " + dhis2Uid + " of " + category + " " + openmrsUuid
                + (deleted ? ", deleted" : "") + (resend ? ", resend" : "") + "]";
    }
}
