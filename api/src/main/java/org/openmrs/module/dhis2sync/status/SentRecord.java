package org.openmrs.module.dhis2sync.status;

import java.time.LocalDateTime;
import java.util.Date;

import org.openmrs.module.dhis2sync.tracking.SyncCategory;

/**
 * One OpenMRS record of a patient and what the module's tracker tables know of it in DHIS2: its UID, whether DHIS2
 * confirmed it, when it was first sent and last confirmed, and (enrollments) the status sent.
 */
public final class SentRecord {

    private final SyncCategory category;
    private final String openmrsUuid;
    private final String dhis2Uid;
    private final String programStageUid;
    private final String status;
    private final LocalDateTime date;
    private final boolean confirmed;
    private final Date firstSent;
    private final Date lastConfirmed;
    private final String captureUrl;

    /**
     * @param dhis2Uid null when the record was never sent (nothing tracked)
     * @param date the enrollment date or the encounter's moment
     */
    public SentRecord(SyncCategory category, String openmrsUuid, String dhis2Uid, String programStageUid,
            String status, LocalDateTime date, boolean confirmed, Date firstSent, Date lastConfirmed,
            String captureUrl) {
        this.category = category;
        this.openmrsUuid = openmrsUuid;
        this.dhis2Uid = dhis2Uid;
        this.programStageUid = programStageUid;
        this.status = status;
        this.date = date;
        this.confirmed = confirmed;
        this.firstSent = firstSent;
        this.lastConfirmed = lastConfirmed;
        this.captureUrl = captureUrl;
    }

    public SyncCategory getCategory() {
        return category;
    }

    public String getOpenmrsUuid() {
        return openmrsUuid;
    }

    public String getDhis2Uid() {
        return dhis2Uid;
    }

    /** Events only: the stage the encounter was sent to. */
    public String getProgramStageUid() {
        return programStageUid;
    }

    /** Enrollments: ACTIVE, COMPLETED or CANCELLED as last sent; events: null. */
    public String getStatus() {
        return status;
    }

    public LocalDateTime getDate() {
        return date;
    }

    /** False while the UID is assigned but DHIS2 has not yet accepted the record. */
    public boolean isConfirmed() {
        return confirmed;
    }

    public Date getFirstSent() {
        return firstSent;
    }

    /** When DHIS2 last accepted it (the tracker row's change date), or null. */
    public Date getLastConfirmed() {
        return lastConfirmed;
    }

    public String getCaptureUrl() {
        return captureUrl;
    }
}
