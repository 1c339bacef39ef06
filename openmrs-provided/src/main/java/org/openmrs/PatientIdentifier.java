package org.openmrs;

/** Declaration of OpenMRS core 2.5.x {@code org.openmrs.PatientIdentifier} (compile only). */
public class PatientIdentifier extends BaseChangeableOpenmrsData {

    private String identifier;
    private PatientIdentifierType identifierType;
    private Location location;
    private Boolean preferred = false;

    public PatientIdentifier() {
    }

    public PatientIdentifier(String identifier, PatientIdentifierType type, Location location) {
        this.identifier = identifier;
        this.identifierType = type;
        this.location = location;
    }

    public String getIdentifier() {
        return identifier;
    }

    public void setIdentifier(String identifier) {
        this.identifier = identifier;
    }

    public PatientIdentifierType getIdentifierType() {
        return identifierType;
    }

    public void setIdentifierType(PatientIdentifierType identifierType) {
        this.identifierType = identifierType;
    }

    public Location getLocation() {
        return location;
    }

    public void setLocation(Location location) {
        this.location = location;
    }

    public Boolean getPreferred() {
        return preferred;
    }

    public void setPreferred(Boolean preferred) {
        this.preferred = preferred;
    }
}
