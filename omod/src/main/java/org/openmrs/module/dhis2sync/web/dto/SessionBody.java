package org.openmrs.module.dhis2sync.web.dto;

import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * Reply of {@code GET session}: who is logged in, which of the module's privileges they hold, and the OpenMRS
 * privileges some screens also need (patient names need "Get Patients"), so that the page offers only what works.
 */
public final class SessionBody {

    private final String user;
    private final List<String> privileges;
    private final Map<String, Boolean> openmrsPrivileges;

    public SessionBody(String user, List<String> privileges, Map<String, Boolean> openmrsPrivileges) {
        this.user = user;
        this.privileges = Collections.unmodifiableList(privileges);
        this.openmrsPrivileges = Collections.unmodifiableMap(openmrsPrivileges);
    }

    public String getUser() {
        return user;
    }

    public List<String> getPrivileges() {
        return privileges;
    }

    public Map<String, Boolean> getOpenmrsPrivileges() {
        return openmrsPrivileges;
    }
}
