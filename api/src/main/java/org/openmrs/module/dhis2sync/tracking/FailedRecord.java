package org.openmrs.module.dhis2sync.tracking;

import java.util.Date;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.EnumType;
import javax.persistence.Enumerated;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Lob;
import javax.persistence.Table;
import javax.persistence.Temporal;
import javax.persistence.TemporalType;

/** A record DHIS2 rejected, with DHIS2's message; the next run of the mapping retries it. */
@Entity
@Table(name = "dhis2sync_failed_record")
public class FailedRecord {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "id")
    private Long id;

    @Column(name = "mapping_uuid", nullable = false, length = 38)
    private String mappingUuid;

    @Enumerated(EnumType.STRING)
    @Column(name = "category", nullable = false, length = 20)
    private SyncCategory category;

    /** The patient, patient program or encounter uuid, depending on the category. */
    @Column(name = "openmrs_uuid", nullable = false, length = 38)
    private String openmrsUuid;

    /**
     * The program stage of an event ("" for tracked entities and enrollments, so that the key (mapping, category,
     * OpenMRS uuid, stage) stays unique on every database): one encounter's events fail or go through stage by stage.
     */
    @Column(name = "program_stage_uid", nullable = false, length = 11)
    private String programStageUid = "";

    /** The UID the record was sent with, if it had one. */
    @Column(name = "dhis2_uid", length = 11)
    private String dhis2Uid;

    /** DHIS2's error code, e.g. E1064, or an HTTP status. */
    @Column(name = "error_code", length = 20)
    private String errorCode;

    @Lob
    @Column(name = "message")
    private String message;

    @Column(name = "attempts", nullable = false)
    private int attempts;

    @Temporal(TemporalType.TIMESTAMP)
    @Column(name = "first_failure", nullable = false)
    private Date firstFailure;

    @Temporal(TemporalType.TIMESTAMP)
    @Column(name = "last_failure", nullable = false)
    private Date lastFailure;

    public FailedRecord() {
    }

    /** The failure row of one DHIS2 object of the mapping, before its first attempt is recorded. */
    public FailedRecord(String mappingUuid, FailureKey key) {
        this.mappingUuid = mappingUuid;
        this.category = key.getCategory();
        this.openmrsUuid = key.getOpenmrsUuid();
        setProgramStageUid(key.getProgramStageUid());
    }

    /**
     * One more failed attempt at the DHIS2 object (its first, or a retry refused again): counted and dated, with the
     * UID it was sent with and DHIS2's latest word; the date of the first failure stays.
     */
    public void recordAttempt(String dhis2Uid, String errorCode, String message, Date now) {
        if (firstFailure == null) {
            firstFailure = now;
        }
        this.dhis2Uid = dhis2Uid;
        this.errorCode = errorCode;
        this.message = message;
        attempts++;
        lastFailure = now;
    }

    public Long getId() {
        return id;
    }

    public void setId(Long id) {
        this.id = id;
    }

    public String getMappingUuid() {
        return mappingUuid;
    }

    public void setMappingUuid(String mappingUuid) {
        this.mappingUuid = mappingUuid;
    }

    public SyncCategory getCategory() {
        return category;
    }

    public void setCategory(SyncCategory category) {
        this.category = category;
    }

    public String getOpenmrsUuid() {
        return openmrsUuid;
    }

    public void setOpenmrsUuid(String openmrsUuid) {
        this.openmrsUuid = openmrsUuid;
    }

    /** The event's program stage, or null for tracked entities and enrollments. */
    public String getProgramStageUid() {
        return programStageUid == null || programStageUid.isEmpty() ? null : programStageUid;
    }

    public void setProgramStageUid(String programStageUid) {
        this.programStageUid = programStageUid == null ? "" : programStageUid;
    }

    /** The DHIS2 object this failure is about. */
    public FailureKey key() {
        return category == SyncCategory.EVENT && getProgramStageUid() != null
                ? FailureKey.event(openmrsUuid, getProgramStageUid()) : FailureKey.of(category, openmrsUuid);
    }

    public String getDhis2Uid() {
        return dhis2Uid;
    }

    public void setDhis2Uid(String dhis2Uid) {
        this.dhis2Uid = dhis2Uid;
    }

    public String getErrorCode() {
        return errorCode;
    }

    public void setErrorCode(String errorCode) {
        this.errorCode = errorCode;
    }

    public String getMessage() {
        return message;
    }

    public void setMessage(String message) {
        this.message = message;
    }

    public int getAttempts() {
        return attempts;
    }

    public void setAttempts(int attempts) {
        this.attempts = attempts;
    }

    public Date getFirstFailure() {
        return firstFailure;
    }

    public void setFirstFailure(Date firstFailure) {
        this.firstFailure = firstFailure;
    }

    public Date getLastFailure() {
        return lastFailure;
    }

    public void setLastFailure(Date lastFailure) {
        this.lastFailure = lastFailure;
    }

    @Override
    public String toString() {
        return "FailedRecord[mappingUuid=" + mappingUuid + ", category=" + category + ", openmrsUuid=" + openmrsUuid
                + (getProgramStageUid() == null ? "" : ", programStageUid=" + programStageUid) + ", errorCode=" + errorCode + ", attempts=" + attempts + "]";
    }
}
