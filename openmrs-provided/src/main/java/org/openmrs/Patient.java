package org.openmrs;

import java.util.LinkedHashSet;
import java.util.Set;

/** Declaration of OpenMRS core 2.5.x {@code org.openmrs.Patient} (compile only): its identifiers, voided included. */
public class Patient extends Person {

    private Set<PatientIdentifier> identifiers;

    public Patient() {
    }

    public Set<PatientIdentifier> getIdentifiers() {
        if (identifiers == null) {
            identifiers = new LinkedHashSet<>();
        }
        return identifiers;
    }

    public void setIdentifiers(Set<PatientIdentifier> identifiers) {
        this.identifiers = identifiers;
    }
}
