package org.openmrs.module.dhis2sync.web.dto;

import org.openmrs.module.dhis2sync.settings.Dhis2Origin;
import org.openmrs.module.dhis2sync.settings.SyncSettings;

/** The settings as the page sees them: the password or token never, only whether one is set. */
public final class SettingsBody {

    private final String url;
    private final String username;
    private final boolean passwordSet;
    private final String secretKind;
    private final String api;
    private final String defaultOrgUnit;
    private final int batchSize;
    private final int timeoutSeconds;
    private final String warning;

    private SettingsBody(SyncSettings settings) {
        this.url = settings.getUrl();
        this.username = settings.getUsername();
        this.passwordSet = settings.isPasswordSet();
        boolean token = settings.getUsername() == null || settings.getUsername().isEmpty();
        this.secretKind = !settings.isPasswordSet() ? null : token ? "token" : "password";
        this.api = settings.getApi().text();
        this.defaultOrgUnit = settings.getDefaultOrgUnitUid();
        this.batchSize = settings.getBatchSize();
        this.timeoutSeconds = settings.getTimeoutSeconds();
        this.warning = Dhis2Origin.plainHttpWarning(settings.getUrl());
    }

    public static SettingsBody of(SyncSettings settings) {
        return new SettingsBody(settings);
    }

    public String getUrl() {
        return url;
    }

    public String getUsername() {
        return username;
    }

    public boolean isPasswordSet() {
        return passwordSet;
    }

    /**
     * Which kind of secret is stored: "token" (a personal access token: no user name), "password", or null when none
     * is; never the secret itself.
     */
    @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.ALWAYS)
    public String getSecretKind() {
        return secretKind;
    }

    public String getApi() {
        return api;
    }

    public String getDefaultOrgUnit() {
        return defaultOrgUnit;
    }

    public int getBatchSize() {
        return batchSize;
    }

    public int getTimeoutSeconds() {
        return timeoutSeconds;
    }

    /** Set when the URL sends the secret over plain http to another machine; else null. */
    public String getWarning() {
        return warning;
    }
}
