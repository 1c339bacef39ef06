package org.openmrs.module.dhis2sync.settings;

import org.openmrs.module.dhis2sync.dhis2.ApiChoice;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SyncSettingsTest {

    private static final String ORG_UNIT = "DiszpKrYNg8";

    private static SyncSettings withUrl(String url) {
        return new SyncSettings(url, "admin", false, ApiChoice.AUTO, "", 250, 60);
    }

    private static InvalidSettingsException invalid(Runnable creation) {
        return catchThrowableOfType(creation::run, InvalidSettingsException.class);
    }

    @Test
    void defaultsMatchConfigXmlAndAreNotConfigured() {
        SyncSettings defaults = SyncSettings.defaults();

        assertThat(defaults.getUrl()).isEmpty();
        assertThat(defaults.isConfigured()).isFalse();
        assertThat(defaults.getUsername()).isEmpty();
        assertThat(defaults.isPasswordSet()).isFalse();
        assertThat(defaults.getApi()).isEqualTo(ApiChoice.AUTO);
        assertThat(defaults.getDefaultOrgUnitUid()).isEmpty();
        assertThat(defaults.getBatchSize()).isEqualTo(250);
        assertThat(defaults.getTimeoutSeconds()).isEqualTo(60);
    }

    @Test
    void keepsValidValuesNormalised() {
        SyncSettings settings = new SyncSettings("  https://dhis2.example.org/hmis// ", " admin ", true,
            ApiChoice.TRACKER, " " + ORG_UNIT + " ", 1000, 600);

        assertThat(settings.getUrl()).isEqualTo("https://dhis2.example.org/hmis");
        assertThat(settings.isConfigured()).isTrue();
        assertThat(settings.getUsername()).isEqualTo("admin");
        assertThat(settings.isPasswordSet()).isTrue();
        assertThat(settings.getApi()).isEqualTo(ApiChoice.TRACKER);
        assertThat(settings.getDefaultOrgUnitUid()).isEqualTo(ORG_UNIT);
        assertThat(settings.getBatchSize()).isEqualTo(1000);
        assertThat(settings.getTimeoutSeconds()).isEqualTo(600);
    }

    @ParameterizedTest
    @ValueSource(strings = { "http://localhost:8080", "HTTPS://dhis2.example.org", "https://10.0.0.5/dhis" })
    void acceptsAbsoluteHttpUrls(String url) {
        assertThat(withUrl(url).getUrl()).isEqualTo(url);
    }

    @ParameterizedTest
    @ValueSource(strings = { "dhis2.example.org", "/api", "ftp://dhis2.example.org", "https//dhis2", "http://exa mple",
        "mailto:admin@example.org", "https://dhis2.example.org/?a=1", "https://dhis2.example.org#top", "file:///etc" })
    void rejectsUrlsThatAreNotAbsoluteHttpBaseUrls(String url) {
        InvalidSettingsException error = invalid(() -> withUrl(url));

        assertThat(error.getProblems()).containsOnlyKeys(SettingsField.URL);
        assertThat(error.getMessage()).contains("url (dhis2sync.dhis2.url)");
    }

    @Test
    void rejectsCredentialsInTheUrlWithoutRepeatingThem() {
        InvalidSettingsException error = invalid(() -> withUrl("https://admin:S3cret!@dhis2.example.org"));

        assertThat(error.getProblems()).containsOnlyKeys(SettingsField.URL);
        assertThat(error.getMessage()).contains("must not contain a user name or password").doesNotContain("S3cret");
    }

    @ParameterizedTest
    @CsvSource({ "0, 60, batchSize", "1001, 60, batchSize", "-5, 60, batchSize", "250, 0, timeoutSeconds",
        "250, 601, timeoutSeconds" })
    void rejectsNumbersOutOfRange(int batchSize, int timeout, String field) {
        InvalidSettingsException error = invalid(
            () -> new SyncSettings("", "", false, ApiChoice.AUTO, "", batchSize, timeout));

        assertThat(error.getProblems()).hasSize(1);
        assertThat(error.getProblems().keySet().iterator().next().fieldName()).isEqualTo(field);
        assertThat(error.getMessage()).contains(field).contains("must be a whole number from");
    }

    @Test
    void acceptsTheBoundsOfTheRanges() {
        assertThat(new SyncSettings("", "", false, ApiChoice.AUTO, "", 1, 1).getBatchSize()).isEqualTo(1);
        assertThat(new SyncSettings("", "", false, ApiChoice.AUTO, "", 1000, 600).getTimeoutSeconds()).isEqualTo(600);
    }

    @ParameterizedTest
    @ValueSource(strings = { "Diszp", "1iszpKrYNg8", "DiszpKrYNg8x", "Disz-KrYNg8" })
    void rejectsMalformedOrgUnitUids(String uid) {
        InvalidSettingsException error = invalid(
            () -> new SyncSettings("", "", false, ApiChoice.AUTO, uid, 250, 60));

        assertThat(error.getProblems()).containsOnlyKeys(SettingsField.DEFAULT_ORG_UNIT);
        assertThat(error.getMessage()).contains("defaultOrgUnitUid (dhis2sync.orgUnit.default)").contains(uid);
    }

    @Test
    void requiresAnApiChoice() {
        InvalidSettingsException error = invalid(() -> new SyncSettings("", "", false, null, "", 250, 60));

        assertThat(error.getProblems()).containsEntry(SettingsField.API, "is required");
    }

    @Test
    void parsesTheTextFormAndNamesEveryBadField() {
        InvalidSettingsException error = invalid(() -> SyncSettings.fromText("Stored settings are invalid",
            "ftp://x", "admin", false, "new", "bad", "lots", "0"));

        assertThat(error.getProblems()).containsOnlyKeys(SettingsField.URL, SettingsField.API,
            SettingsField.DEFAULT_ORG_UNIT, SettingsField.BATCH_SIZE, SettingsField.TIMEOUT_SECONDS);
        assertThat(error.getProblems().get(SettingsField.API)).isEqualTo(
            "must be one of auto, legacy, tracker, was 'new'");
        assertThat(error.getProblems().get(SettingsField.BATCH_SIZE)).isEqualTo(
            "must be a whole number from 1 to 1000, was 'lots'");
        assertThat(error.getMessage()).startsWith("Stored settings are invalid: url (dhis2sync.dhis2.url) must be");
    }

    @Test
    void parsesApiChoicesInAnyCase() {
        SyncSettings settings = SyncSettings.fromText("x", "", "", false, " Legacy ", "", " 100 ", "30");

        assertThat(settings.getApi()).isEqualTo(ApiChoice.LEGACY);
        assertThat(settings.getBatchSize()).isEqualTo(100);
        assertThat(settings.getTimeoutSeconds()).isEqualTo(30);
    }

    @Test
    void rejectsControlCharactersInTheUsername() {
        assertThatThrownBy(() -> new SyncSettings("", "ad\nmin", false, ApiChoice.AUTO, "", 250, 60))
            .isInstanceOf(InvalidSettingsException.class).hasMessageContaining("username (dhis2sync.dhis2.username)");
    }

    @Test
    void comparesByValueAndPrintsNoSecret() {
        SyncSettings one = new SyncSettings("https://d.example.org", "admin", true, ApiChoice.AUTO, ORG_UNIT, 250, 60);
        SyncSettings same = new SyncSettings("https://d.example.org/", "admin", true, ApiChoice.AUTO, ORG_UNIT, 250, 60);

        assertThat(one).isEqualTo(same).hasSameHashCodeAs(same)
            .isNotEqualTo(new SyncSettings("https://d.example.org", "admin", false, ApiChoice.AUTO, ORG_UNIT, 250, 60));
        assertThat(one.toString()).isEqualTo("SyncSettings{url='https://d.example.org', username='admin', "
            + "passwordSet=true, api=auto, defaultOrgUnitUid='DiszpKrYNg8', batchSize=250, timeoutSeconds=60}");
    }
}
