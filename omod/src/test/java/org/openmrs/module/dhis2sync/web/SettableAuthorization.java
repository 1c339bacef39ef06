package org.openmrs.module.dhis2sync.web;

import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.Set;

import org.openmrs.module.dhis2sync.api.CurrentUser;
import org.openmrs.module.dhis2sync.api.Dhis2SyncPrivileges;

/** Who the tests say is asking: logged out, or a user with some privileges. */
public final class SettableAuthorization implements RequestAuthorization, CurrentUser {

    private volatile boolean authenticated;
    private volatile String username = "admin";
    private volatile Set<String> privileges = Collections.emptySet();

    /** Logged in as admin with the module's four privileges and OpenMRS's record reads ("Get Patients", ...). */
    public SettableAuthorization admin() {
        java.util.List<String> granted = new java.util.ArrayList<>(Dhis2SyncPrivileges.all());
        granted.addAll(Dhis2SyncPrivileges.RECORD_READS);
        return loggedIn("admin", granted.toArray(new String[0]));
    }

    public SettableAuthorization loggedIn(String user, String... granted) {
        this.username = user;
        this.privileges = Collections.unmodifiableSet(new HashSet<>(Arrays.asList(granted)));
        this.authenticated = true;
        return this;
    }

    public SettableAuthorization loggedOut() {
        this.authenticated = false;
        this.privileges = Collections.emptySet();
        return this;
    }

    @Override
    public boolean isAuthenticated() {
        return authenticated;
    }

    @Override
    public boolean hasPrivilege(String privilege) {
        return authenticated && privileges.contains(privilege);
    }

    @Override
    public String username() {
        return authenticated ? username : null;
    }

    @Override
    public String name() {
        return authenticated ? username : "daemon";
    }
}
