package org.openmrs;

/** Declaration of OpenMRS core 2.5.x {@code org.openmrs.PersonName} (compile only). */
public class PersonName extends BaseChangeableOpenmrsData {

    private Boolean preferred = false;
    private String givenName;
    private String middleName;
    private String familyName;

    public PersonName() {
    }

    public PersonName(String givenName, String middleName, String familyName) {
        this.givenName = givenName;
        this.middleName = middleName;
        this.familyName = familyName;
    }

    public Boolean getPreferred() {
        return preferred;
    }

    public void setPreferred(Boolean preferred) {
        this.preferred = preferred;
    }

    public String getGivenName() {
        return givenName;
    }

    public void setGivenName(String givenName) {
        this.givenName = givenName;
    }

    public String getMiddleName() {
        return middleName;
    }

    public void setMiddleName(String middleName) {
        this.middleName = middleName;
    }

    public String getFamilyName() {
        return familyName;
    }

    public void setFamilyName(String familyName) {
        this.familyName = familyName;
    }
}
