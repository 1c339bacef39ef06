package org.openmrs.module.dhis2sync.web.dto;

import org.openmrs.module.dhis2sync.names.RecordNames;
import org.openmrs.module.dhis2sync.status.SentRecord;

/** One record of a patient and what was sent of it: UID, status, when first sent and last confirmed, Capture link. */
public final class SentBody {

    private final String category;
    private final String openmrsUuid;
    private final String dhis2Uid;
    private final String programStageUid;
    private final String status;
    private final String date;
    private final boolean confirmed;
    private final String firstSent;
    private final String lastConfirmed;
    private final String captureUrl;
    private final RecordBody record;

    private SentBody(SentRecord sent, RecordNames names) {
        this.category = sent.getCategory().name();
        this.openmrsUuid = sent.getOpenmrsUuid();
        this.dhis2Uid = sent.getDhis2Uid();
        this.programStageUid = sent.getProgramStageUid();
        this.status = sent.getStatus();
        this.date = Iso.local(sent.getDate());
        this.confirmed = sent.isConfirmed();
        this.firstSent = Iso.moment(sent.getFirstSent());
        this.lastConfirmed = Iso.moment(sent.getLastConfirmed());
        this.captureUrl = sent.getCaptureUrl();
        this.record = RecordBody.of(names, sent.getCategory(), sent.getOpenmrsUuid());
    }

    public static SentBody of(SentRecord sent, RecordNames names) {
        return sent == null ? null : new SentBody(sent, names);
    }

    public String getCategory() {
        return category;
    }

    public String getOpenmrsUuid() {
        return openmrsUuid;
    }

    public String getDhis2Uid() {
        return dhis2Uid;
    }

    public String getProgramStageUid() {
        return programStageUid;
    }

    public String getStatus() {
        return status;
    }

    public String getDate() {
        return date;
    }

    public boolean isConfirmed() {
        return confirmed;
    }

    public String getFirstSent() {
        return firstSent;
    }

    public String getLastConfirmed() {
        return lastConfirmed;
    }

    public String getCaptureUrl() {
        return captureUrl;
    }

    public RecordBody getRecord() {
        return record;
    }
}
