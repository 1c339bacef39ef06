package org.openmrs.module.dhis2sync.scheduler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.util.Collections;
import java.util.Date;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.openmrs.module.dhis2sync.api.Dhis2SyncService;
import org.openmrs.module.dhis2sync.sync.RunState;
import org.openmrs.module.dhis2sync.tracking.SyncStatus;
import org.slf4j.Logger;

class Dhis2SyncTaskTest {

    private final Dhis2SyncService service = mock(Dhis2SyncService.class);
    private final Logger log = mock(Logger.class);
    private final Dhis2SyncTask task = new Dhis2SyncTask(() -> service, log);

    @Test
    void syncsEveryActiveMappingAndLogsEachOutcome() {
        RunState done = new RunState("run-1", "m-1", "HTS Service", SyncStatus.PARTIAL, new Date(), new Date(), null,
                Collections.emptyList(), "1 record(s) were refused");
        when(service.runScheduledSync()).thenReturn(List.of(done));

        task.execute();

        verify(service).runScheduledSync();
        verify(log).info("Scheduled DHIS2 sync of mapping '{}' ended {}{}", "HTS Service", SyncStatus.PARTIAL,
                ": 1 record(s) were refused");
        assertThat(task.isExecuting()).isFalse();
    }

    @Test
    void saysSoWhenThereWasNothingToSync() {
        when(service.runScheduledSync()).thenReturn(Collections.emptyList());

        task.execute();

        verify(log).info("Scheduled DHIS2 sync: no active mapping to sync (or all were running)");
    }

    @Test
    void neverThrows() {
        IllegalStateException failure = new IllegalStateException("DHIS2 is not configured");
        when(service.runScheduledSync()).thenThrow(failure);

        assertThatCode(task::execute).doesNotThrowAnyException();

        verify(log).error(eq("Scheduled DHIS2 sync failed: {}"), eq(failure.toString()), eq(failure));
        assertThat(task.isExecuting()).isFalse();
    }

    @Test
    void theTaskOpenmrsCreatesDoesNotThrowOutsideOpenmrs() {
        // the OpenMRS Context here is only a declaration that throws: execute() must still return
        assertThatCode(() -> new Dhis2SyncTask().execute()).doesNotThrowAnyException();
    }
}
