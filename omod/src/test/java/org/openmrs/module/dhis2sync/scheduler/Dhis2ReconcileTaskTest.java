package org.openmrs.module.dhis2sync.scheduler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.util.Collections;
import java.util.Date;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openmrs.module.dhis2sync.api.Dhis2SyncService;
import org.openmrs.module.dhis2sync.reconcile.Drift;
import org.openmrs.module.dhis2sync.reconcile.DriftKind;
import org.openmrs.module.dhis2sync.reconcile.ReconcileReport;
import org.openmrs.module.dhis2sync.reconcile.ReconcileResult;
import org.openmrs.module.dhis2sync.sync.RunState;
import org.openmrs.module.dhis2sync.tracking.SyncCategory;
import org.openmrs.module.dhis2sync.tracking.SyncStatus;
import org.slf4j.Logger;

class Dhis2ReconcileTaskTest {

    private final Dhis2SyncService service = mock(Dhis2SyncService.class);
    private final Logger log = mock(Logger.class);
    private final Dhis2ReconcileTask task = new Dhis2ReconcileTask(() -> service, log);

    private static ReconcileResult result(String mapping, SyncStatus status, ReconcileReport report) {
        return new ReconcileResult("RECONCILE", new RunState("run-" + mapping, "m-" + mapping, mapping, status,
                new Date(), new Date(), null, Collections.emptyList(), null), report);
    }

    private static ReconcileReport report(int missing) {
        Map<SyncCategory, Integer> checked = new EnumMap<>(SyncCategory.class);
        checked.put(SyncCategory.INSTANCE, 2);
        Map<DriftKind, Integer> counts = new EnumMap<>(DriftKind.class);
        counts.put(DriftKind.MISSING, missing);
        List<Drift> drifts = missing == 0 ? List.of() : List.of(new Drift(DriftKind.MISSING, SyncCategory.INSTANCE,
                "p-1", "TeUid000001", null, null, null));
        return new ReconcileReport(checked, counts, drifts);
    }

    @Test
    void reportsDriftAsAWarningAndACleanMappingAsInformation() {
        ReconcileReport drifted = report(1);
        ReconcileReport clean = report(0);
        when(service.runScheduledReconcile()).thenReturn(List.of(result("HTS", SyncStatus.DRIFT, drifted),
                result("ANC", SyncStatus.SUCCESS, clean)));

        task.execute();

        verify(log).warn("Scheduled DHIS2 reconcile of mapping '{}' found drift: {}; see the module's Logs screen"
                + " (run {})", "HTS", drifted.summary(), "run-HTS");
        verify(log).info("Scheduled DHIS2 reconcile of mapping '{}': DHIS2 holds what OpenMRS says ({})", "ANC",
                clean.summary());
        assertThat(drifted.summary()).startsWith("1 missing, 0 different, 0 extra of 2 patients");
        assertThat(task.isExecuting()).isFalse();
    }

    @Test
    void neverThrows() {
        IllegalStateException failure = new IllegalStateException("DHIS2 is not configured");
        when(service.runScheduledReconcile()).thenThrow(failure);

        assertThatCode(task::execute).doesNotThrowAnyException();

        verify(log).error(eq("Scheduled DHIS2 reconcile failed: {}"), eq(failure.toString()), eq(failure));
    }
}
