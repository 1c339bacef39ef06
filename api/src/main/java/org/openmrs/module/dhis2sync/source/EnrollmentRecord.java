package org.openmrs.module.dhis2sync.source;

import java.time.LocalDate;

/**
 * A patient's enrollment in an OpenMRS program (a {@code PatientProgram}), translated at the edge. It is voided when
 * the patient program is, or when its patient is (a voided patient's enrollments are withdrawn with it).
 */
public final class EnrollmentRecord {

    private final String uuid;
    private final String patientUuid;
    private final String programUuid;
    private final LocalDate dateEnrolled;
    private final LocalDate dateCompleted;
    private final String locationUuid;
    private final boolean voided;

    public EnrollmentRecord(String uuid, String patientUuid, String programUuid, LocalDate dateEnrolled,
            LocalDate dateCompleted, String locationUuid, boolean voided) {
        this.uuid = uuid;
        this.patientUuid = patientUuid;
        this.programUuid = programUuid;
        this.dateEnrolled = dateEnrolled;
        this.dateCompleted = dateCompleted;
        this.locationUuid = locationUuid;
        this.voided = voided;
    }

    public String getUuid() {
        return uuid;
    }

    public String getPatientUuid() {
        return patientUuid;
    }

    public String getProgramUuid() {
        return programUuid;
    }

    /** Null when OpenMRS holds none (its column allows it): such an enrollment cannot be sent. */
    public LocalDate getDateEnrolled() {
        return dateEnrolled;
    }

    /** Null while the enrollment is active. */
    public LocalDate getDateCompleted() {
        return dateCompleted;
    }

    public boolean isCompleted() {
        return dateCompleted != null;
    }

    /** The PatientProgram's location, or null. */
    public String getLocationUuid() {
        return locationUuid;
    }

    public boolean isVoided() {
        return voided;
    }

    /** Whether a moment on this date falls inside the enrollment (both ends included); never without a start date. */
    public boolean covers(LocalDate date) {
        return date != null && dateEnrolled != null && !date.isBefore(dateEnrolled) && (dateCompleted == null || !date.isAfter(dateCompleted));
    }

    @Override
    public String toString() {
        return "EnrollmentRecord[" + uuid + ", patient " + patientUuid + "]";
    }
}
