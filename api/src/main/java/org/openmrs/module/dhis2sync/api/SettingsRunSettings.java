package org.openmrs.module.dhis2sync.api;

import java.util.function.Supplier;

import org.openmrs.module.dhis2sync.settings.SettingsStore;
import org.openmrs.module.dhis2sync.settings.SyncSettings;
import org.openmrs.module.dhis2sync.sync.RunSettings;

/** What a run needs of the settings, read when it starts. */
public class SettingsRunSettings implements Supplier<RunSettings> {

    private final SettingsStore settings;

    public SettingsRunSettings(SettingsStore settings) {
        this.settings = settings;
    }

    @Override
    public RunSettings get() {
        SyncSettings current = settings.read();
        return new RunSettings(current.getBatchSize(), current.getDefaultOrgUnitUid());
    }
}
