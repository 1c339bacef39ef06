package org.openmrs;

/** Declaration of OpenMRS core 2.5.x {@code org.openmrs.BaseChangeableOpenmrsMetadata} (compile only). */
public abstract class BaseChangeableOpenmrsMetadata extends BaseOpenmrsMetadata {
}
