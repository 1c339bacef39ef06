package org.openmrs.module.dhis2sync.settings;

import org.openmrs.module.dhis2sync.dhis2.ApiChoice;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.junit.jupiter.api.Test;

class SettingsUpdateTest {

    private static SettingsUpdate.Builder complete() {
        return SettingsUpdate.builder().url("https://dhis2.example.org/").username("admin").api("TRACKER")
            .defaultOrgUnitUid("").batchSize(100).timeoutSeconds(30);
    }

    @Test
    void buildsAValidatedNormalisedUpdate() {
        SettingsUpdate update = complete().build();

        assertThat(update.getUrl()).isEqualTo("https://dhis2.example.org");
        assertThat(update.getUsername()).isEqualTo("admin");
        assertThat(update.getApi()).isEqualTo(ApiChoice.TRACKER);
        assertThat(update.getDefaultOrgUnitUid()).isEmpty();
        assertThat(update.getBatchSize()).isEqualTo(100);
        assertThat(update.getTimeoutSeconds()).isEqualTo(30);
    }

    @Test
    void namesEveryMissingField() {
        InvalidSettingsException error = catchThrowableOfType(() -> SettingsUpdate.builder().build(),
            InvalidSettingsException.class);

        assertThat(error.getProblems()).containsOnlyKeys(SettingsField.URL, SettingsField.USERNAME, SettingsField.API,
            SettingsField.DEFAULT_ORG_UNIT, SettingsField.BATCH_SIZE, SettingsField.TIMEOUT_SECONDS);
        assertThat(error.getProblems().values()).containsOnly("is required");
    }

    @Test
    void anAbsentPasswordKeepsTheStoredOne() {
        SettingsUpdate update = complete().password(null).build();

        assertThat(update.getPasswordChange()).isEqualTo(SettingsUpdate.PasswordChange.KEEP);
        assertThat(update.getNewPassword()).isNull();
    }

    @Test
    void anEmptyPasswordClearsIt() {
        SettingsUpdate update = complete().password("").build();

        assertThat(update.getPasswordChange()).isEqualTo(SettingsUpdate.PasswordChange.CLEAR);
        assertThat(update.getNewPassword()).isEmpty();
    }

    @Test
    void aPasswordReplacesItAsTyped() {
        SettingsUpdate update = complete().password(" d2pat_secret value ").build();

        assertThat(update.getPasswordChange()).isEqualTo(SettingsUpdate.PasswordChange.REPLACE);
        assertThat(update.getNewPassword()).isEqualTo(" d2pat_secret value ");
    }

    @Test
    void neverPrintsThePassword() {
        SettingsUpdate update = complete().password("Tr0ub4dor&3").build();

        assertThat(update.toString()).doesNotContain("Tr0ub4dor").contains("password=REPLACE");
    }

    @Test
    void rejectsControlCharactersInThePasswordWithoutRepeatingIt() {
        InvalidSettingsException error = catchThrowableOfType(() -> complete().password("line1\nline2").build(),
            InvalidSettingsException.class);

        assertThat(error.getProblems()).containsOnlyKeys(SettingsField.PASSWORD);
        assertThat(error.getMessage()).contains("password (dhis2sync.dhis2.password)").doesNotContain("line1");
    }

    @Test
    void acceptsTheApiChoiceAsAnEnum() {
        assertThat(complete().api(ApiChoice.LEGACY).build().getApi()).isEqualTo(ApiChoice.LEGACY);
    }

    @Test
    void rejectsAnUnknownApi() {
        InvalidSettingsException error = catchThrowableOfType(() -> complete().api("v2").build(),
            InvalidSettingsException.class);

        assertThat(error.getProblems()).containsEntry(SettingsField.API,
            "must be one of auto, legacy, tracker, was 'v2'");
    }

    private static SettingsUpdate.Builder valid() {
        return SettingsUpdate.builder().url("https://dhis2.example.org").username("sync").api("auto")
            .defaultOrgUnitUid("").batchSize(250).timeoutSeconds(60);
    }

    @Test
    void neverEchoesAUrlThatHoldsACredentialEvenWhenItIsMalformed() {
        for (String url : new String[] {"https://sync:Hunter2-secret@dhis2.example.org",
            "https://sync:Hunter2-secret%zz@dhis2.example.org", "https://sync:Hunter2 secret@dhis2.example.org",
            "https://dhis2.example.org/a b@Hunter2-secret", "https://sync:Hunter2-secret@"}) {
            InvalidSettingsException error = catchThrowableOfType(() -> valid().url(url).build(),
                InvalidSettingsException.class);

            assertThat(error).as(url).isNotNull();
            assertThat(error.getProblems()).as(url).containsOnlyKeys(SettingsField.URL);
            assertThat(error.getMessage()).as(url).doesNotContain("Hunter2");
        }
    }

    @Test
    void acceptsHostNamesWithAnUnderscoreAsDockerServicesHaveThem() {
        assertThat(valid().url("http://dhis2_web:8080/").build().getUrl()).isEqualTo("http://dhis2_web:8080");
        assertThat(valid().url("http://dhis2_web").build().getUrl()).isEqualTo("http://dhis2_web");
    }

    @Test
    void aStoredSecretMustBeGivenAgainForAnotherServer() {
        String stored = "https://dhis2.example.org";
        for (String other : new String[] {"http://dhis2.example.org", "https://evil.example.org",
            "https://dhis2.example.org:8443", "https://dhis2.example.org.evil.example"}) {
            InvalidSettingsException error = catchThrowableOfType(
                () -> valid().url(other).build().requireSecretFor(stored, true), InvalidSettingsException.class);

            assertThat(error).as(other).isNotNull();
            assertThat(error.getProblems()).as(other).containsOnlyKeys(SettingsField.PASSWORD);
            assertThat(error.getProblems().get(SettingsField.PASSWORD)).contains("entered again")
                .contains("https://dhis2.example.org:443");
        }
    }

    @Test
    void theSameServerOrANewSecretOrNoSecretNeedsNothingMore() {
        String stored = "https://dhis2.example.org";
        valid().url("https://DHIS2.example.org:443/").build().requireSecretFor(stored, true);
        valid().url("https://dhis2.example.org/dhis").build().requireSecretFor(stored, true);
        valid().url("https://other.example.org").password("new-one").build().requireSecretFor(stored, true);
        valid().url("https://other.example.org").password("").build().requireSecretFor(stored, true);
        valid().url("https://other.example.org").build().requireSecretFor(stored, false);
        valid().url("").build().requireSecretFor(stored, true);
        assertThat(catchThrowableOfType(() -> valid().url("https://other.example.org").build()
            .requireSecretFor("", true), InvalidSettingsException.class)).isNotNull();
    }
}
