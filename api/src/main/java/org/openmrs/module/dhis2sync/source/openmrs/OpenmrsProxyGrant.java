package org.openmrs.module.dhis2sync.source.openmrs;

import org.openmrs.api.context.Context;

/** Proxy privileges of the OpenMRS session on this thread. */
public class OpenmrsProxyGrant implements ProxyPrivileges.Grant {

    @Override
    public void add(String privilege) {
        Context.addProxyPrivilege(privilege);
    }

    @Override
    public void remove(String privilege) {
        Context.removeProxyPrivilege(privilege);
    }
}
