package org.openmrs.module.dhis2sync.api.openmrs;

import org.openmrs.User;
import org.openmrs.api.context.Context;
import org.openmrs.module.dhis2sync.api.CurrentUser;

/** The user of the OpenMRS session on this thread. */
public class OpenmrsCurrentUser implements CurrentUser {

    @Override
    public String name() {
        User user = Context.getAuthenticatedUser();
        if (user == null) {
            return "daemon";
        }
        String username = user.getUsername();
        return username == null || username.isEmpty() ? user.getSystemId() : username;
    }

    @Override
    public boolean hasPrivilege(String privilege) {
        return Context.hasPrivilege(privilege);
    }
}
