package org.openmrs;

import java.io.Serializable;
import java.util.UUID;

/** Declaration of OpenMRS core 2.5.x {@code org.openmrs.BaseOpenmrsObject} (compile only; the uuid only). */
public abstract class BaseOpenmrsObject implements Serializable {

    private String uuid = UUID.randomUUID().toString();

    public String getUuid() {
        return uuid;
    }

    public void setUuid(String uuid) {
        this.uuid = uuid;
    }
}
