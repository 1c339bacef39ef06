package org.openmrs.module.dhis2sync.api;

/** Who is asking: the name written into audit columns and the run log. */
public interface CurrentUser {

    /** The username (or system id) of the authenticated user; "daemon" for background work. */
    String name();
}
