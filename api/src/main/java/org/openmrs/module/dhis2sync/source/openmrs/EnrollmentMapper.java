package org.openmrs.module.dhis2sync.source.openmrs;

import org.openmrs.PatientProgram;
import org.openmrs.module.dhis2sync.source.EnrollmentRecord;

/**
 * Translates an OpenMRS {@link PatientProgram} into an {@link EnrollmentRecord}; the enrollment of a voided patient
 * (e.g. the non-preferred patient of a merge, whose enrollments OpenMRS copies but leaves unvoided) is voided.
 */
final class EnrollmentMapper {

    private EnrollmentMapper() {
    }

    static EnrollmentRecord map(PatientProgram patientProgram) {
        return new EnrollmentRecord(patientProgram.getUuid(),
                patientProgram.getPatient() == null ? null : patientProgram.getPatient().getUuid(),
                patientProgram.getProgram() == null ? null : patientProgram.getProgram().getUuid(),
                OpenmrsDates.toLocalDate(patientProgram.getDateEnrolled()),
                OpenmrsDates.toLocalDate(patientProgram.getDateCompleted()),
                patientProgram.getLocation() == null ? null : patientProgram.getLocation().getUuid(),
                Boolean.TRUE.equals(patientProgram.getVoided()) || (patientProgram.getPatient() != null
                        && Boolean.TRUE.equals(patientProgram.getPatient().getVoided())));
    }
}
