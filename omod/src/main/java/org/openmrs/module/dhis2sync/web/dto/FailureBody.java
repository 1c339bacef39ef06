package org.openmrs.module.dhis2sync.web.dto;

import org.openmrs.module.dhis2sync.names.RecordNames;
import org.openmrs.module.dhis2sync.tracking.FailedRecord;

/** A record DHIS2 refused (or that could not be sent), with DHIS2's message; retried by the next run. */
public final class FailureBody {

    private final Long id;
    private final String mappingUuid;
    private final String mappingName;
    private final String category;
    private final String openmrsUuid;
    private final String programStageUid;
    private final String dhis2Uid;
    private final String errorCode;
    private final String message;
    private final int attempts;
    private final String firstFailure;
    private final String lastFailure;
    private final RecordBody recordName;

    private FailureBody(FailedRecord record, String mappingName, RecordNames names) {
        this.id = record.getId();
        this.mappingUuid = record.getMappingUuid();
        this.mappingName = mappingName;
        this.category = record.getCategory() == null ? null : record.getCategory().name();
        this.openmrsUuid = record.getOpenmrsUuid();
        this.programStageUid = record.getProgramStageUid();
        this.dhis2Uid = record.getDhis2Uid();
        this.errorCode = record.getErrorCode();
        this.message = record.getMessage();
        this.attempts = record.getAttempts();
        this.firstFailure = Iso.moment(record.getFirstFailure());
        this.lastFailure = Iso.moment(record.getLastFailure());
        this.recordName = RecordBody.of(names, record.getCategory(), record.getOpenmrsUuid());
    }

    /** @param names the records' names, or null when the user may not read patients */
    public static FailureBody of(FailedRecord record, String mappingName, RecordNames names) {
        return new FailureBody(record, mappingName, names);
    }

    public Long getId() {
        return id;
    }

    public String getMappingUuid() {
        return mappingUuid;
    }

    public String getMappingName() {
        return mappingName;
    }

    public String getCategory() {
        return category;
    }

    public String getOpenmrsUuid() {
        return openmrsUuid;
    }

    /** The stage of a failed event (one encounter feeds one event per stage); null for other categories. */
    public String getProgramStageUid() {
        return programStageUid;
    }

    public String getDhis2Uid() {
        return dhis2Uid;
    }

    public String getErrorCode() {
        return errorCode;
    }

    public String getMessage() {
        return message;
    }

    public int getAttempts() {
        return attempts;
    }

    public String getFirstFailure() {
        return firstFailure;
    }

    public String getLastFailure() {
        return lastFailure;
    }

    /** What the record is (its patient's name and identifier, its program or encounter type, its date). */
    @com.fasterxml.jackson.annotation.JsonProperty("record")
    public RecordBody getRecordName() {
        return recordName;
    }
}
