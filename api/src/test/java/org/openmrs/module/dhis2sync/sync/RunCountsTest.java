package org.openmrs.module.dhis2sync.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openmrs.module.dhis2sync.sync.SyncHarness.enrollment;
import static org.openmrs.module.dhis2sync.sync.SyncHarness.patient;
import static org.openmrs.module.dhis2sync.sync.SyncHarness.visit;
import static org.openmrs.module.dhis2sync.sync.SyncHarness.weight;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openmrs.module.dhis2sync.dhis2.ApiChoice;
import org.openmrs.module.dhis2sync.dhis2.fake.FakeDhis2;
import org.openmrs.module.dhis2sync.tracking.SyncCategory;
import org.openmrs.module.dhis2sync.tracking.SyncStatus;

/**
 * A run's counts add up: in every category, the records looked at cover those created, updated or refused, and
 * never exceed the total; also for the records a run sends outside a category's delta (a patient sent first for its
 * enrollment, the earlier encounters of an enrollment created in this run).
 */
class RunCountsTest {

    private SyncHarness harness;

    @AfterEach
    void stop() {
        if (harness != null) {
            harness.close();
        }
    }

    @Test
    void recordsSentOutsideTheirDeltaAreCountedAsLookedAt() {
        harness = SyncHarness.start(FakeDhis2.Version.V2_41, ApiChoice.AUTO);
        harness.openmrs.putPatient(patient("p-1", "NAT-001", "Jane", "F"));
        harness.openmrs.putEnrollment(enrollment("pp-1", "p-1", "2025-01-10", null));
        harness.openmrs.putEncounter(visit("enc-1", "p-1", "2025-02-01", weight("62")));
        // Bob is registered and has a visit, but is enrolled in the program only after the first run
        harness.openmrs.putPatient(patient("p-2", "NAT-002", "Bob", "M"));
        harness.openmrs.putEncounter(visit("enc-2", "p-2", "2025-02-02", weight("80")));
        assertAddsUp(harness.sync());

        harness.tick(java.time.Duration.ofHours(1));
        harness.openmrs.putEnrollment(enrollment("pp-2", "p-2", "2025-01-15", null));
        RunState second = harness.sync();

        assertThat(second.getStatus()).as(String.valueOf(second.getStatusInfo())).isEqualTo(SyncStatus.SUCCESS);
        CategoryCounts patients = second.getProgress().get(SyncCategory.INSTANCE);
        CategoryCounts events = second.getProgress().get(SyncCategory.EVENT);
        assertThat(patients.getCreated()).as("Bob, sent for his enrollment").isEqualTo(1);
        assertThat(events.getCreated()).as("Bob's earlier visit, sent with his new enrollment").isEqualTo(1);
        assertAddsUp(second);
    }

    private static void assertAddsUp(RunState run) {
        for (SyncCategory category : SyncCategory.values()) {
            CategoryCounts c = run.getProgress().get(category);
            assertThat(c.getDone()).as(category + " looked at vs created + updated + failed")
                    .isGreaterThanOrEqualTo(c.getCreated() + c.getUpdated() + c.getFailed());
            assertThat(c.getDone()).as(category + " looked at vs total").isLessThanOrEqualTo(c.getTotal());
        }
        assertThat(run.getProgress().getPercent()).isEqualTo(100);
    }
}
