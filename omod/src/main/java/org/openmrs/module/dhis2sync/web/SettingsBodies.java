package org.openmrs.module.dhis2sync.web;

import org.openmrs.module.dhis2sync.settings.SettingsField;
import org.openmrs.module.dhis2sync.settings.SettingsUpdate;
import org.openmrs.module.dhis2sync.web.dto.SettingsRequest;

/** The settings body of the REST API and the names of its fields. */
final class SettingsBodies {

    private SettingsBodies() {
    }

    /** The REST field of a setting (the API says defaultOrgUnit where the settings say defaultOrgUnitUid). */
    static String fieldName(SettingsField field) {
        return field == SettingsField.DEFAULT_ORG_UNIT ? "defaultOrgUnit" : field.fieldName();
    }

    /**
     * @throws WebException naming the field when both a password and a token are given, or a token with a user name
     * @throws org.openmrs.module.dhis2sync.settings.InvalidSettingsException naming every invalid field
     */
    static SettingsUpdate update(SettingsRequest body) {
        String secret = body.getPassword();
        if (body.getApiToken() != null) {
            if (secret != null) {
                throw WebException.badRequest("apiToken", "give either a password or a personal access token, not both");
            }
            if (!body.getApiToken().isEmpty() && body.getUsername() != null && !body.getUsername().trim().isEmpty()) {
                throw WebException.badRequest("username", "must be empty with a personal access token (DHIS2 knows"
                        + " the user from the token)");
            }
            secret = body.getApiToken();
        }
        return SettingsUpdate.builder().url(body.getUrl()).username(body.getUsername()).api(body.getApi())
                .defaultOrgUnitUid(body.getDefaultOrgUnit()).batchSize(body.getBatchSize())
                .timeoutSeconds(body.getTimeoutSeconds()).password(secret).build();
    }
}
