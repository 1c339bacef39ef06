package org.openmrs.module.dhis2sync.settings;

import java.util.EnumMap;
import java.util.Map;

import org.openmrs.module.dhis2sync.dhis2.ApiChoice;
/**
 * A validated replacement of the settings, e.g. from the admin page. Every field is required except the password:
 * absent (null) keeps the stored one, "" clears it, anything else replaces it. {@link #toString()} never shows it.
 */
public final class SettingsUpdate {

    /** What the update does to the stored DHIS2 password. */
    public enum PasswordChange {
        KEEP, CLEAR, REPLACE
    }

    private static final String INVALID = "Invalid DHIS2 Sync settings";

    private final String url;
    private final String username;
    private final String password;
    private final ApiChoice api;
    private final String defaultOrgUnitUid;
    private final int batchSize;
    private final int timeoutSeconds;

    private SettingsUpdate(Builder builder) {
        SettingsRules rules = new SettingsRules();
        this.url = rules.url(builder.url);
        this.username = rules.username(builder.username);
        this.password = rules.secret(builder.password);
        this.api = rules.api(builder.api);
        this.defaultOrgUnitUid = rules.defaultOrgUnitUid(builder.defaultOrgUnitUid);
        this.batchSize = rules.batchSize(builder.batchSize == null ? null : builder.batchSize.toString());
        this.timeoutSeconds = rules.timeoutSeconds(builder.timeoutSeconds == null ? null : builder.timeoutSeconds.toString());
        rules.failIfAny(INVALID);
    }

    public static Builder builder() {
        return new Builder();
    }

    public String getUrl() {
        return url;
    }

    public String getUsername() {
        return username;
    }

    public ApiChoice getApi() {
        return api;
    }

    public String getDefaultOrgUnitUid() {
        return defaultOrgUnitUid;
    }

    public int getBatchSize() {
        return batchSize;
    }

    public int getTimeoutSeconds() {
        return timeoutSeconds;
    }

    public PasswordChange getPasswordChange() {
        if (password == null) {
            return PasswordChange.KEEP;
        }
        return password.isEmpty() ? PasswordChange.CLEAR : PasswordChange.REPLACE;
    }

    /**
     * @return the new password when {@link #getPasswordChange()} is REPLACE, "" when CLEAR, null when KEEP; for the
     *         settings store only
     */
    public String getNewPassword() {
        return password;
    }

    /**
     * The stored password or token belongs to the DHIS2 it was entered for: an update that points the settings at
     * another server (scheme, host or port) must give it again, or clear it, so that it is never sent elsewhere.
     *
     * @param storedUrl the URL stored now ("" or null when none or unreadable)
     * @param secretStored whether a password or token is stored now
     * @throws InvalidSettingsException naming the password field when the update would keep it for another server
     */
    public void requireSecretFor(String storedUrl, boolean secretStored) {
        Dhis2Origin to = Dhis2Origin.of(url);
        if (getPasswordChange() != PasswordChange.KEEP || !secretStored || to == null) {
            return;
        }
        Dhis2Origin from = Dhis2Origin.of(storedUrl);
        if (!to.equals(from)) {
            Map<SettingsField, String> problems = new EnumMap<>(SettingsField.class);
            problems.put(SettingsField.PASSWORD, "must be entered again (or cleared): the stored one was entered for "
                + (from == null ? "another address" : from.toString()) + " and is not sent to " + to);
            throw new InvalidSettingsException(INVALID, problems);
        }
    }

    @Override
    public String toString() {
        return "SettingsUpdate{url='" + url + "', username='" + username + "', password=" + getPasswordChange()
            + ", api=" + api.text() + ", defaultOrgUnitUid='" + defaultOrgUnitUid + "', batchSize=" + batchSize
            + ", timeoutSeconds=" + timeoutSeconds + "}";
    }

    /** Collects the raw values; {@link #build()} checks them all. */
    public static final class Builder {

        private String url;
        private String username;
        private String password;
        private String api;
        private String defaultOrgUnitUid;
        private Integer batchSize;
        private Integer timeoutSeconds;

        private Builder() {
        }

        public Builder url(String url) {
            this.url = url;
            return this;
        }

        public Builder username(String username) {
            this.username = username;
            return this;
        }

        /** null keeps the stored password, "" clears it */
        public Builder password(String password) {
            this.password = password;
            return this;
        }

        /** auto, legacy or tracker (any case) */
        public Builder api(String api) {
            this.api = api;
            return this;
        }

        public Builder api(ApiChoice api) {
            this.api = api == null ? null : api.text();
            return this;
        }

        /** a DHIS2 UID, or "" for none */
        public Builder defaultOrgUnitUid(String defaultOrgUnitUid) {
            this.defaultOrgUnitUid = defaultOrgUnitUid;
            return this;
        }

        public Builder batchSize(Integer batchSize) {
            this.batchSize = batchSize;
            return this;
        }

        public Builder timeoutSeconds(Integer timeoutSeconds) {
            this.timeoutSeconds = timeoutSeconds;
            return this;
        }

        /** @throws InvalidSettingsException naming every invalid or missing field */
        public SettingsUpdate build() {
            return new SettingsUpdate(this);
        }
    }
}
