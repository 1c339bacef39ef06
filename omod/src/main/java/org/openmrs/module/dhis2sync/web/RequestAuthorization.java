package org.openmrs.module.dhis2sync.web;

/** Who is asking, as the web layer needs to know before it calls the service. */
public interface RequestAuthorization {

    boolean isAuthenticated();

    boolean hasPrivilege(String privilege);
}
