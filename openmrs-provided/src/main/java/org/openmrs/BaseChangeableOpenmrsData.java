package org.openmrs;

/** Declaration of OpenMRS core 2.5.x {@code org.openmrs.BaseChangeableOpenmrsData} (compile only). */
public abstract class BaseChangeableOpenmrsData extends BaseOpenmrsData {
}
