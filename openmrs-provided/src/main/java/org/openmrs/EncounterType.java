package org.openmrs;

/**
 * Declaration of OpenMRS core 2.5.x {@code org.openmrs.EncounterType} (compile only): the module reads its uuid/name.
 */
public class EncounterType extends BaseChangeableOpenmrsMetadata {

    public EncounterType() {
    }
}
