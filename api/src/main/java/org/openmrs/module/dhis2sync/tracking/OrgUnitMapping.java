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

/** Which DHIS2 org unit an OpenMRS location is; one table for the installation, shared by all mappings. */
@Entity
@Table(name = "dhis2sync_org_unit_mapping")
public class OrgUnitMapping {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "id")
    private Long id;

    @Column(name = "location_uuid", nullable = false, length = 38)
    private String locationUuid;

    @Column(name = "org_unit_uid", nullable = false, length = 11)
    private String orgUnitUid;

    @Temporal(TemporalType.TIMESTAMP)
    @Column(name = "date_created", nullable = false)
    private Date dateCreated;

    @Temporal(TemporalType.TIMESTAMP)
    @Column(name = "date_changed")
    private Date dateChanged;

    public Long getId() {
        return id;
    }

    public void setId(Long id) {
        this.id = id;
    }

    public String getLocationUuid() {
        return locationUuid;
    }

    public void setLocationUuid(String locationUuid) {
        this.locationUuid = locationUuid;
    }

    public String getOrgUnitUid() {
        return orgUnitUid;
    }

    public void setOrgUnitUid(String orgUnitUid) {
        this.orgUnitUid = orgUnitUid;
    }

    public Date getDateCreated() {
        return dateCreated;
    }

    public void setDateCreated(Date dateCreated) {
        this.dateCreated = dateCreated;
    }

    public Date getDateChanged() {
        return dateChanged;
    }

    public void setDateChanged(Date dateChanged) {
        this.dateChanged = dateChanged;
    }

    @Override
    public String toString() {
        return "OrgUnitMapping[locationUuid=" + locationUuid + ", orgUnitUid=" + orgUnitUid + "]";
    }
}
