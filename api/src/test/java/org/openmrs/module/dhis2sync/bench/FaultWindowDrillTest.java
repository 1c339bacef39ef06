package org.openmrs.module.dhis2sync.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openmrs.module.dhis2sync.dhis2.fake.FakeDhis2;
import org.openmrs.module.dhis2sync.sync.RunState;
import org.openmrs.module.dhis2sync.testsupport.TrackingDatabase;
import org.openmrs.module.dhis2sync.tracking.SyncCategory;
import org.openmrs.module.dhis2sync.tracking.SyncStatus;

/**
 * Issue 8's fault drill: DHIS2 fails for a window in the middle of a run — 503 on every attempt of a request (the
 * client retries twice), or a reply stalled past the client's read timeout (not retried; the fake still imports it
 * afterwards, as a slow DHIS2 does). The run must end FAILED with the markers where they were, and the next run must
 * send everything, each record once.
 */
class FaultWindowDrillTest {

    private static final int BATCH = 20;

    @TempDir
    Path dir;

    /**
     * @param afterRequests requests answered normally before the fault: 2 falls in the patients step, 9 in the
     *                      enrollments step, 20 in the events step (60 new patients, batches of 20)
     */
    @ParameterizedTest(name = "{0} after {1} requests")
    @CsvSource({"503, 2", "503, 9", "503, 20", "timeout, 2", "timeout, 9", "timeout, 20"})
    void aRunFailingMidwayMovesNoMarkerAndTheNextSendsEverythingOnce(String fault, int afterRequests) throws Exception {
        AtomicLong clock = new AtomicLong(LocalDateTime.of(2026, 1, 1, 8, 0).atZone(ZoneId.systemDefault())
                .toInstant().toEpochMilli());
        SyntheticClinicalSource source = new SyntheticClinicalSource(60, new Date(clock.get() - 60_000));
        TrackingDatabase db = BenchInstallation.newDatabase(dir.resolve("db"), false);
        try (FakeDhis2 dhis2 = FakeDhis2.start(FakeDhis2.Version.V2_41);
                BenchInstallation module = new BenchInstallation(db, source, BenchInstallation.connection(dhis2.baseUrl())
                        .withRetries(2, Duration.ofMillis(10))
                        .withTimeouts(Duration.ofSeconds(2), Duration.ofMillis(1_500)), BATCH,
                        () -> new Date(clock.get()), Runnable::run)) {
            BenchMapping.addTo(dhis2.metadata());
            clock.addAndGet(3_600_000);
            assertThat(module.runNow("scheduler").getStatus()).isEqualTo(SyncStatus.SUCCESS);
            Map<SyncCategory, Date> markers = markers(module);

            source.grow(120, new Date(clock.get() + 60_000));
            clock.addAndGet(3_600_000);
            if (fault.equals("503")) {
                // three answers of 503: the request and its two retries; the window closes after them
                dhis2.failNext(3, 503, afterRequests);
            } else {
                dhis2.stallNext(1, Duration.ofMillis(4_000), afterRequests);
            }
            RunState failed = module.runNow("scheduler");

            assertThat(failed.getStatus()).isEqualTo(SyncStatus.FAILED);
            assertThat(failed.getStatusInfo()).contains(fault.equals("503") ? "HTTP 503" : "read timeout")
                    .contains("the markers did not move");
            assertThat(markers(module)).isEqualTo(markers);

            Thread.sleep(4_500); // the stalled request finishes inside the fake (DHIS2 still imports what it got)
            clock.addAndGet(3_600_000);
            assertThat(module.runNow("scheduler").getStatus()).isEqualTo(SyncStatus.SUCCESS);
            assertThat(markers(module).get(SyncCategory.EVENT)).isAfter(markers.get(SyncCategory.EVENT));
            DrillChecks.assertExactlyOnce(dhis2, db, 120);
        } finally {
            db.close();
        }
    }

    private static Map<SyncCategory, Date> markers(BenchInstallation module) {
        Map<SyncCategory, Date> markers = new EnumMap<>(SyncCategory.class);
        for (SyncCategory category : SyncCategory.values()) {
            markers.put(category, module.store.marker(BenchMapping.MAPPING_UUID, category));
        }
        return markers;
    }
}
