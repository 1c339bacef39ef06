package org.openmrs.module.dhis2sync.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import java.lang.reflect.Method;

import org.junit.jupiter.api.Test;
import org.openmrs.annotation.Authorized;
import org.openmrs.module.dhis2sync.settings.Dhis2ClientFactory;
import org.openmrs.module.dhis2sync.settings.SettingsStore;
import org.openmrs.module.dhis2sync.settings.SettingsUpdate;
import org.openmrs.module.dhis2sync.settings.SyncSettings;
import org.springframework.transaction.annotation.AnnotationTransactionAttributeSource;
import org.springframework.transaction.interceptor.TransactionAttribute;

class Dhis2SyncServiceImplTest {

    private final SettingsStore store = mock(SettingsStore.class);

    private final Dhis2SyncServiceImpl service = new Dhis2SyncServiceImpl(
            new SettingsAdmin(store, mock(Dhis2ClientFactory.class)), null, null, null, null, null, null, null, null,
            null); // only the settings are asked here

    @Test
    void readsTheSettingsFromTheStore() {
        when(store.read()).thenReturn(SyncSettings.defaults());

        assertThat(service.getSettings()).isEqualTo(SyncSettings.defaults());
    }

    @Test
    void savesTheUpdateThroughTheStore() {
        SettingsUpdate update = SettingsUpdate.builder().url("").username("").api("auto").defaultOrgUnitUid("")
            .batchSize(250).timeoutSeconds(60).build();

        service.saveSettings(update);

        verify(store).write(update);
    }

    @Test
    void refusesAMissingUpdate() {
        assertThatThrownBy(() -> service.saveSettings(null)).isInstanceOf(IllegalArgumentException.class)
            .hasMessage("settings update is required");
        verifyNoInteractions(store);
    }

    @Test
    void everyServiceMethodRequiresOneOfTheModulesPrivileges() {
        for (Method method : Dhis2SyncService.class.getDeclaredMethods()) {
            Authorized authorized = method.getAnnotation(Authorized.class);

            assertThat(authorized).as("@Authorized on %s", method.getName()).isNotNull();
            assertThat(authorized.value()).as("privileges of %s", method.getName()).isNotEmpty()
                .allMatch(Dhis2SyncPrivileges.all()::contains);
        }
    }

    @Test
    void settingsNeedTheSettingsPrivilege() throws NoSuchMethodException {
        assertThat(Dhis2SyncService.class.getMethod("getSettings").getAnnotation(Authorized.class).value())
            .containsExactly("Manage DHIS2 Sync Settings");
        assertThat(Dhis2SyncService.class.getMethod("saveSettings", SettingsUpdate.class)
            .getAnnotation(Authorized.class).value()).containsExactly("Manage DHIS2 Sync Settings");
    }

    @Test
    void writesRunInAReadWriteTransactionAndReadsInAReadOnlyOne() throws NoSuchMethodException {
        AnnotationTransactionAttributeSource source = new AnnotationTransactionAttributeSource();

        TransactionAttribute save = source.getTransactionAttribute(
            Dhis2SyncServiceImpl.class.getMethod("saveSettings", SettingsUpdate.class), Dhis2SyncServiceImpl.class);
        TransactionAttribute get = source.getTransactionAttribute(
            Dhis2SyncServiceImpl.class.getMethod("getSettings"), Dhis2SyncServiceImpl.class);

        assertThat(save.isReadOnly()).isFalse();
        assertThat(get.isReadOnly()).isTrue();
    }

    @Test
    void privilegesAreTheFourOfTheDesign() {
        assertThat(Dhis2SyncPrivileges.all()).containsExactly("Manage DHIS2 Sync Mappings", "Run DHIS2 Sync",
            "View DHIS2 Sync Logs", "Manage DHIS2 Sync Settings");
    }
}
