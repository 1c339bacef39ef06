package org.openmrs.module.dhis2sync.api;

import org.openmrs.module.dhis2sync.dhis2.CompletionDates;
import org.openmrs.module.dhis2sync.dhis2.Dhis2Client;
import org.openmrs.module.dhis2sync.dhis2.Dhis2UnavailableException;
import org.openmrs.module.dhis2sync.dhis2.SystemInfo;
import org.openmrs.module.dhis2sync.settings.Dhis2ClientFactory;
import org.openmrs.module.dhis2sync.settings.InvalidSettingsException;
import org.openmrs.module.dhis2sync.settings.SettingsStore;
import org.openmrs.module.dhis2sync.settings.SettingsUpdate;
import org.openmrs.module.dhis2sync.settings.SyncSettings;

/** The settings page: the settings read and saved (a secret only for the server it was given for), Test connection. */
public class SettingsAdmin {

    private final SettingsStore settingsStore;
    private final Dhis2ClientFactory clients;

    public SettingsAdmin(SettingsStore settingsStore, Dhis2ClientFactory clients) {
        this.settingsStore = settingsStore;
        this.clients = clients;
    }

    public SyncSettings read() {
        return settingsStore.read();
    }

    public void save(SettingsUpdate update) {
        if (update == null) {
            throw new IllegalArgumentException("settings update is required");
        }
        SyncSettings stored;
        try {
            stored = settingsStore.read();
        } catch (InvalidSettingsException e) {
            stored = null; // unreadable: the secret, if any, is bound to no known server
        }
        update.requireSecretFor(stored == null ? null : stored.getUrl(), stored == null || stored.isPasswordSet());
        settingsStore.write(update);
    }

    /** Whether DHIS2 answers with the settings as they are, and what it is; never throws for a DHIS2 failure. */
    public ConnectionTest testConnection() {
        try (Dhis2Client client = clients.open()) {
            SystemInfo info = client.systemInfo();
            return new ConnectionTest(true, info.getVersion(), client.generation().name(), client.currentUser(), null,
                    CompletionDates.notice(info, client.generation()));
        } catch (Dhis2UnavailableException | Dhis2ClientFactory.NotConfiguredException e) {
            return new ConnectionTest(false, null, null, null, e.getMessage());
        }
    }
}
