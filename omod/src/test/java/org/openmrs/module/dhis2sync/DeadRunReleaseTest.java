package org.openmrs.module.dhis2sync;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.mockito.ArgumentMatchers.contains;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.openmrs.module.dhis2sync.api.Dhis2SyncService;
import org.slf4j.Logger;

class DeadRunReleaseTest {

    private final Logger log = mock(Logger.class);
    private final Dhis2SyncService service = mock(Dhis2SyncService.class);

    @Test
    void logsTheRunsItFreed() {
        when(service.releaseDeadRuns()).thenReturn(List.of("run-1", "run-2"));

        new DeadRunRelease(() -> service, log).run();

        verify(log).warn("DHIS2 Sync freed the locks of {} run(s) that died with the previous start of this server"
                + " and marked them interrupted in the log: {}", 2, List.of("run-1", "run-2"));
    }

    @Test
    void saysNothingWhenNoRunDied() {
        when(service.releaseDeadRuns()).thenReturn(Collections.emptyList());

        new DeadRunRelease(() -> service, log).run();

        verifyNoInteractions(log);
    }

    @Test
    void aFailureNeverEscapesTheModuleStart() {
        when(service.releaseDeadRuns()).thenThrow(new IllegalStateException("database unavailable"));

        assertThatCode(() -> new DeadRunRelease(() -> service, log).run()).doesNotThrowAnyException();

        verify(log).warn(eq("DHIS2 Sync could not free the locks of runs that died with the previous start of this"
                + " server ({}); a start of such a mapping frees its lock itself"), contains("database unavailable"));
        verify(log, never()).info(org.mockito.ArgumentMatchers.anyString());
    }

    @Test
    void noOpenmrsContextIsAFailureLikeAnyOther() {
        DeadRunRelease release = new DeadRunRelease(() -> {
            throw new UnsupportedOperationException("no OpenMRS context");
        }, log);

        assertThatCode(release::run).doesNotThrowAnyException();

        verify(log).warn(eq("DHIS2 Sync could not free the locks of runs that died with the previous start of this"
                + " server ({}); a start of such a mapping frees its lock itself"), contains("no OpenMRS context"));
    }
}
