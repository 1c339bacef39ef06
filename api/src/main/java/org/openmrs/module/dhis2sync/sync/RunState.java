package org.openmrs.module.dhis2sync.sync;

import java.util.Date;

import org.openmrs.module.dhis2sync.tracking.SyncStatus;

/** A run as its progress request sees it: identity, outcome so far, counts. */
public final class RunState {

    private final String runId;
    private final String mappingUuid;
    private final String mappingName;
    private final SyncStatus status;
    private final Date startDate;
    private final Date endDate;
    private final RunProgress progress;
    private final java.util.List<String> errors;
    private final String statusInfo;

    public RunState(String runId, String mappingUuid, String mappingName, SyncStatus status, Date startDate,
            Date endDate, RunProgress progress, java.util.List<String> errors, String statusInfo) {
        this.runId = runId;
        this.mappingUuid = mappingUuid;
        this.mappingName = mappingName;
        this.status = status;
        this.startDate = startDate;
        this.endDate = endDate;
        this.progress = progress;
        this.errors = errors;
        this.statusInfo = statusInfo;
    }

    public String getRunId() {
        return runId;
    }

    public String getMappingUuid() {
        return mappingUuid;
    }

    public String getMappingName() {
        return mappingName;
    }

    public SyncStatus getStatus() {
        return status;
    }

    public Date getStartDate() {
        return startDate;
    }

    public Date getEndDate() {
        return endDate;
    }

    public RunProgress getProgress() {
        return progress;
    }

    public java.util.List<String> getErrors() {
        return errors;
    }

    public String getStatusInfo() {
        return statusInfo;
    }
}
