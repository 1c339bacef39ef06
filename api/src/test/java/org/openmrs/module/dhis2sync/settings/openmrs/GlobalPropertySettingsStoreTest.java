package org.openmrs.module.dhis2sync.settings.openmrs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mockito.Mock;
import org.mockito.junit.jupiter.MockitoExtension;
import org.mockito.junit.jupiter.MockitoSettings;
import org.mockito.quality.Strictness;
import org.openmrs.GlobalProperty;
import org.openmrs.api.AdministrationService;
import org.openmrs.module.dhis2sync.dhis2.ApiChoice;
import org.openmrs.module.dhis2sync.settings.InvalidSettingsException;
import org.openmrs.module.dhis2sync.settings.SecretCipher;
import org.openmrs.module.dhis2sync.settings.SecretUnreadableException;
import org.openmrs.module.dhis2sync.settings.SettingsField;
import org.openmrs.module.dhis2sync.settings.SettingsUpdate;
import org.openmrs.module.dhis2sync.settings.SyncSettings;

@ExtendWith(MockitoExtension.class)
@MockitoSettings(strictness = Strictness.LENIENT)
class GlobalPropertySettingsStoreTest {

    private static final String SECRET = "Tr0ub4dor&3";

    /** Reversible and visibly different from the plain text; refuses text it did not produce. */
    private static final SecretCipher FAKE_CIPHER = new SecretCipher() {

        @Override
        public String encrypt(String plainText) {
            return "enc:" + new StringBuilder(plainText).reverse();
        }

        @Override
        public String decrypt(String cipherText) {
            if (!cipherText.startsWith("enc:")) {
                throw new IllegalArgumentException("bad padding");
            }
            return new StringBuilder(cipherText.substring(4)).reverse().toString();
        }
    };

    @Mock
    private AdministrationService administrationService;

    private final Map<String, String> globalProperties = new HashMap<>();

    private GlobalPropertySettingsStore store;

    @BeforeEach
    void setUp() {
        when(administrationService.getGlobalProperty(anyString()))
            .thenAnswer(call -> globalProperties.get(call.<String>getArgument(0)));
        when(administrationService.getGlobalPropertyObject(anyString())).thenAnswer(call -> {
            String name = call.getArgument(0);
            return globalProperties.containsKey(name) ? new GlobalProperty(name, globalProperties.get(name)) : null;
        });
        store = new GlobalPropertySettingsStore(administrationService, FAKE_CIPHER);
    }

    private void storeAll(String url, String username, String password, String api, String orgUnit, String batchSize,
        String timeout) {
        globalProperties.put("dhis2sync.dhis2.url", url);
        globalProperties.put("dhis2sync.dhis2.username", username);
        globalProperties.put("dhis2sync.dhis2.password", password);
        globalProperties.put("dhis2sync.dhis2.api", api);
        globalProperties.put("dhis2sync.orgUnit.default", orgUnit);
        globalProperties.put("dhis2sync.batchSize", batchSize);
        globalProperties.put("dhis2sync.http.timeoutSeconds", timeout);
    }

    private static SettingsUpdate.Builder update() {
        return SettingsUpdate.builder().url("https://dhis2.example.org").username("sync").api("tracker")
            .defaultOrgUnitUid("DiszpKrYNg8").batchSize(500).timeoutSeconds(90);
    }

    @Test
    void readsTheDefaultsWhenNothingIsStoredYet() {
        assertThat(store.read()).isEqualTo(SyncSettings.defaults());
        assertThat(store.readSecret()).isEmpty();
    }

    @Test
    void readsBlankValuesOfSettingsWithDefaultsAsTheirDefault() {
        storeAll("", "", "", " ", "", "", "");

        assertThat(store.read()).isEqualTo(SyncSettings.defaults());
    }

    @Test
    void readsTheStoredSettingsWithoutTheSecret() {
        storeAll("https://dhis2.example.org/", "sync", FAKE_CIPHER.encrypt(SECRET), "legacy", "DiszpKrYNg8", "100", "30");

        SyncSettings settings = store.read();

        assertThat(settings).isEqualTo(
            new SyncSettings("https://dhis2.example.org", "sync", true, ApiChoice.LEGACY, "DiszpKrYNg8", 100, 30));
        assertThat(settings.toString()).doesNotContain(SECRET).doesNotContain(FAKE_CIPHER.encrypt(SECRET));
    }

