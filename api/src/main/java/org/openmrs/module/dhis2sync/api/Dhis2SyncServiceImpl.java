package org.openmrs.module.dhis2sync.api;

import org.openmrs.api.impl.BaseOpenmrsService;
import org.openmrs.module.dhis2sync.settings.SettingsStore;
import org.openmrs.module.dhis2sync.settings.SettingsUpdate;
import org.openmrs.module.dhis2sync.settings.SyncSettings;
import org.springframework.transaction.annotation.Transactional;

/** Delegates each concern to its own collaborator; it holds no logic of its own. */
@Transactional(readOnly = true)
public class Dhis2SyncServiceImpl extends BaseOpenmrsService implements Dhis2SyncService {

    private final SettingsStore settingsStore;

    public Dhis2SyncServiceImpl(SettingsStore settingsStore) {
        this.settingsStore = settingsStore;
    }

    @Override
    public SyncSettings getSettings() {
        return settingsStore.read();
    }

    @Override
    @Transactional
    public void saveSettings(SettingsUpdate update) {
        if (update == null) {
            throw new IllegalArgumentException("settings update is required");
        }
        settingsStore.write(update);
    }
}
