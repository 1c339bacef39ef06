package org.openmrs;

/** Declaration of OpenMRS core 2.5.x {@code org.openmrs.BaseOpenmrsMetadata} (compile only; name, description and retired). */
public abstract class BaseOpenmrsMetadata extends BaseOpenmrsObject {

    private String name;

    private String description;

    private Boolean retired = Boolean.FALSE;

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }

    public Boolean getRetired() {
        return retired;
    }

    public void setRetired(Boolean retired) {
        this.retired = retired;
    }
}
