package org.openmrs.module.dhis2sync.settings;

import java.time.Duration;
import java.util.function.Supplier;

import org.openmrs.module.dhis2sync.dhis2.Dhis2Client;
import org.openmrs.module.dhis2sync.dhis2.Dhis2Clients;
import org.openmrs.module.dhis2sync.dhis2.Dhis2Connection;

/**
 * A DHIS2 client for the settings as they are now (they can change between runs). With a user name the secret is
 * the user's password; without one it is a personal access token.
 */
public class Dhis2ClientFactory implements Supplier<Dhis2Client> {

    private final SettingsStore settings;

    public Dhis2ClientFactory(SettingsStore settings) {
        this.settings = settings;
    }

    /**
     * @throws NotConfiguredException when the URL or the credentials are not set, saying which
     * @throws org.openmrs.module.dhis2sync.dhis2.Dhis2UnavailableException when DHIS2 cannot be asked its version
     */
    public Dhis2Client open() {
        SyncSettings current = settings.read();
        if (!current.isConfigured()) {
            throw new NotConfiguredException("DHIS2 is not configured: set its URL (dhis2sync.dhis2.url) in the settings");
        }
        String secret = settings.readSecret().orElseThrow(() -> new NotConfiguredException(
                "DHIS2 is not configured: set the password or personal access token in the settings"));
        Dhis2Connection connection = current.getUsername() == null || current.getUsername().isEmpty()
                ? Dhis2Connection.withToken(current.getUrl(), secret)
                : Dhis2Connection.withPassword(current.getUrl(), current.getUsername(), secret);
        Duration timeout = Duration.ofSeconds(current.getTimeoutSeconds());
        return Dhis2Clients.create(
                connection.withApi(current.getApi()).withTimeouts(Dhis2Connection.DEFAULT_CONNECT_TIMEOUT, timeout));
    }

    /** {@link #open()}: each run gets a client of its own and closes it. */
    @Override
    public Dhis2Client get() {
        return open();
    }

    /** The settings are missing something the DHIS2 client needs. */
    public static class NotConfiguredException extends IllegalStateException {
        public NotConfiguredException(String message) {
            super(message);
        }
    }
}
