package org.openmrs.module.dhis2sync.tracking;

import java.util.Date;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Table;
import javax.persistence.Temporal;
import javax.persistence.TemporalType;

/**
 * The run currently holding a mapping: at most one row per mapping. A holder that stops sending heartbeats (a crash,
 * a restart) loses the lock to the next run once its heartbeat is stale. Written through {@link RunLockDao} only.
 */
@Entity
@Table(name = "dhis2sync_run_lock")
public class RunLock {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "id")
    private Long id;

    @Column(name = "mapping_uuid", nullable = false, length = 38)
    private String mappingUuid;

    @Column(name = "run_id", nullable = false, length = 38)
    private String runId;

    /** Who started the run, e.g. the user or "scheduler", and on which server. */
    @Column(name = "owner", nullable = false, length = 100)
    private String owner;

    @Temporal(TemporalType.TIMESTAMP)
    @Column(name = "started_at", nullable = false)
    private Date startedAt;

    @Temporal(TemporalType.TIMESTAMP)
    @Column(name = "heartbeat_at", nullable = false)
    private Date heartbeatAt;

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

    public String getRunId() {
        return runId;
    }

    public void setRunId(String runId) {
        this.runId = runId;
    }

    public String getOwner() {
        return owner;
    }

    public void setOwner(String owner) {
        this.owner = owner;
    }

    public Date getStartedAt() {
        return startedAt;
    }

    public void setStartedAt(Date startedAt) {
        this.startedAt = startedAt;
    }

    public Date getHeartbeatAt() {
        return heartbeatAt;
    }

    public void setHeartbeatAt(Date heartbeatAt) {
        this.heartbeatAt = heartbeatAt;
    }

    @Override
    public String toString() {
        return "RunLock[mappingUuid=" + mappingUuid + ", runId=" + runId + ", owner=" + owner + ", heartbeatAt="
                + heartbeatAt + "]";
    }
}
