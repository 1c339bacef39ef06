package org.openmrs.module.dhis2sync.api;

import org.openmrs.annotation.Authorized;
import org.openmrs.api.OpenmrsService;
import org.openmrs.module.dhis2sync.settings.InvalidSettingsException;
import org.openmrs.module.dhis2sync.settings.SettingsUpdate;
import org.openmrs.module.dhis2sync.settings.SyncSettings;

/**
 * The module's one entry point, registered with OpenMRS ({@code Context.getService(Dhis2SyncService.class)}).
 * OpenMRS enforces the {@link Authorized} privilege of each method.
 */
public interface Dhis2SyncService extends OpenmrsService {

    /**
     * @return the settings; the DHIS2 password is never returned, only whether one is set
     * @throws InvalidSettingsException when a stored setting is invalid, naming it
     */
    @Authorized(Dhis2SyncPrivileges.MANAGE_SETTINGS)
    SyncSettings getSettings();

    /** Stores the settings; the password only when the update sets or clears it. */
    @Authorized(Dhis2SyncPrivileges.MANAGE_SETTINGS)
    void saveSettings(SettingsUpdate update);
}
