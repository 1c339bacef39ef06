package org.openmrs;

/** Declaration of OpenMRS core 2.5.x {@code org.openmrs.ConceptClass} (compile only): a parameter type of a search. */
public class ConceptClass extends BaseChangeableOpenmrsMetadata {

    public ConceptClass() {
    }
}
