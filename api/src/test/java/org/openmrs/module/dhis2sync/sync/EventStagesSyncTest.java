package org.openmrs.module.dhis2sync.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openmrs.module.dhis2sync.sync.SyncHarness.enrollment;
import static org.openmrs.module.dhis2sync.sync.SyncHarness.patient;
import static org.openmrs.module.dhis2sync.sync.SyncHarness.visit;
import static org.openmrs.module.dhis2sync.sync.SyncHarness.weight;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.openmrs.module.dhis2sync.dhis2.ApiChoice;
import org.openmrs.module.dhis2sync.dhis2.fake.FakeDhis2;
import org.openmrs.module.dhis2sync.dhis2.fake.FakeEvent;
import org.openmrs.module.dhis2sync.dhis2.fake.Metadata;
import org.openmrs.module.dhis2sync.mapping.DataElementMapping;
import org.openmrs.module.dhis2sync.mapping.Dhis2ValueType;
import org.openmrs.module.dhis2sync.mapping.MappingConfig;
import org.openmrs.module.dhis2sync.mapping.StageMapping;
import org.openmrs.module.dhis2sync.source.EncounterFeed;
import org.openmrs.module.dhis2sync.source.ObsValue;
import org.openmrs.module.dhis2sync.tracking.EventTracker;
import org.openmrs.module.dhis2sync.tracking.FailedRecord;
import org.openmrs.module.dhis2sync.tracking.FailureKey;
import org.openmrs.module.dhis2sync.tracking.SyncStatus;

/**
 * Issue 13, points 2 and 4: one encounter feeding two stages (a visit and a Bahmni lab form), each event going
 * through or failing on its own, and a form cleared in OpenMRS clearing its event in DHIS2 — on both API generations.
 */
class EventStagesSyncTest {

    private static final String LAB = "StgLab00001";
    private static final String LAB_FORM = "Lab Form";

    private SyncHarness harness;

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

    /** DHIS2's program gains a lab stage holding those data elements. */
    private void labStageInDhis2(String... dataElements) {
        Metadata metadata = harness.dhis2.metadata();
        Metadata.Program program = metadata.program(SyncHarness.PROGRAM).orElseThrow();
        List<Metadata.ProgramStage> stages = new ArrayList<>();
        for (Metadata.ProgramStage stage : program.stages()) {
            if (!stage.id().equals(LAB)) {
                stages.add(stage);
            }
        }
        stages.add(new Metadata.ProgramStage(LAB, "Verify Lab", true, List.of(dataElements)));
        metadata.addProgram(new Metadata.Program(program.id(), program.name(), program.trackedEntityType(),
                program.onlyEnrollOnce(), program.displayIncidentDate(), program.attributes(), stages,
                program.orgUnits()));
    }

    /** The harness's mapping with a second stage. */
    private static MappingConfig withLabStage(StageMapping lab) {
        MappingConfig base = SyncHarness.mapping(true);
        List<StageMapping> stages = new ArrayList<>(base.getEvents());
        stages.add(lab);
        return new MappingConfig(base.getName(), base.getOpenmrsProgramUuid(), base.getDhis2ProgramUid(),
                base.getTrackedEntityTypeUid(), base.getInstance(), base.getEnrollment(), stages);
    }

    private FakeEvent eventOf(String encounter, String stage) {
        EventTracker tracker = harness.store.eventTrackers(List.of(encounter)).stream()
                .filter(t -> t.getProgramStageUid().equals(stage)).findFirst().orElseThrow();
        return harness.dhis2.event(tracker.getEventUid()).orElseThrow();
    }

