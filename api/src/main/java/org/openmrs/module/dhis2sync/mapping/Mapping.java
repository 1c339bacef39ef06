package org.openmrs.module.dhis2sync.mapping;

import java.util.Date;
import java.util.UUID;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Lob;
import javax.persistence.Table;
import javax.persistence.Temporal;
import javax.persistence.TemporalType;

/**
 * A stored mapping: its identity, the two programs it links (copied out of the config so they can be queried) and
 * the config itself as JSON text. A new mapping gets a random uuid.
 */
@Entity
@Table(name = "dhis2sync_mapping")
public class Mapping {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "id")
    private Long id;

    @Column(name = "uuid", nullable = false, length = 38)
    private String uuid = UUID.randomUUID().toString();

    @Column(name = "name", nullable = false, length = 100)
    private String name;

    /** The mapping's configuration, as JSON. */
    @Lob
    @Column(name = "config", nullable = false)
    private String config;

    @Column(name = "openmrs_program_uuid", length = 38)
    private String openmrsProgramUuid;

    @Column(name = "dhis2_program_uid", length = 11)
    private String dhis2ProgramUid;

    @Column(name = "retired", nullable = false)
    private boolean retired;

    /** Username of who created it. */
    @Column(name = "created_by", length = 50)
    private String createdBy;

    @Temporal(TemporalType.TIMESTAMP)
    @Column(name = "date_created", nullable = false)
    private Date dateCreated;

    /** Username of who last changed it. */
    @Column(name = "changed_by", length = 50)
    private String changedBy;

    @Temporal(TemporalType.TIMESTAMP)
    @Column(name = "date_changed")
    private Date dateChanged;

    public Long getId() {
        return id;
    }

    public void setId(Long id) {
        this.id = id;
    }

    public String getUuid() {
        return uuid;
    }

    public void setUuid(String uuid) {
        this.uuid = uuid;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getConfig() {
        return config;
    }

    public void setConfig(String config) {
        this.config = config;
    }

    public String getOpenmrsProgramUuid() {
        return openmrsProgramUuid;
    }

    public void setOpenmrsProgramUuid(String openmrsProgramUuid) {
        this.openmrsProgramUuid = openmrsProgramUuid;
    }

    public String getDhis2ProgramUid() {
        return dhis2ProgramUid;
    }

    public void setDhis2ProgramUid(String dhis2ProgramUid) {
        this.dhis2ProgramUid = dhis2ProgramUid;
    }

    public boolean isRetired() {
        return retired;
    }

    public void setRetired(boolean retired) {
        this.retired = retired;
    }

    public String getCreatedBy() {
        return createdBy;
    }

    public void setCreatedBy(String createdBy) {
        this.createdBy = createdBy;
    }

    public Date getDateCreated() {
        return dateCreated;
    }

    public void setDateCreated(Date dateCreated) {
        this.dateCreated = dateCreated;
    }

    public String getChangedBy() {
        return changedBy;
    }

    public void setChangedBy(String changedBy) {
        this.changedBy = changedBy;
    }

    public Date getDateChanged() {
        return dateChanged;
    }

    public void setDateChanged(Date dateChanged) {
        this.dateChanged = dateChanged;
    }

    @Override
    public String toString() {
        return "Mapping[uuid=" + uuid + ", name=" + name + ", retired=" + retired + "]";
    }
}
