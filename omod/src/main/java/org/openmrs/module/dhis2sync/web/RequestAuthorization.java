package org.openmrs.module.dhis2sync.web;

/** Who is asking, as the web layer needs to know before it calls the service. */
public interface RequestAuthorization {

    boolean isAuthenticated();

    boolean hasPrivilege(String privilege);

    /** The logged-in user's username (or system id); null when not logged in. */
    String username();
}
