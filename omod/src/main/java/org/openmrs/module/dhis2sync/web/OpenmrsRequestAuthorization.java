package org.openmrs.module.dhis2sync.web;

import org.openmrs.User;
import org.openmrs.api.context.Context;
import org.springframework.stereotype.Component;

/** The OpenMRS session of the request (OpenMRS binds it to the request's thread). */
@Component("dhis2syncRequestAuthorization")
public class OpenmrsRequestAuthorization implements RequestAuthorization {

    @Override
    public boolean isAuthenticated() {
        return Context.isAuthenticated();
    }

    @Override
    public boolean hasPrivilege(String privilege) {
        return Context.hasPrivilege(privilege);
    }

    @Override
    public String username() {
        User user = Context.getAuthenticatedUser();
        if (user == null) {
            return null;
        }
        return user.getUsername() == null || user.getUsername().isEmpty() ? user.getSystemId() : user.getUsername();
    }
}
