package org.openmrs.module.dhis2sync.sync;

import org.openmrs.module.dhis2sync.tracking.SyncCategory;

/** DHIS2's verdict on one pending record, from a validation-only import. */
public final class ValidationVerdict {

    private final SyncCategory category;
    private final String openmrsUuid;
    private final String dhis2Uid;
    private final boolean valid;
    private final String errorCode;
    private final String message;
    private final Decision decision;

    public ValidationVerdict(SyncCategory category, String openmrsUuid, String dhis2Uid, boolean valid,
            String errorCode, String message) {
        this(category, openmrsUuid, dhis2Uid, valid, errorCode, message, null);
    }

    /** @param decision NEW or UPDATE as the record would be sent; null when the module would not send it at all */
    public ValidationVerdict(SyncCategory category, String openmrsUuid, String dhis2Uid, boolean valid,
            String errorCode, String message, Decision decision) {
        this.decision = decision;
        this.category = category;
        this.openmrsUuid = openmrsUuid;
        this.dhis2Uid = dhis2Uid;
        this.valid = valid;
        this.errorCode = errorCode;
        this.message = message;
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

    public boolean isValid() {
        return valid;
    }

    public String getErrorCode() {
        return errorCode;
    }

    public String getMessage() {
        return message;
    }

    /** NEW or UPDATE as the record would be sent; null when the module itself would not send it. */
    public Decision getDecision() {
        return decision;
    }
}
