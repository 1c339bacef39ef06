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

/** The DHIS2 enrollment UID given to an OpenMRS patient program, with what DHIS2 was last told about it. */
@Entity
@Table(name = "dhis2sync_enrollment_tracker")
public class EnrollmentTracker {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "id")
    private Long id;

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

    /** False while the UID is assigned by the module but DHIS2 has not yet confirmed it holds the record. */
    @Column(name = "confirmed", nullable = false)
    private boolean confirmed;

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

    public boolean isConfirmed() {
        return confirmed;
    }

    public void setConfirmed(boolean confirmed) {
        this.confirmed = confirmed;
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
        return "EnrollmentTracker[patientProgramUuid=" + patientProgramUuid + ", enrollmentUid=" + enrollmentUid
                + ", status=" + status + ", confirmed=" + confirmed + "]";
    }
}
