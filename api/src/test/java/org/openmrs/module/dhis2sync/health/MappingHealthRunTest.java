package org.openmrs.module.dhis2sync.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;
import static org.openmrs.module.dhis2sync.sync.SyncHarness.enrollment;
import static org.openmrs.module.dhis2sync.sync.SyncHarness.patient;
import static org.openmrs.module.dhis2sync.sync.SyncHarness.result;
import static org.openmrs.module.dhis2sync.sync.SyncHarness.visit;
import static org.openmrs.module.dhis2sync.sync.SyncHarness.weight;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.openmrs.module.dhis2sync.dhis2.ApiChoice;
import org.openmrs.module.dhis2sync.dhis2.fake.FakeDhis2;
import org.openmrs.module.dhis2sync.mapping.MappingConfig;
import org.openmrs.module.dhis2sync.mapping.MappingJson;
import org.openmrs.module.dhis2sync.metadata.MappingMetadataReader;
import org.openmrs.module.dhis2sync.source.ConceptItem;
import org.openmrs.module.dhis2sync.source.SourceMetadata;
import org.openmrs.module.dhis2sync.sync.RunRequest;
import org.openmrs.module.dhis2sync.sync.RunState;
import org.openmrs.module.dhis2sync.sync.SyncHarness;
import org.openmrs.module.dhis2sync.sync.SyncRunner;
import org.openmrs.module.dhis2sync.tracking.SyncStatus;

/**
 * The health check as the runner's pre-check, over HTTP against the fake DHIS2: a healthy mapping runs, reading
 * DHIS2's metadata in the same few requests whatever the number of records; a broken one stops before anything is
 * read from OpenMRS or sent, naming the field, and its markers stay so that the corrected mapping sends everything.
 */
class MappingHealthRunTest {

    private SyncHarness harness;
    private SyncRunner runner;

    static Stream<Arguments> apis() {
        return Stream.of(Arguments.of("2.41, deprecated API", FakeDhis2.Version.V2_41, ApiChoice.LEGACY),
                Arguments.of("2.42, tracker API", FakeDhis2.Version.V2_42, ApiChoice.AUTO));
    }

    @AfterEach
    void stop() {
        if (harness != null) {
            harness.close();
        }
    }

    private void start(FakeDhis2.Version version, ApiChoice api, int patients) {
        harness = SyncHarness.start(version, api);
        SourceMetadata openmrs = mock(SourceMetadata.class);
        Map<String, ConceptItem> concepts = new LinkedHashMap<>();
        concepts.put(SyncHarness.WEIGHT, new ConceptItem(SyncHarness.WEIGHT, "Weight", "Numeric", null, null));
        concepts.put(SyncHarness.NOTE, new ConceptItem(SyncHarness.NOTE, "Note", "Text", null, null));
        concepts.put(SyncHarness.RESULT, new ConceptItem(SyncHarness.RESULT, "HIV test result", "Coded", null, null));
        when(openmrs.conceptsByUuid(any())).thenReturn(concepts);
        MappingHealth health = new MappingHealth(new MappingMetadataReader(openmrs), harness.store, harness::now);
        runner = new SyncRunner(harness.engine, harness.db.getTransactions(), harness.db.syncLogDao(),
                harness.db.runLockDao(), harness.clients, harness::settings, Runnable::run, harness::now, health);
        for (int i = 1; i <= patients; i++) {
            String uuid = "p-" + i;
            harness.openmrs.putPatient(patient(uuid, String.format("NAT-%03d", i), "Jane", "F"));
            harness.openmrs.putEnrollment(enrollment("pp-" + i, uuid, "2025-01-10", null));
            harness.openmrs.putEncounter(visit("enc-" + i, uuid, "2025-02-01", weight("60"),
                    result(SyncHarness.POSITIVE, "Positive")));
        }
    }

    private RunState run(MappingConfig mapping) {
        harness.tick(Duration.ofHours(1));
        return runner.runNow(new RunRequest(harness.mappingUuid, mapping, "admin", "test"), "test");
    }

    private int metadataRequests() {
        return harness.dhis2.requestCountsByKind().entrySet().stream()
                .filter(e -> e.getKey().matches("GET /api/(programs|optionSets|organisationUnits|me).*"))
                .mapToInt(Map.Entry::getValue).sum();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("apis")
    void aHealthyMappingReadsDhis2sMetadataInTheSameFewRequestsWhateverTheNumberOfRecords(String name,
            FakeDhis2.Version version, ApiChoice api) {
        start(version, api, 1);
        harness.dhis2.clearRequests();
        assertThat(run(SyncHarness.mapping(false)).getStatus()).isEqualTo(SyncStatus.SUCCESS);
        int forOne = metadataRequests();
        harness.close();

        start(version, api, 30);
        harness.dhis2.clearRequests();
        RunState many = run(SyncHarness.mapping(false));

        assertThat(many.getStatus()).as(String.valueOf(many.getStatusInfo())).isEqualTo(SyncStatus.SUCCESS);
        assertThat(metadataRequests()).as("program, option sets, org units, the user's org units").isEqualTo(forOne)
                .isLessThanOrEqualTo(5);
        assertThat(harness.dhis2.trackedEntities()).hasSize(30);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("apis")
    void aBrokenMappingStopsBeforeSendingNamingTheFieldAndTheCorrectedOneSendsEverything(String name,
            FakeDhis2.Version version, ApiChoice api) {
        start(version, api, 3);
        MappingJson json = new MappingJson();
        MappingConfig broken = json.read(json.write(SyncHarness.mapping(false))
                .replace("\"POSITIVE\"", "\"POS\""));
        harness.dhis2.clearRequests();

        RunState failed = run(broken);

        assertThat(failed.getStatus()).isEqualTo(SyncStatus.FAILED);
        assertThat(failed.getStatusInfo()).contains("events[0].dataElements[2].answers." + SyncHarness.POSITIVE
                + ": 'POS' is not a code of option set").contains("nothing was sent");
        assertThat(harness.dhis2.requests()).noneMatch(r -> r.method().equals("POST"));
        assertThat(harness.dhis2.trackedEntities()).isEmpty();

        RunState corrected = run(SyncHarness.mapping(false));

        assertThat(corrected.getStatus()).as(String.valueOf(corrected.getStatusInfo())).isEqualTo(SyncStatus.SUCCESS);
        assertThat(harness.dhis2.trackedEntities()).hasSize(3);
        assertThat(harness.dhis2.events()).hasSize(3);
    }
}
