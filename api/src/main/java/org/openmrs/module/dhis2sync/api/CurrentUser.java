package org.openmrs.module.dhis2sync.api;

/** Who is asking: the name written into audit columns and the run log, and what they may do. */
public interface CurrentUser {

    /** The username (or system id) of the authenticated user; "daemon" for background work. */
    String name();

    /** Whether the user holds that privilege (OpenMRS's own, e.g. "Get Patients", or the module's). */
    boolean hasPrivilege(String privilege);
}
