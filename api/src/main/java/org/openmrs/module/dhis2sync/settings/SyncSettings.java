package org.openmrs.module.dhis2sync.settings;

import org.openmrs.module.dhis2sync.dhis2.ApiChoice;
import java.util.Objects;

/**
 * The module's settings as stored, validated. The DHIS2 password (or personal access token) is never held here:
 * only whether one is set.
 */
public final class SyncSettings {

    public static final ApiChoice DEFAULT_API = ApiChoice.AUTO;
    public static final int DEFAULT_BATCH_SIZE = 250;
    public static final int DEFAULT_TIMEOUT_SECONDS = 60;
    public static final int MIN_BATCH_SIZE = SettingsRules.MIN_BATCH_SIZE;
    public static final int MAX_BATCH_SIZE = SettingsRules.MAX_BATCH_SIZE;
    public static final int MIN_TIMEOUT_SECONDS = SettingsRules.MIN_TIMEOUT_SECONDS;
    public static final int MAX_TIMEOUT_SECONDS = SettingsRules.MAX_TIMEOUT_SECONDS;

    private static final String INVALID = "Invalid DHIS2 Sync settings";

    private final String url;
    private final String username;
    private final boolean passwordSet;
    private final ApiChoice api;
    private final String defaultOrgUnitUid;
    private final int batchSize;
    private final int timeoutSeconds;

    /**
     * @param url the DHIS2 base URL (absolute http/https; trailing slashes are dropped), "" when not configured
     * @param defaultOrgUnitUid a DHIS2 UID, or "" for none
     * @throws InvalidSettingsException naming every invalid field
     */
    public SyncSettings(String url, String username, boolean passwordSet, ApiChoice api, String defaultOrgUnitUid,
        int batchSize, int timeoutSeconds) {
        SettingsRules rules = new SettingsRules();
        this.url = rules.url(url);
        this.username = rules.username(username);
        this.passwordSet = passwordSet;
        this.api = rules.api(api);
        this.defaultOrgUnitUid = rules.defaultOrgUnitUid(defaultOrgUnitUid);
        this.batchSize = rules.batchSize(String.valueOf(batchSize));
        this.timeoutSeconds = rules.timeoutSeconds(String.valueOf(timeoutSeconds));
        rules.failIfAny(INVALID);
    }

    /** The settings of a fresh installation: nothing configured, the defaults of config.xml. */
    public static SyncSettings defaults() {
        return new SyncSettings("", "", false, DEFAULT_API, "", DEFAULT_BATCH_SIZE, DEFAULT_TIMEOUT_SECONDS);
    }

    /**
     * Builds settings from their text form (as stored in global properties), checking every field.
     *
     * @param summary what the values are, for the error message (e.g. "Stored DHIS2 Sync settings are invalid")
     * @throws InvalidSettingsException naming every invalid field
     */
    public static SyncSettings fromText(String summary, String url, String username, boolean passwordSet, String api,
        String defaultOrgUnitUid, String batchSize, String timeoutSeconds) {
        SettingsRules rules = new SettingsRules();
        String checkedUrl = rules.url(url);
        String checkedUsername = rules.username(username);
        ApiChoice checkedApi = rules.api(api);
        String checkedOrgUnit = rules.defaultOrgUnitUid(defaultOrgUnitUid);
        int checkedBatchSize = rules.batchSize(batchSize);
        int checkedTimeout = rules.timeoutSeconds(timeoutSeconds);
        rules.failIfAny(summary);
        return new SyncSettings(checkedUrl, checkedUsername, passwordSet, checkedApi, checkedOrgUnit, checkedBatchSize,
            checkedTimeout);
    }

    /** @return the DHIS2 base URL without trailing slash, or "" when not configured */
    public String getUrl() {
        return url;
    }

    /** @return true once a DHIS2 URL is set: the module can then talk to DHIS2 */
    public boolean isConfigured() {
        return !url.isEmpty();
    }

    public String getUsername() {
        return username;
    }

    /** @return whether a DHIS2 password or personal access token is stored (its value is never exposed here) */
    public boolean isPasswordSet() {
        return passwordSet;
    }

    public ApiChoice getApi() {
        return api;
    }

    /** @return the org unit used when a location has no mapped org unit, or "" for none */
    public String getDefaultOrgUnitUid() {
        return defaultOrgUnitUid;
    }

    /** @return how many records one import request to DHIS2 carries */
    public int getBatchSize() {
        return batchSize;
    }

    /** @return the HTTP connect and response timeout towards DHIS2 */
    public int getTimeoutSeconds() {
        return timeoutSeconds;
    }

    @Override
    public boolean equals(Object other) {
        if (this == other) {
            return true;
        }
        if (!(other instanceof SyncSettings)) {
            return false;
        }
        SyncSettings that = (SyncSettings) other;
        return passwordSet == that.passwordSet && batchSize == that.batchSize && timeoutSeconds == that.timeoutSeconds
            && url.equals(that.url) && username.equals(that.username) && api == that.api
            && defaultOrgUnitUid.equals(that.defaultOrgUnitUid);
    }

    @Override
    public int hashCode() {
        return Objects.hash(url, username, passwordSet, api, defaultOrgUnitUid, batchSize, timeoutSeconds);
    }

    @Override
    public String toString() {
        return "SyncSettings{url='" + url + "', username='" + username + "', passwordSet=" + passwordSet + ", api="
            + api.text() + ", defaultOrgUnitUid='" + defaultOrgUnitUid + "', batchSize=" + batchSize
            + ", timeoutSeconds=" + timeoutSeconds + "}";
    }
}
