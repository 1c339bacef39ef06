package org.openmrs.module.dhis2sync.sync;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;

import org.openmrs.module.dhis2sync.tracking.SyncCategory;

/**
 * One record a run would send, as preview shows it: its decision, the DHIS2 UID when known, and the values it
 * maps to (DHIS2 attribute or data element UID → value); or why it cannot be sent; and warnings about what it loses.
 */
public final class PendingRecord {

    private final SyncCategory category;
    private final String openmrsUuid;
    private final Decision decision;
    private final String dhis2Uid;
    private final String status;
    private final Map<String, String> values;
    private final String error;
    private final List<String> warnings;

    public PendingRecord(SyncCategory category, String openmrsUuid, Decision decision, String dhis2Uid, String status,
            Map<String, String> values, String error) {
        this(category, openmrsUuid, decision, dhis2Uid, status, values, error, Collections.<String>emptyList());
    }

    /** @param warnings what the record loses as sent (e.g. one of several values of a concept), one line each */
    public PendingRecord(SyncCategory category, String openmrsUuid, Decision decision, String dhis2Uid, String status,
            Map<String, String> values, String error, List<String> warnings) {
        this.category = category;
        this.openmrsUuid = openmrsUuid;
        this.decision = decision;
        this.dhis2Uid = dhis2Uid;
        this.status = status;
        this.values = values == null ? Collections.<String, String>emptyMap()
                : Collections.unmodifiableMap(new LinkedHashMap<>(values));
        this.error = error;
        this.warnings = warnings == null ? Collections.<String>emptyList()
                : Collections.unmodifiableList(new ArrayList<>(warnings));
    }

    public SyncCategory getCategory() {
        return category;
    }

    public String getOpenmrsUuid() {
        return openmrsUuid;
    }

    /** Null when the record cannot be sent (see {@link #getError()}). */
    public Decision getDecision() {
        return decision;
    }

    /** The UID known from the trackers (UPDATE), else null. */
    public String getDhis2Uid() {
        return dhis2Uid;
    }

    /** The enrollment's or event's status to send, else null. */
    public String getStatus() {
        return status;
    }

    public Map<String, String> getValues() {
        return values;
    }

    public String getError() {
        return error;
    }

    public List<String> getWarnings() {
        return warnings;
    }
}
