package org.openmrs;

import java.util.Date;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Declaration of OpenMRS core 2.5.x {@code org.openmrs.Person} (compile only): the registration data the module
 * reads. The sets hold voided entries too, as in OpenMRS; the module selects the non-voided ones itself.
 */
public class Person extends BaseChangeableOpenmrsData {

    private String gender;
    private Date birthdate;
    private Boolean birthdateEstimated = false;
    private Set<PersonName> names;
    private Set<PersonAddress> addresses;
    private Set<PersonAttribute> attributes;

    public Person() {
    }

    public String getGender() {
        return gender;
    }

    public void setGender(String gender) {
        this.gender = gender;
    }

    public Date getBirthdate() {
        return birthdate;
    }

    public void setBirthdate(Date birthdate) {
        this.birthdate = birthdate;
    }

    public Boolean getBirthdateEstimated() {
        return birthdateEstimated;
    }

    public void setBirthdateEstimated(Boolean birthdateEstimated) {
        this.birthdateEstimated = birthdateEstimated;
    }

    public Set<PersonName> getNames() {
        if (names == null) {
            names = new LinkedHashSet<>();
        }
        return names;
    }

    public void setNames(Set<PersonName> names) {
        this.names = names;
    }

    public Set<PersonAddress> getAddresses() {
        if (addresses == null) {
            addresses = new LinkedHashSet<>();
        }
        return addresses;
    }

    public void setAddresses(Set<PersonAddress> addresses) {
        this.addresses = addresses;
    }

    public Set<PersonAttribute> getAttributes() {
        if (attributes == null) {
            attributes = new LinkedHashSet<>();
        }
        return attributes;
    }

    public void setAttributes(Set<PersonAttribute> attributes) {
        this.attributes = attributes;
    }
}
