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

/** One sync run of a mapping: who started it, when, how it ended and what it sent. */
@Entity
@Table(name = "dhis2sync_log")
public class SyncLog {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "id")
    private Long id;

    @Column(name = "mapping_uuid", nullable = false, length = 38)
    private String mappingUuid;

    @Column(name = "mapping_name", nullable = false, length = 100)
    private String mappingName;

    /** The username who started the run, or the scheduler. */
    @Column(name = "synced_by", length = 50)
    private String syncedBy;

    @Column(name = "comments", length = 1000)
    private String comments;

    /** SYNC, or RECONCILE, RESEND, RESEND_FROM_DATE ({@code RunRequest#getKind}); null on rows older than it. */
    @Column(name = "kind", length = 30)
    private String kind;

    @Column(name = "run_id", nullable = false, length = 38)
    private String runId;

    @Temporal(TemporalType.TIMESTAMP)
    @Column(name = "start_date", nullable = false)
    private Date startDate;

    @Temporal(TemporalType.TIMESTAMP)
    @Column(name = "end_date")
    private Date endDate;

    @Enumerated(EnumType.STRING)
    @Column(name = "status", nullable = false, length = 20)
    private SyncStatus status;

    @Column(name = "patients_created", nullable = false)
    private int patientsCreated;

    @Column(name = "patients_updated", nullable = false)
    private int patientsUpdated;

    @Column(name = "enrollments_created", nullable = false)
    private int enrollmentsCreated;

    @Column(name = "enrollments_updated", nullable = false)
    private int enrollmentsUpdated;

    @Column(name = "events_created", nullable = false)
    private int eventsCreated;

    @Column(name = "events_updated", nullable = false)
    private int eventsUpdated;

    /** Records DHIS2 rejected in this run. */
    @Column(name = "failed_count", nullable = false)
    private int failedCount;

    /** Patients for whom DHIS2 holds several matching tracked entities; listed in {@link #getDetails()}. */
    @Column(name = "ambiguous_count", nullable = false)
    private int ambiguousCount;

    /** DHIS2's message, or a summary of the outcome. */
    @Lob
    @Column(name = "status_info")
    private String statusInfo;

    /** Longer detail, e.g. the ambiguous patients. */
    @Lob
    @Column(name = "details")
    private String details;

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

    public String getMappingName() {
        return mappingName;
    }

    public void setMappingName(String mappingName) {
        this.mappingName = mappingName;
    }

    public String getSyncedBy() {
        return syncedBy;
    }

    public void setSyncedBy(String syncedBy) {
        this.syncedBy = syncedBy;
    }

    public String getComments() {
        return comments;
    }

    public void setComments(String comments) {
        this.comments = comments;
    }

    /** SYNC (also for rows logged before kinds existed), RECONCILE, RESEND or RESEND_FROM_DATE. */
    public String getKind() {
        return kind == null ? "SYNC" : kind;
    }

    public void setKind(String kind) {
        this.kind = kind;
    }

    public String getRunId() {
        return runId;
    }

    public void setRunId(String runId) {
        this.runId = runId;
    }

    public Date getStartDate() {
        return startDate;
    }

    public void setStartDate(Date startDate) {
        this.startDate = startDate;
    }

    public Date getEndDate() {
        return endDate;
    }

    public void setEndDate(Date endDate) {
        this.endDate = endDate;
    }

    public SyncStatus getStatus() {
        return status;
    }

    public void setStatus(SyncStatus status) {
        this.status = status;
    }

    public int getPatientsCreated() {
        return patientsCreated;
    }

    public void setPatientsCreated(int patientsCreated) {
        this.patientsCreated = patientsCreated;
    }

    public int getPatientsUpdated() {
        return patientsUpdated;
    }

    public void setPatientsUpdated(int patientsUpdated) {
        this.patientsUpdated = patientsUpdated;
    }

    public int getEnrollmentsCreated() {
        return enrollmentsCreated;
    }

    public void setEnrollmentsCreated(int enrollmentsCreated) {
        this.enrollmentsCreated = enrollmentsCreated;
    }

    public int getEnrollmentsUpdated() {
        return enrollmentsUpdated;
    }

    public void setEnrollmentsUpdated(int enrollmentsUpdated) {
        this.enrollmentsUpdated = enrollmentsUpdated;
    }

    public int getEventsCreated() {
        return eventsCreated;
    }

    public void setEventsCreated(int eventsCreated) {
        this.eventsCreated = eventsCreated;
    }

    public int getEventsUpdated() {
        return eventsUpdated;
    }

    public void setEventsUpdated(int eventsUpdated) {
        this.eventsUpdated = eventsUpdated;
    }

    public int getFailedCount() {
        return failedCount;
    }

    public void setFailedCount(int failedCount) {
        this.failedCount = failedCount;
    }

    public int getAmbiguousCount() {
        return ambiguousCount;
    }

    public void setAmbiguousCount(int ambiguousCount) {
        this.ambiguousCount = ambiguousCount;
    }

    public String getStatusInfo() {
        return statusInfo;
    }

    public void setStatusInfo(String statusInfo) {
        this.statusInfo = statusInfo;
    }

    public String getDetails() {
        return details;
    }

    public void setDetails(String details) {
        this.details = details;
    }

    /** Everything this run created or updated in DHIS2. */
    public int getRecordsSynced() {
        return patientsCreated + patientsUpdated + enrollmentsCreated + enrollmentsUpdated + eventsCreated
                + eventsUpdated;
    }

    @Override
    public String toString() {
        return "SyncLog[id=" + id + ", runId=" + runId + ", mappingName=" + mappingName + ", status=" + status + "]";
    }
}