    @Test
    void namesTheGlobalPropertyOfAnInvalidStoredValue() {
        storeAll("https://dhis2.example.org", "sync", "", "auto", "", "many", "60");

        InvalidSettingsException error = catchThrowableOfType(store::read, InvalidSettingsException.class);

        assertThat(error.getProblems()).containsOnlyKeys(SettingsField.BATCH_SIZE);
        assertThat(error.getMessage()).startsWith("Stored DHIS2 Sync settings are invalid")
            .contains("dhis2sync.batchSize").contains("'many'");
    }

    @Test
    void decryptsTheSecretForTheDhis2Client() {
        globalProperties.put("dhis2sync.dhis2.password", FAKE_CIPHER.encrypt(SECRET));

        assertThat(store.readSecret()).isEqualTo(Optional.of(SECRET));
    }

    @Test
    void reportsAnUndecryptableSecretWithoutRevealingIt() {
        globalProperties.put("dhis2sync.dhis2.password", "stored-under-another-key");

        SecretUnreadableException error = catchThrowableOfType(store::readSecret, SecretUnreadableException.class);

        assertThat(error.getMessage()).contains("dhis2sync.dhis2.password").contains("enter it again")
            .doesNotContain("stored-under-another-key");
        assertThat(error.getCause()).isNull();
    }

    @Test
    void writesEverySettingAndKeepsThePasswordWhenAbsent() {
        storeAll("", "", FAKE_CIPHER.encrypt(SECRET), "auto", "", "250", "60");

        store.write(update().build());

        verify(administrationService).updateGlobalProperty("dhis2sync.dhis2.url", "https://dhis2.example.org");
        verify(administrationService).updateGlobalProperty("dhis2sync.dhis2.username", "sync");
        verify(administrationService).updateGlobalProperty("dhis2sync.dhis2.api", "tracker");
        verify(administrationService).updateGlobalProperty("dhis2sync.orgUnit.default", "DiszpKrYNg8");
        verify(administrationService).updateGlobalProperty("dhis2sync.batchSize", "500");
        verify(administrationService).updateGlobalProperty("dhis2sync.http.timeoutSeconds", "90");
        verify(administrationService, never()).updateGlobalProperty(eq("dhis2sync.dhis2.password"), anyString());
        verify(administrationService, never()).setGlobalProperty(anyString(), anyString());
    }

    @Test
    void storesANewPasswordOnlyEncrypted() {
        storeAll("", "", "", "auto", "", "250", "60");

        store.write(update().password(SECRET).build());

        verify(administrationService).updateGlobalProperty("dhis2sync.dhis2.password", FAKE_CIPHER.encrypt(SECRET));
        verify(administrationService, never()).updateGlobalProperty(anyString(), eq(SECRET));
    }

    @Test
    void clearsThePasswordWhenEmpty() {
        storeAll("", "", FAKE_CIPHER.encrypt(SECRET), "auto", "", "250", "60");

        store.write(update().password("").build());

        verify(administrationService).updateGlobalProperty("dhis2sync.dhis2.password", "");
    }

    @Test
    void recreatesAGlobalPropertyThatWasDeleted() {
        storeAll("", "", "", "auto", "", "250", "60");
        globalProperties.remove("dhis2sync.batchSize");

        store.write(update().build());

        verify(administrationService).setGlobalProperty("dhis2sync.batchSize", "500");
        verify(administrationService, never()).updateGlobalProperty(eq("dhis2sync.batchSize"), anyString());
    }

    @Test
    void neverLogsTheSecret() {
        storeAll("", "", "", "auto", "", "250", "60");
        ByteArrayOutputStream logged = new ByteArrayOutputStream();
        PrintStream original = System.err;
        System.setErr(new PrintStream(logged, true, StandardCharsets.UTF_8));
        try {
            store.write(update().password(SECRET).build());
        }
        finally {
            System.setErr(original);
        }

        assertThat(logged.toString(StandardCharsets.UTF_8)).contains("DHIS2 Sync settings saved")
            .contains("password=REPLACE").doesNotContain(SECRET);
    }
}
