package org.openmrs.module.dhis2sync.web.dto;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Body of {@code POST settings}. {@code password} and {@code apiToken} are write-only: absent keeps the stored
 * secret, "" clears it. {@link #toString()} never shows them.
 */
public final class SettingsRequest {

    private final String url;
    private final String username;
    private final String api;
    private final String defaultOrgUnit;
    private final Integer batchSize;
    private final Integer timeoutSeconds;
    private final String password;
    private final String apiToken;

    @JsonCreator
    public SettingsRequest(@JsonProperty("url") String url, @JsonProperty("username") String username,
            @JsonProperty("api") String api, @JsonProperty("defaultOrgUnit") String defaultOrgUnit,
            @JsonProperty("batchSize") Integer batchSize, @JsonProperty("timeoutSeconds") Integer timeoutSeconds,
            @JsonProperty("password") String password, @JsonProperty("apiToken") String apiToken,
            @JsonProperty("passwordSet") Boolean ignoredPasswordSet) {
        this.url = url;
        this.username = username;
        this.api = api;
        this.defaultOrgUnit = defaultOrgUnit;
        this.batchSize = batchSize;
        this.timeoutSeconds = timeoutSeconds;
        this.password = password;
        this.apiToken = apiToken;
    }

    public String getUrl() {
        return url;
    }

    public String getUsername() {
        return username;
    }

    public String getApi() {
        return api;
    }

    public String getDefaultOrgUnit() {
        return defaultOrgUnit;
    }

    public Integer getBatchSize() {
        return batchSize;
    }

    public Integer getTimeoutSeconds() {
        return timeoutSeconds;
    }

    public String getPassword() {
        return password;
    }

    public String getApiToken() {
        return apiToken;
    }

    @Override
    public String toString() {
        return "SettingsRequest{url='" + url + "', username='" + username + "', api=" + api + ", defaultOrgUnit='"
                + defaultOrgUnit + "', batchSize=" + batchSize + ", timeoutSeconds=" + timeoutSeconds
                + ", password " + (password == null ? "unchanged" : "given") + ", apiToken "
                + (apiToken == null ? "unchanged" : "given") + "}";
    }
}
