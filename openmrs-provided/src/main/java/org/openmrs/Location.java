package org.openmrs;

/**
 * Declaration of OpenMRS core 2.5.x {@code org.openmrs.Location} (compile only): the module reads its uuid/name.
 * The real class extends {@code BaseCustomizableMetadata<LocationAttribute>}, itself a
 * {@code BaseChangeableOpenmrsMetadata}; the module calls nothing of that level, so it is left out.
 */
public class Location extends BaseChangeableOpenmrsMetadata {

    public Location() {
    }
}
