package org.openmrs.module.dhis2sync.settings;

/**
 * The settings, each with the name it has in the REST API / admin page and the OpenMRS global property it is
 * stored in, so that an error can name the field wherever the bad value came from.
 */
public enum SettingsField {

    URL("url", "dhis2sync.dhis2.url"),
    USERNAME("username", "dhis2sync.dhis2.username"),
    PASSWORD("password", "dhis2sync.dhis2.password"),
    API("api", "dhis2sync.dhis2.api"),
    DEFAULT_ORG_UNIT("defaultOrgUnitUid", "dhis2sync.orgUnit.default"),
    BATCH_SIZE("batchSize", "dhis2sync.batchSize"),
    TIMEOUT_SECONDS("timeoutSeconds", "dhis2sync.http.timeoutSeconds");

    private final String fieldName;
    private final String globalProperty;

    SettingsField(String fieldName, String globalProperty) {
        this.fieldName = fieldName;
        this.globalProperty = globalProperty;
    }

    public String fieldName() {
        return fieldName;
    }

    public String globalProperty() {
        return globalProperty;
    }

    /** "batchSize (dhis2sync.batchSize)": understandable both on the admin page and in the global properties. */
    public String label() {
        return fieldName + " (" + globalProperty + ")";
    }
}