    private FailedRecord failure(String encounter, String stage) {
        return harness.db.inTransaction(() -> harness.db.failedRecordDao().find(harness.mappingUuid,
                FailureKey.event(encounter, stage)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("apis")
    void theStageDhis2RefusesKeepsItsFailureWhileTheOtherStageOfTheEncounterGoesThrough(String name,
            FakeDhis2.Version version, ApiChoice api) {
        harness = SyncHarness.start(version, api);
        // DHIS2's lab stage lacks the weight the mapping sends to it: DHIS2 refuses the lab event
        labStageInDhis2("DeResultOs1");
        harness.setMapping(withLabStage(new StageMapping(LAB, EncounterFeed.encounterType(SyncHarness.VISIT_TYPE),
                List.of(new DataElementMapping(SyncHarness.WEIGHT, "DeWeightKg1", Dhis2ValueType.NUMBER, null)))));
        harness.openmrs.putPatient(patient("p-1", "NAT-001", "Jane", "F"));
        harness.openmrs.putEnrollment(enrollment("pp-1", "p-1", "2025-01-10", null));
        harness.openmrs.putEncounter(visit("enc-1", "p-1", "2025-02-01", weight("60")));

        RunState first = harness.sync();

        assertThat(first.getStatus()).isEqualTo(SyncStatus.PARTIAL);
        assertThat(eventOf("enc-1", SyncHarness.STAGE).dataValues()).containsEntry("DeWeightKg1", "60");
        assertThat(failure("enc-1", SyncHarness.STAGE)).isNull();
        assertThat(failure("enc-1", LAB)).as("the lab event's refusal, not cleared by the visit's success").isNotNull();
        assertThat(failure("enc-1", LAB).getMessage()).contains("DeWeightKg1");

        RunState again = harness.sync();

        assertThat(again.getStatus()).isEqualTo(SyncStatus.PARTIAL);
        assertThat(failure("enc-1", LAB).getAttempts()).as("retried by the next run").isEqualTo(2);

        labStageInDhis2("DeResultOs1", "DeWeightKg1");
        RunState fixed = harness.sync();

        assertThat(fixed.getStatus()).as(String.valueOf(fixed.getStatusInfo())).isEqualTo(SyncStatus.SUCCESS);
        assertThat(eventOf("enc-1", LAB).dataValues()).containsEntry("DeWeightKg1", "60");
        assertThat(harness.dhis2.events()).hasSize(2);
        assertThat(harness.db.inTransaction(() -> harness.db.failedRecordDao().findByMapping(harness.mappingUuid)))
                .isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("apis")
    void aBahmniFormClearedInOpenmrsClearsItsEventInDhis2(String name, FakeDhis2.Version version, ApiChoice api) {
        harness = SyncHarness.start(version, api);
        labStageInDhis2("DeResultOs1");
        Map<String, String> answers = new LinkedHashMap<>();
        answers.put(SyncHarness.POSITIVE, "POSITIVE");
        answers.put(SyncHarness.NEGATIVE, "NEGATIVE");
        harness.setMapping(withLabStage(new StageMapping(LAB, EncounterFeed.form(LAB_FORM),
                List.of(new DataElementMapping(SyncHarness.RESULT, "DeResultOs1", Dhis2ValueType.TEXT, answers)))));
        harness.openmrs.putPatient(patient("p-1", "NAT-001", "Jane", "F"));
        harness.openmrs.putEnrollment(enrollment("pp-1", "p-1", "2025-01-10", null));
        ObsValue labResult = new ObsValue(SyncHarness.RESULT, "HIV test result", ObsValue.Type.CODED, "Positive",
                SyncHarness.POSITIVE, LAB_FORM, List.of());
        harness.openmrs.putEncounter(visit("enc-1", "p-1", "2025-02-01", weight("60"), labResult));
        assertThat(harness.sync().getStatus()).isEqualTo(SyncStatus.SUCCESS);
        String labEvent = eventOf("enc-1", LAB).uid();
        assertThat(eventOf("enc-1", LAB).dataValues()).containsEntry("DeResultOs1", "POSITIVE");

        // the lab form is cleared: its only obs voided, the visit's weight stays
        harness.openmrs.putEncounter(visit("enc-1", "p-1", "2025-02-01", weight("60")), List.of(labResult), false);
        RunState cleared = harness.sync();

        assertThat(cleared.getStatus()).as(String.valueOf(cleared.getStatusInfo())).isEqualTo(SyncStatus.SUCCESS);
        FakeEvent lab = eventOf("enc-1", LAB);
        assertThat(lab.uid()).isEqualTo(labEvent);
        assertThat(lab.dataValues()).doesNotContainKey("DeResultOs1");
        assertThat(eventOf("enc-1", SyncHarness.STAGE).dataValues()).containsEntry("DeWeightKg1", "60");
    }
}
