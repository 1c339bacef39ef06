package org.openmrs;

/**
 * Declaration of OpenMRS core 2.5.x {@code org.openmrs.PatientIdentifierType} (compile only): the module reads its uuid/name.
 */
public class PatientIdentifierType extends BaseChangeableOpenmrsMetadata {

    public PatientIdentifierType() {
    }
}
