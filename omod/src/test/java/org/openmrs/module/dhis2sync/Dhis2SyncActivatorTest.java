package org.openmrs.module.dhis2sync;

import org.openmrs.module.dhis2sync.api.openmrs.DaemonTokenHolder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.contains;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;
import org.openmrs.module.DaemonToken;
import org.openmrs.module.dhis2sync.dhis2.ApiChoice;
import org.openmrs.module.dhis2sync.settings.InvalidSettingsException;
import org.openmrs.module.dhis2sync.settings.SettingsField;
import org.openmrs.module.dhis2sync.settings.SyncSettings;
import org.slf4j.Logger;

class Dhis2SyncActivatorTest {

    private final Logger log = mock(Logger.class);
    private final DaemonTokenHolder tokens = new DaemonTokenHolder();

    private final List<Runnable> backgroundWork = new ArrayList<>();
    private final Runnable taskRegistration = () -> { };
    private final Runnable deadRunRelease = () -> { };

    private Dhis2SyncActivator activator(Supplier<SyncSettings> settings) {
        return new Dhis2SyncActivator(settings, tokens, log, backgroundWork::add, taskRegistration, deadRunRelease);
    }

    @Test
    void logsTheStartAndWhereItSends() {
        SyncSettings configured = new SyncSettings("https://dhis2.example.org", "sync", true, ApiChoice.TRACKER, "",
            250, 60);

        activator(() -> configured).started();

        verify(log).info("DHIS2 Sync started");
        verify(log).info("DHIS2 Sync sends to {} (API: {}, batch size {}, timeout {} s)", "https://dhis2.example.org",
            "tracker", 250, 60);
        verify(log, never()).warn(anyString());
    }

    @Test
    void warnsWhenNotConfiguredYet() {
        activator(SyncSettings::defaults).started();

        verify(log).info("DHIS2 Sync started");
        verify(log).warn("DHIS2 Sync is not configured yet: set the DHIS2 URL and credentials in its settings");
    }

    @Test
    void invalidSettingsDoNotStopTheStart() {
        InvalidSettingsException invalid = new InvalidSettingsException("Stored DHIS2 Sync settings are invalid",
            Collections.singletonMap(SettingsField.BATCH_SIZE, "must be a whole number from 1 to 1000, was 'x'"));

        assertThatCode(() -> activator(() -> {
            throw invalid;
        }).started()).doesNotThrowAnyException();

        verify(log).warn("DHIS2 Sync started with invalid settings; fix them before syncing. {}", invalid.getMessage());
    }

    @Test
    void aFailingDependencyDoesNotEscape() {
        IllegalStateException failure = new IllegalStateException("database unavailable");

        assertThatCode(() -> activator(() -> {
            throw failure;
        }).started()).doesNotThrowAnyException();

        verify(log).warn(eq("DHIS2 Sync started, but its settings could not be read: {}"),
            contains("database unavailable"), eq(failure));
    }

    @Test
    void theActivatorOpenmrsCreatesStartsEvenWithoutAnOpenmrsContext() {
        // here the OpenMRS Context is only a declaration that throws: the start must still complete
        assertThatCode(() -> new Dhis2SyncActivator().started()).doesNotThrowAnyException();
    }

    @Test
    void keepsTheLatestDaemonTokenUntilStopped() {
        Dhis2SyncActivator activator = activator(SyncSettings::defaults);
        DaemonToken first = new DaemonToken("dhis2sync");
        DaemonToken second = new DaemonToken("dhis2sync");

        activator.setDaemonToken(first);
        activator.setDaemonToken(second);
        assertThat(tokens.current()).containsSame(second);

        activator.stopped();
        assertThat(tokens.current()).isEmpty();
        verify(log).info("DHIS2 Sync stopped");
    }

    @Test
    void theActivatorOpenmrsCreatesSharesItsTokenWithTheWebLayer() {
        DaemonToken token = new DaemonToken("dhis2sync");
        Dhis2SyncActivator activator = new Dhis2SyncActivator();

        activator.setDaemonToken(token);
        try {
            assertThat(DaemonTokenHolder.shared().current()).containsSame(token);
        }
        finally {
            activator.stopped();
        }
        assertThat(DaemonTokenHolder.shared().current()).isEmpty();
    }

    @Test
    void checksTheSchedulerTaskAndFreesDeadRunsInTheBackgroundOnStart() {
        activator(SyncSettings::defaults).started();

        assertThat(backgroundWork).containsExactly(taskRegistration, deadRunRelease);
    }

    @Test
    void aRefusedBackgroundCheckDoesNotStopTheStart() {
        Dhis2SyncActivator activator = new Dhis2SyncActivator(SyncSettings::defaults, tokens, log, command -> {
            throw new RejectedExecutionException("no daemon token");
        }, taskRegistration, deadRunRelease);

        assertThatCode(activator::started).doesNotThrowAnyException();

        verify(log).warn("DHIS2 Sync could not check its scheduler task '{}': {}", "DHIS2 Sync", "no daemon token");
        verify(log).warn("DHIS2 Sync could not free the locks of runs that died with its previous start: {}",
            "no daemon token");
    }
}
