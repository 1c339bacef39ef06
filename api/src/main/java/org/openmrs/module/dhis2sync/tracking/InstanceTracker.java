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
