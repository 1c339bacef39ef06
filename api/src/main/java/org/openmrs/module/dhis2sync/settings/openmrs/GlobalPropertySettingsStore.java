package org.openmrs.module.dhis2sync.settings.openmrs;

import java.util.Optional;

import org.openmrs.module.dhis2sync.settings.GlobalPropertyStore;
import org.openmrs.module.dhis2sync.settings.SecretCipher;
import org.openmrs.module.dhis2sync.settings.SecretUnreadableException;
import org.openmrs.module.dhis2sync.settings.SettingsField;
import org.openmrs.module.dhis2sync.settings.SettingsStore;
import org.openmrs.module.dhis2sync.settings.SettingsUpdate;
import org.openmrs.module.dhis2sync.settings.SyncSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The settings in the module's OpenMRS global properties (declared with their defaults in config.xml); the DHIS2
 * password is stored encrypted with the installation's key.
 */
public class GlobalPropertySettingsStore implements SettingsStore {

    private static final Logger log = LoggerFactory.getLogger(GlobalPropertySettingsStore.class);

    private final GlobalPropertyStore properties;
    private final SecretCipher cipher;

    public GlobalPropertySettingsStore(GlobalPropertyStore properties, SecretCipher cipher) {
        this.properties = properties;
        this.cipher = cipher;
    }

    @Override
    public SyncSettings read() {
        return SyncSettings.fromText("Stored DHIS2 Sync settings are invalid",
            valueOrDefault(SettingsField.URL, ""),
            valueOrDefault(SettingsField.USERNAME, ""),
            !storedSecret().isEmpty(),
            valueOrDefault(SettingsField.API, SyncSettings.DEFAULT_API.text()),
            valueOrDefault(SettingsField.DEFAULT_ORG_UNIT, ""),
            valueOrDefault(SettingsField.BATCH_SIZE, String.valueOf(SyncSettings.DEFAULT_BATCH_SIZE)),
            valueOrDefault(SettingsField.TIMEOUT_SECONDS, String.valueOf(SyncSettings.DEFAULT_TIMEOUT_SECONDS)));
    }

    @Override
    public Optional<String> readSecret() {
        String stored = storedSecret();
        if (stored.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(cipher.decrypt(stored));
        }
        catch (RuntimeException e) {
            // neither the stored text nor the cause is passed on: only the kind of failure
            throw new SecretUnreadableException("The stored DHIS2 password (" + SettingsField.PASSWORD.globalProperty()
                + ") cannot be decrypted with this installation's encryption key (" + e.getClass().getSimpleName()
                + "); enter it again in the DHIS2 Sync settings");
        }
    }

    @Override
    public void write(SettingsUpdate update) {
        put(SettingsField.URL, update.getUrl());
        put(SettingsField.USERNAME, update.getUsername());
        put(SettingsField.API, update.getApi().text());
        put(SettingsField.DEFAULT_ORG_UNIT, update.getDefaultOrgUnitUid());
        put(SettingsField.BATCH_SIZE, String.valueOf(update.getBatchSize()));
        put(SettingsField.TIMEOUT_SECONDS, String.valueOf(update.getTimeoutSeconds()));
        switch (update.getPasswordChange()) {
            case CLEAR:
                put(SettingsField.PASSWORD, "");
                break;
            case REPLACE:
                put(SettingsField.PASSWORD, cipher.encrypt(update.getNewPassword()));
                break;
            default:
                break;
        }
        log.info("DHIS2 Sync settings saved: {}", update);
    }

    /**
     * Global properties that were never stored (e.g. before the module first started) and blank values of settings
     * that have a default take that default.
     */
    private String valueOrDefault(SettingsField field, String defaultValue) {
        String value = properties.get(field.globalProperty());
        return value == null || value.trim().isEmpty() ? defaultValue : value;
    }

    private String storedSecret() {
        String value = properties.get(SettingsField.PASSWORD.globalProperty());
        return value == null ? "" : value.trim();
    }

    private void put(SettingsField field, String value) {
        properties.put(field.globalProperty(), value);
    }
}
