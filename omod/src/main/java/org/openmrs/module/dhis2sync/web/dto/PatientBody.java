package org.openmrs.module.dhis2sync.web.dto;

import org.openmrs.module.dhis2sync.source.PatientSummary;

/** A patient as the page names it: name and preferred identifier (with its type), the uuid beside. */
public final class PatientBody {

    private final String uuid;
    private final String name;
    private final String identifier;
    private final String identifierType;
    private final String gender;
    private final String birthdate;

    private PatientBody(PatientSummary patient) {
        this.uuid = patient.getUuid();
        this.name = patient.getName();
        this.identifier = patient.getIdentifier();
        this.identifierType = patient.getIdentifierType();
        this.gender = patient.getGender();
        this.birthdate = Iso.date(patient.getBirthdate());
    }

    public static PatientBody of(PatientSummary patient) {
        return patient == null ? null : new PatientBody(patient);
    }

    public String getUuid() {
        return uuid;
    }

    public String getName() {
        return name;
    }

    public String getIdentifier() {
        return identifier;
    }

    public String getIdentifierType() {
        return identifierType;
    }

    public String getGender() {
        return gender;
    }

    public String getBirthdate() {
        return birthdate;
    }
}
