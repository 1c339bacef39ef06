package org.openmrs.module;

import java.io.Serializable;

/** Declaration of OpenMRS core 2.5.x {@code org.openmrs.module.DaemonToken} (compile only; a value as in core). */
public class DaemonToken implements Serializable {

    private static final long serialVersionUID = 1L;

    private final String id;

    public DaemonToken(String id) {
        this.id = id;
    }

    public String getId() {
        return id;
    }
}
