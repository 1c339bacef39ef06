package org.openmrs;

/** Declaration of OpenMRS core 2.5.x {@code org.openmrs.User} (compile only): a plain data holder. */
public class User extends BaseOpenmrsObject {

    private String systemId;
    private String username;

    public String getSystemId() {
        return systemId;
    }

    public void setSystemId(String systemId) {
        this.systemId = systemId;
    }

    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username;
    }
}
