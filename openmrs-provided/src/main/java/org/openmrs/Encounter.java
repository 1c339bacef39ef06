package org.openmrs;

import java.util.Date;
import java.util.Set;

/** Declaration of OpenMRS core 2.5.x {@code org.openmrs.Encounter} (compile only). */
public class Encounter extends BaseChangeableOpenmrsData {

    private Date encounterDatetime;
    private Patient patient;
    private Location location;
    private Form form;
    private EncounterType encounterType;
    private Set<Obs> obs;

    public Encounter() {
    }

    public Date getEncounterDatetime() {
        return encounterDatetime;
    }

    public void setEncounterDatetime(Date encounterDatetime) {
        this.encounterDatetime = encounterDatetime;
    }

    public EncounterType getEncounterType() {
        return encounterType;
    }

    public void setEncounterType(EncounterType encounterType) {
        this.encounterType = encounterType;
    }

    public Location getLocation() {
        return location;
    }

    public void setLocation(Location location) {
        this.location = location;
    }

    public Patient getPatient() {
        return patient;
    }

    public void setPatient(Patient patient) {
        this.patient = patient;
    }

    public Form getForm() {
        return form;
    }

    public void setForm(Form form) {
        this.form = form;
    }

    /**
     * Every obs of the encounter, group members and voided obs included (OpenMRS's {@code obs} set as mapped).
     * The declaration holds data only: the non-voided selection ({@code includeVoided} false) is OpenMRS
     * behaviour it does not imitate, so only {@code true} is answered.
     */
    public Set<Obs> getAllObs(boolean includeVoided) {
        if (!includeVoided) {
            throw new UnsupportedOperationException("declaration holds the raw obs set only: call getAllObs(true)");
        }
        return obs;
    }

    public void setObs(Set<Obs> obs) {
        this.obs = obs;
    }
}
