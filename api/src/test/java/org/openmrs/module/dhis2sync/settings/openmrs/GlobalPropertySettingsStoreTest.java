package org.openmrs.module.dhis2sync.settings.openmrs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openmrs.module.dhis2sync.dhis2.ApiChoice;
import org.openmrs.module.dhis2sync.settings.GlobalPropertyStore;
import org.openmrs.module.dhis2sync.settings.InvalidSettingsException;
import org.openmrs.module.dhis2sync.settings.SecretCipher;
import org.openmrs.module.dhis2sync.settings.SecretUnreadableException;
import org.openmrs.module.dhis2sync.settings.SettingsField;
import org.openmrs.module.dhis2sync.settings.SettingsUpdate;
import org.openmrs.module.dhis2sync.settings.SyncSettings;

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

    private final Map<String, String> globalProperties = new HashMap<>();
    /** Every write, "name=value", in order. */
    private final List<String> written = new ArrayList<>();

    private GlobalPropertySettingsStore store;

    @BeforeEach
    void setUp() {
        GlobalPropertyStore properties = new GlobalPropertyStore() {

            @Override
            public String get(String name) {
                return globalProperties.get(name);
            }

            @Override
            public void put(String name, String value) {
                written.add(name + "=" + value);
                globalProperties.put(name, value);
            }
        };
        store = new GlobalPropertySettingsStore(properties, FAKE_CIPHER);
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

        assertThat(written).containsExactlyInAnyOrder("dhis2sync.dhis2.url=https://dhis2.example.org",
            "dhis2sync.dhis2.username=sync", "dhis2sync.dhis2.api=tracker", "dhis2sync.orgUnit.default=DiszpKrYNg8",
            "dhis2sync.batchSize=500", "dhis2sync.http.timeoutSeconds=90");
        assertThat(globalProperties.get("dhis2sync.dhis2.password")).isEqualTo(FAKE_CIPHER.encrypt(SECRET));
    }

    @Test
    void storesANewPasswordOnlyEncrypted() {
        storeAll("", "", "", "auto", "", "250", "60");

        store.write(update().password(SECRET).build());

        assertThat(written).contains("dhis2sync.dhis2.password=" + FAKE_CIPHER.encrypt(SECRET))
            .noneMatch(line -> line.contains(SECRET));
    }

    @Test
    void clearsThePasswordWhenEmpty() {
        storeAll("", "", FAKE_CIPHER.encrypt(SECRET), "auto", "", "250", "60");

        store.write(update().password("").build());

        assertThat(written).contains("dhis2sync.dhis2.password=");
        assertThat(store.readSecret()).isEmpty();
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
