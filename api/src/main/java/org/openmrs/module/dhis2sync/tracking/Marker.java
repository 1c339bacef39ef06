package org.openmrs.module.dhis2sync.tracking;

import java.util.Date;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.EnumType;
import javax.persistence.Enumerated;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Table;
import javax.persistence.Temporal;
import javax.persistence.TemporalType;

/**
 * Up to when a mapping has synced one category of records: the next run reads what changed since. Stored at the
 * database's DATETIME precision (whole seconds on MySQL/MariaDB).
 */
@Entity
@Table(name = "dhis2sync_marker")
public class Marker {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "id")
    private Long id;

    @Column(name = "mapping_uuid", nullable = false, length = 38)
    private String mappingUuid;

    @Enumerated(EnumType.STRING)
    @Column(name = "category", nullable = false, length = 20)
    private SyncCategory category;

    @Temporal(TemporalType.TIMESTAMP)
    @Column(name = "last_synced_date")
    private Date lastSyncedDate;

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

    public SyncCategory getCategory() {
        return category;
    }

    public void setCategory(SyncCategory category) {
        this.category = category;
    }

    public Date getLastSyncedDate() {
        return lastSyncedDate;
    }

    public void setLastSyncedDate(Date lastSyncedDate) {
        this.lastSyncedDate = lastSyncedDate;
    }

    @Override
    public String toString() {
        return "Marker[mappingUuid=" + mappingUuid + ", category=" + category + ", lastSyncedDate=" + lastSyncedDate
                + "]";
    }
}
