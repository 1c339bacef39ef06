package org.openmrs;

/**
 * Declaration of OpenMRS core 2.5.x {@code org.openmrs.Program} (compile only): the module reads its uuid/name.
 */
public class Program extends BaseChangeableOpenmrsMetadata {

    public Program() {
    }
}
