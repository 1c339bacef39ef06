package org.openmrs;

import java.util.Date;

/**
 * Declaration of OpenMRS core 2.5.x {@code org.openmrs.PatientProgram} (compile only). The real class also
 * implements {@code Customizable<PatientProgramAttribute>}, which the module does not use.
 */
public class PatientProgram extends BaseChangeableOpenmrsData {

    private Patient patient;
    private Program program;
    private Location location;
    private Date dateEnrolled;
    private Date dateCompleted;

    public PatientProgram() {
    }

    public Patient getPatient() {
        return patient;
    }

    public void setPatient(Patient patient) {
        this.patient = patient;
    }

    public Program getProgram() {
        return program;
    }

    public void setProgram(Program program) {
        this.program = program;
    }

    public Location getLocation() {
        return location;
    }

    public void setLocation(Location location) {
        this.location = location;
    }

    public Date getDateEnrolled() {
        return dateEnrolled;
    }

    public void setDateEnrolled(Date dateEnrolled) {
        this.dateEnrolled = dateEnrolled;
    }

    public Date getDateCompleted() {
        return dateCompleted;
    }

    public void setDateCompleted(Date dateCompleted) {
        this.dateCompleted = dateCompleted;
    }
}
