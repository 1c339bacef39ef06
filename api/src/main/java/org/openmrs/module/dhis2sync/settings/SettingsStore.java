package org.openmrs.module.dhis2sync.settings;

import java.util.Optional;

/** Where the settings live (OpenMRS global properties in production). */
public interface SettingsStore {

    /**
     * @return the stored settings; a setting that was never stored has its default
     * @throws InvalidSettingsException when a stored value is invalid, naming it
     */
    SyncSettings read();

    /**
     * The decrypted DHIS2 password or personal access token, for the DHIS2 client only: never return it to a user,
     * log it or put it in an exception.
     *
     * @return the secret, or empty when none is set
     * @throws SecretUnreadableException when the stored secret cannot be decrypted
     */
    Optional<String> readSecret();

    /** Stores every setting of the update; the password only as its {@link SettingsUpdate#getPasswordChange()} says. */
    void write(SettingsUpdate update);
}
