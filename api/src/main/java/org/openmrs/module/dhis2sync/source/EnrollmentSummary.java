package org.openmrs.module.dhis2sync.source;

import java.time.LocalDate;
import java.util.Objects;

/** A program enrollment as a person names it: whose, in which program, from when. */
public final class EnrollmentSummary {

    private final String uuid;
    private final String patientUuid;
    private final String programUuid;
    private final String programName;
    private final LocalDate dateEnrolled;
    private final LocalDate dateCompleted;
    private final String locationUuid;
    private final boolean voided;

    public EnrollmentSummary(String uuid, String patientUuid, String programUuid, String programName,
            LocalDate dateEnrolled, LocalDate dateCompleted, String locationUuid, boolean voided) {
        this.uuid = Objects.requireNonNull(uuid, "uuid");
        this.patientUuid = patientUuid;
        this.programUuid = programUuid;
        this.programName = programName;
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

    public String getProgramName() {
        return programName;
    }

    public LocalDate getDateEnrolled() {
        return dateEnrolled;
    }

    /** Null while active. */
    public LocalDate getDateCompleted() {
        return dateCompleted;
    }

    /** The enrollment's location, or null. */
    public String getLocationUuid() {
        return locationUuid;
    }

    public boolean isVoided() {
        return voided;
    }
}
