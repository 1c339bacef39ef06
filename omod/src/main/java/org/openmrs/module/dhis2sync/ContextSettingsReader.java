package org.openmrs.module.dhis2sync;

import java.util.function.Supplier;

import org.openmrs.api.context.Context;
import org.openmrs.module.dhis2sync.settings.SettingsStore;
import org.openmrs.module.dhis2sync.settings.SyncSettings;

/**
 * Reads the settings from the module's settings store for the activator's start-up report. Start-up runs in an
 * OpenMRS session of no particular user; the store reads the module's own global properties, which needs no
 * privilege, so none is lent.
 */
final class ContextSettingsReader implements Supplier<SyncSettings> {

    static final String SETTINGS_STORE_BEAN = "dhis2syncSettingsStore";

    @Override
    public SyncSettings get() {
        return Context.getRegisteredComponent(SETTINGS_STORE_BEAN, SettingsStore.class).read();
    }
}
