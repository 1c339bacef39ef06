package org.openmrs.module.dhis2sync.web.dto;

import org.openmrs.module.dhis2sync.sync.RunProgress;
import org.openmrs.module.dhis2sync.tracking.SyncCategory;
import org.openmrs.module.dhis2sync.tracking.SyncLog;

/** One run's log row, as the Logs screen shows it. */
public final class LogBody {

    private final Long id;
    private final String runId;
    private final String kind;
    private final String mappingUuid;
    private final String mappingName;
    private final String syncedBy;
    private final String comments;
    private final String status;
    private final String statusInfo;
    private final String details;
    private final String startDate;
    private final String endDate;
    private final int patientsCreated;
    private final int patientsUpdated;
    private final int enrollmentsCreated;
    private final int enrollmentsUpdated;
    private final int eventsCreated;
    private final int eventsUpdated;
    private final int failedCount;
    private final int ambiguousCount;

    private LogBody(SyncLog row, RunProgress progress) {
        this.id = row.getId();
        this.runId = row.getRunId();
        this.kind = row.getKind();
        this.mappingUuid = row.getMappingUuid();
        this.mappingName = row.getMappingName();
        this.syncedBy = row.getSyncedBy();
        this.comments = row.getComments();
        this.status = row.getStatus() == null ? null : row.getStatus().name();
        this.statusInfo = row.getStatusInfo();
        this.details = row.getDetails();
        this.startDate = Iso.moment(row.getStartDate());
        this.endDate = Iso.moment(row.getEndDate());
        if (progress == null) {
            this.patientsCreated = row.getPatientsCreated();
            this.patientsUpdated = row.getPatientsUpdated();
            this.enrollmentsCreated = row.getEnrollmentsCreated();
            this.enrollmentsUpdated = row.getEnrollmentsUpdated();
            this.eventsCreated = row.getEventsCreated();
            this.eventsUpdated = row.getEventsUpdated();
            this.failedCount = row.getFailedCount();
            this.ambiguousCount = row.getAmbiguousCount();
        } else {
            this.patientsCreated = progress.get(SyncCategory.INSTANCE).getCreated();
            this.patientsUpdated = progress.get(SyncCategory.INSTANCE).getUpdated();
            this.enrollmentsCreated = progress.get(SyncCategory.ENROLLMENT).getCreated();
            this.enrollmentsUpdated = progress.get(SyncCategory.ENROLLMENT).getUpdated();
            this.eventsCreated = progress.get(SyncCategory.EVENT).getCreated();
            this.eventsUpdated = progress.get(SyncCategory.EVENT).getUpdated();
            this.failedCount = progress.getFailed();
            this.ambiguousCount = progress.getAmbiguous();
        }
    }

    public static LogBody of(SyncLog row) {
        return new LogBody(row, null);
    }

    /** A run going now: its log row with the counts it has so far (the row's own are written when it ends). */
    public static LogBody of(SyncLog row, RunProgress progress) {
        return new LogBody(row, progress);
    }

    public Long getId() {
        return id;
    }

    /** SYNC, RECONCILE, RESEND (the differences a reconcile found) or RESEND_FROM_DATE. */
    public String getKind() {
        return kind;
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

    public String getSyncedBy() {
        return syncedBy;
    }

    public String getComments() {
        return comments;
    }

    public String getStatus() {
        return status;
    }

    public String getStatusInfo() {
        return statusInfo;
    }

    public String getDetails() {
        return details;
    }

    public String getStartDate() {
        return startDate;
    }

    public String getEndDate() {
        return endDate;
    }

    public int getPatientsCreated() {
        return patientsCreated;
    }

    public int getPatientsUpdated() {
        return patientsUpdated;
    }

    public int getEnrollmentsCreated() {
        return enrollmentsCreated;
    }

    public int getEnrollmentsUpdated() {
        return enrollmentsUpdated;
    }

    public int getEventsCreated() {
        return eventsCreated;
    }

    public int getEventsUpdated() {
        return eventsUpdated;
    }

    public int getFailedCount() {
        return failedCount;
    }

    public int getAmbiguousCount() {
        return ambiguousCount;
    }
}
