package org.openmrs.module.dhis2sync;

import java.util.function.Supplier;

import org.openmrs.api.context.Context;
import org.openmrs.module.dhis2sync.api.Dhis2SyncPrivileges;
import org.openmrs.module.dhis2sync.api.Dhis2SyncService;
import org.openmrs.module.dhis2sync.settings.SyncSettings;

/**
 * Reads the settings through the registered service for the activator's start-up report. Start-up runs in an
 * OpenMRS session of no particular user, so the settings privilege is lent for the call.
 */
final class ContextSettingsReader implements Supplier<SyncSettings> {

    @Override
    public SyncSettings get() {
        Context.addProxyPrivilege(Dhis2SyncPrivileges.MANAGE_SETTINGS);
        try {
            return Context.getService(Dhis2SyncService.class).getSettings();
        }
        finally {
            Context.removeProxyPrivilege(Dhis2SyncPrivileges.MANAGE_SETTINGS);
        }
    }
}
