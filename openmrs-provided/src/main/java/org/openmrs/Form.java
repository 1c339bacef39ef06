package org.openmrs;

/**
 * Declaration of OpenMRS core 2.5.x {@code org.openmrs.Form} (compile only): the module reads its uuid/name.
 */
public class Form extends BaseChangeableOpenmrsMetadata {

    public Form() {
    }
}
