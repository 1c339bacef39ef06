package org.openmrs.module.dhis2sync.tracking;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Table;

/** The DHIS2 tracked entity (instance) UID given to an OpenMRS patient. */
@Entity
@Table(name = "dhis2sync_instance_tracker")
public class InstanceTracker extends TrackerRow {

    @Column(name = "patient_uuid", nullable = false, length = 38)
    private String patientUuid;

    @Column(name = "instance_uid", nullable = false, length = 11)
    private String instanceUid;

    /**
     * True when the module created the tracked entity (no match in DHIS2 by the searchable attributes), false when
     * it was found there (registered elsewhere) or tracked before this was recorded: only a created one may ever be
     * deleted by the module.
     */
    @Column(name = "created_by_module", nullable = false)
    private boolean createdByModule;

    public boolean isCreatedByModule() {
        return createdByModule;
    }

    public void setCreatedByModule(boolean createdByModule) {
        this.createdByModule = createdByModule;
    }

    public String getPatientUuid() {
        return patientUuid;
    }

    public void setPatientUuid(String patientUuid) {
        this.patientUuid = patientUuid;
    }

    public String getInstanceUid() {
        return instanceUid;
    }

    public void setInstanceUid(String instanceUid) {
        this.instanceUid = instanceUid;
    }

    @Override
    public String toString() {
        return "InstanceTracker[patientUuid=" + patientUuid + ", instanceUid=" + instanceUid
                + ", confirmed=" + isConfirmed() + "]";
    }
}
