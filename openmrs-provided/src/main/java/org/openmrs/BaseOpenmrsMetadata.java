package org.openmrs;

/** Declaration of OpenMRS core 2.5.x {@code org.openmrs.BaseOpenmrsMetadata} (compile only; the name only). */
public abstract class BaseOpenmrsMetadata extends BaseOpenmrsObject {

    private String name;

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }
}
