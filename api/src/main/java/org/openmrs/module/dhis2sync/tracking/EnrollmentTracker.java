package org.openmrs.module.dhis2sync.tracking;

import java.util.Date;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Table;
import javax.persistence.Temporal;
import javax.persistence.TemporalType;

/** The DHIS2 enrollment UID given to an OpenMRS patient program, with what DHIS2 was last told about it. */
@Entity
@Table(name = "dhis2sync_enrollment_tracker")
public class EnrollmentTracker extends TrackerRow {

    @Column(name = "patient_program_uuid", nullable = false, length = 38)
    private String patientProgramUuid;

    @Column(name = "instance_uid", nullable = false, length = 11)
    private String instanceUid;

    @Column(name = "enrollment_uid", nullable = false, length = 11)
    private String enrollmentUid;

    @Column(name = "program_uid", nullable = false, length = 11)
    private String programUid;

    /** DHIS2's enrollment status: ACTIVE, COMPLETED or CANCELLED. */
    @Column(name = "status", nullable = false, length = 20)
    private String status;

    @Temporal(TemporalType.DATE)
    @Column(name = "enrollment_date")
    private Date enrollmentDate;

    public String getPatientProgramUuid() {
        return patientProgramUuid;
    }

    public void setPatientProgramUuid(String patientProgramUuid) {
        this.patientProgramUuid = patientProgramUuid;
    }

    public String getInstanceUid() {
        return instanceUid;
    }

    public void setInstanceUid(String instanceUid) {
        this.instanceUid = instanceUid;
    }

    public String getEnrollmentUid() {
        return enrollmentUid;
    }

    public void setEnrollmentUid(String enrollmentUid) {
        this.enrollmentUid = enrollmentUid;
    }

    public String getProgramUid() {
        return programUid;
    }

    public void setProgramUid(String programUid) {
        this.programUid = programUid;
    }

    public String getStatus() {
        return status;
    }

    public void setStatus(String status) {
        this.status = status;
    }

    public Date getEnrollmentDate() {
        return enrollmentDate;
    }

    public void setEnrollmentDate(Date enrollmentDate) {
        this.enrollmentDate = enrollmentDate;
    }

    @Override
    public String toString() {
        return "EnrollmentTracker[patientProgramUuid=" + patientProgramUuid + ", enrollmentUid=" + enrollmentUid
                + ", status=" + status + ", confirmed=" + isConfirmed() + "]";
    }
}
