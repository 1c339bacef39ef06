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
 * The run currently holding a mapping: at most one row per mapping. The row names the server and the server
 * instance (one start of the module) whose run holds it: a restarted server frees the rows of its previous
 * instances at once, since nothing of them can be running; a holder of another server that stops sending
 * heartbeats (a crash) loses the lock to the next run once its heartbeat is stale. Written through
 * {@link RunLockDao} only. Rows written before the instance columns existed have neither: they count as another
 * server's.
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

    /** The server the run is on, stable across its restarts (OpenMRS's host and application data directory). */
    @Column(name = "server_name", length = 255)
    private String serverName;

    /** The start of the module on that server whose run holds the lock; new at every start. */
    @Column(name = "instance_id", length = 38)
    private String instanceId;

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

    public String getServerName() {
        return serverName;
    }

    public void setServerName(String serverName) {
        this.serverName = serverName;
    }

    public String getInstanceId() {
        return instanceId;
    }

    public void setInstanceId(String instanceId) {
        this.instanceId = instanceId;
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
        return "RunLock[mappingUuid=" + mappingUuid + ", runId=" + runId + ", owner=" + owner + ", serverName=" + serverName
                + ", instanceId=" + instanceId + ", heartbeatAt="
                + heartbeatAt + "]";
    }
}
