package org.openmrs;

/** Declaration of OpenMRS core 2.5.x {@code org.openmrs.BaseOpenmrsData} (compile only; the voided flag only). */
public abstract class BaseOpenmrsData extends BaseOpenmrsObject {

    private Boolean voided = Boolean.FALSE;

    public Boolean isVoided() {
        return voided;
    }

    public Boolean getVoided() {
        return voided;
    }

    public void setVoided(Boolean voided) {
        this.voided = voided;
    }
}
