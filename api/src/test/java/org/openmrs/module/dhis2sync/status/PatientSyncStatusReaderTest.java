package org.openmrs.module.dhis2sync.status;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openmrs.module.dhis2sync.sync.SyncHarness.enrollment;
import static org.openmrs.module.dhis2sync.sync.SyncHarness.patient;
import static org.openmrs.module.dhis2sync.sync.SyncHarness.visit;
import static org.openmrs.module.dhis2sync.sync.SyncHarness.weight;

import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openmrs.module.dhis2sync.dhis2.ApiChoice;
import org.openmrs.module.dhis2sync.dhis2.fake.FakeDhis2;
import org.openmrs.module.dhis2sync.mapping.Mapping;
import org.openmrs.module.dhis2sync.mapping.MappingJson;
import org.openmrs.module.dhis2sync.mapping.MappingRegistry;
import org.openmrs.module.dhis2sync.mapping.MappingValidator;
import org.openmrs.module.dhis2sync.settings.SyncSettings;
import org.openmrs.module.dhis2sync.sync.InMemoryPatientDirectory;
import org.openmrs.module.dhis2sync.sync.PendingRecord;
import org.openmrs.module.dhis2sync.sync.RunRequest;
import org.openmrs.module.dhis2sync.sync.SyncHarness;
import org.openmrs.module.dhis2sync.tracking.FailedRecord;
import org.openmrs.module.dhis2sync.tracking.SyncCategory;

/**
 * One patient's status after a real run against the fake DHIS2: the tracker rows, DHIS2's refusal in its own words,
 * the link into DHIS2's Capture app, and what is pending now — the engine's preview of that patient alone.
 */
class PatientSyncStatusReaderTest {

    private static final String DHIS2_URL = "https://dhis2.example.org";

    private SyncHarness harness;
    private MappingRegistry registry;
    private Mapping mapping;
    private PatientSyncStatusReader reader;

    @BeforeEach
    void syncJaneAndAlex() {
        harness = SyncHarness.start(FakeDhis2.Version.V2_41, ApiChoice.AUTO);
        MappingValidator validator = new MappingValidator();
        registry = new MappingRegistry(harness.db.mappingDao(), new MappingJson(validator), validator);
        mapping = harness.db.inTransaction(() -> registry.create(SyncHarness.mapping(false), "admin"));
        reader = new PatientSyncStatusReader(new InMemoryPatientDirectory(harness.openmrs)
                .name(SyncHarness.PROGRAM_UUID, "HIV Testing Services"), registry, harness.store,
                harness.db.failedRecordDao(), harness.runner);
        harness.openmrs.putPatient(patient("p-jane", "NAT-001", "Jane", "F"));
        harness.openmrs.putEnrollment(enrollment("pp-jane", "p-jane", "2025-01-10", null));
        harness.openmrs.putEncounter(visit("enc-jane", "p-jane", "2025-02-01", weight("62")));
        harness.openmrs.putPatient(patient("p-alex", "NAT-002", "Alex", "O")); // DHIS2 refuses gender "O"
        harness.openmrs.putEnrollment(enrollment("pp-alex", "p-alex", "2025-01-11", null));
        harness.tick(Duration.ofHours(1));
        harness.runner.runNow(new RunRequest(mapping.getUuid(), SyncHarness.mapping(false), "admin", "first"), "test");
    }

    @AfterEach
    void stop() {
        harness.close();
    }

    private PatientSyncStatus status(String patientUuid) {
        SyncSettings settings = new SyncSettings(DHIS2_URL, "admin", true, ApiChoice.AUTO, "", 50, 10);
        return harness.db.inTransaction(() -> reader.read(patientUuid, settings, "admin"));
    }

    @Test
    void aSentPatientHasItsUidsALinkIntoCaptureAndOnlyItsOwnPendingRecords() {
        harness.tick(Duration.ofHours(1));
        harness.openmrs.putEncounter(visit("enc-jane", "p-jane", "2025-02-01", weight("63")));

        PatientSyncStatus status = status("p-jane");

        assertThat(status.getPatient().getName()).isEqualTo("Jane Doe");
        assertThat(status.getPatient().getIdentifier()).isEqualTo("NAT-001");
        String teUid = status.getTrackedEntity().getDhis2Uid();
        assertThat(harness.dhis2.trackedEntity(teUid)).isPresent();
        assertThat(status.getTrackedEntity().isConfirmed()).isTrue();
        assertThat(status.getTrackedEntity().getLastConfirmed()).isNotNull();
        assertThat(status.getMappings()).hasSize(1);
        MappingSyncStatus hts = status.getMappings().get(0);
        assertThat(hts.getMappingName()).isEqualTo("HTS Service");
        SentRecord enrollment = hts.getEnrollments().get(0);
        assertThat(enrollment.getStatus()).isEqualTo("ACTIVE");
        assertThat(enrollment.getCaptureUrl()).isEqualTo(DHIS2_URL + "/dhis-web-capture/index.html#/enrollment"
                + "?enrollmentId=" + enrollment.getDhis2Uid() + "&orgUnitId=" + SyncHarness.ORG_UNIT + "&programId="
                + SyncHarness.PROGRAM + "&teiId=" + teUid);
        assertThat(hts.getEvents()).extracting(SentRecord::getOpenmrsUuid).containsExactly("enc-jane");
        assertThat(hts.getEvents().get(0).getProgramStageUid()).isEqualTo(SyncHarness.STAGE);
        assertThat(hts.getFailures()).isEmpty();
        assertThat(hts.getPendingProblem()).isNull();
        assertThat(hts.getPending()).extracting(PendingRecord::getOpenmrsUuid).containsExactly("enc-jane");
        assertThat(hts.getPending().get(0).getDecision().name()).isEqualTo("UPDATE");
    }

    @Test
    void aRefusedPatientShowsDhis2sMessageAndWhatTheNextRunRetries() {
        PatientSyncStatus status = status("p-alex");

        MappingSyncStatus hts = status.getMappings().get(0);
        assertThat(hts.getFailures()).extracting(FailedRecord::getCategory).contains(SyncCategory.INSTANCE);
        FailedRecord refused = hts.getFailures().stream().filter(f -> f.getCategory() == SyncCategory.INSTANCE)
                .findFirst().orElseThrow();
        assertThat(refused.getMessage()).contains("O");
        assertThat(hts.getEnrollments().get(0).getDhis2Uid()).as("never sent").isNull();
        assertThat(hts.getPending()).extracting(PendingRecord::getOpenmrsUuid).contains("p-alex")
                .doesNotContain("p-jane", "enc-jane");
    }

    @Test
    void anUnknownPatientHasNoStatus() {
        assertThat(status("p-nobody")).isNull();
    }
}
