package org.openmrs.module.dhis2sync.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openmrs.module.dhis2sync.sync.SyncHarness.enrollment;
import static org.openmrs.module.dhis2sync.sync.SyncHarness.patient;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
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
import org.openmrs.module.dhis2sync.source.EncounterRecord;
import org.openmrs.module.dhis2sync.source.ObsValue;
import org.openmrs.module.dhis2sync.tracking.EventTracker;
import org.openmrs.module.dhis2sync.tracking.SyncCategory;
import org.openmrs.module.dhis2sync.tracking.SyncLog;
import org.openmrs.module.dhis2sync.tracking.SyncStatus;

/**
 * Issue 13, point 6, end to end on both API generations: a multi-select answer (one obs per answer) goes to a
 * MULTI_TEXT data element as DHIS2's comma-joined option codes, and follows when an answer is taken back; several
 * weights in one visit send the most recent, with a warning in the preview and in the run's log.
 */
class MultiValueObsSyncTest {

    private static final String SYMPTOM = "a1b2c3d4-0000-4000-8000-000symptom001";
    private static final String COUGH = "a1b2c3d4-0000-4000-8000-0000000cough1";
    private static final String FEVER = "a1b2c3d4-0000-4000-8000-0000000fever1";
    private static final String RASH = "a1b2c3d4-0000-4000-8000-00000000rash1";

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

    private void start(FakeDhis2.Version version, ApiChoice api) {
        harness = SyncHarness.start(version, api);
        harness.dhis2.metadata().addSymptomsToVisitStage();
        MappingConfig base = SyncHarness.mapping(true);
        StageMapping visits = base.getEvents().get(0);
        List<DataElementMapping> elements = new ArrayList<>(visits.getDataElements());
        elements.add(new DataElementMapping(SYMPTOM, Metadata.SYMPTOMS, Dhis2ValueType.MULTI_TEXT,
                Map.of(COUGH, "COUGH", FEVER, "FEVER", RASH, "RASH")));
        harness.setMapping(new MappingConfig(base.getName(), base.getOpenmrsProgramUuid(), base.getDhis2ProgramUid(),
                base.getTrackedEntityTypeUid(), base.getInstance(), base.getEnrollment(),
                List.of(new StageMapping(visits.getProgramStageUid(), visits.getFeed(), elements))));
        harness.openmrs.putPatient(patient("p-1", "NAT-001", "Jane", "F"));
        harness.openmrs.putEnrollment(enrollment("pp-1", "p-1", "2025-01-10", null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("apis")
    void aMultiSelectAnswerIsJoinedAndSeveralWeightsSendTheLatestWithAWarning(String name,
            FakeDhis2.Version version, ApiChoice api) {
        start(version, api);
        harness.openmrs.putEncounter(visit(symptom(11, RASH, "Rash"), weight(12, "62", 10, 0),
                symptom(13, COUGH, "Cough"), weight(14, "61.5", 10, 40), symptom(15, FEVER, "Fever")));

        RunTally preview = harness.preview();

        PendingRecord pending = preview.pendingRecords().stream()
                .filter(r -> r.getCategory() == SyncCategory.EVENT).findFirst().orElseThrow();
        assertThat(pending.getValues()).containsEntry(Metadata.SYMPTOMS, "COUGH,FEVER,RASH")
                .containsEntry("DeWeightKg1", "61.5");
        assertThat(pending.getWarnings()).containsExactly("stage " + SyncHarness.STAGE + ": 2 values of concept"
                + " 'Weight' (" + SyncHarness.WEIGHT + ") in encounter enc-1 (62; 61.5); data element DeWeightKg1"
                + " (NUMBER) takes one: sent the most recent, '61.5' (obs 14 of 2025-02-01T10:40). Only a MULTI_TEXT"
                + " data element takes them all");

        RunState first = harness.sync();

        assertThat(first.getStatus()).isEqualTo(SyncStatus.SUCCESS);
        assertThat(first.getStatusInfo()).isEqualTo("1 record(s) were sent with a warning (e.g. one of several"
                + " values of a concept): see details");
        assertThat(log(first).getDetails()).startsWith("Sent with a warning:\nEVENT enc-1: stage "
                + SyncHarness.STAGE + ": 2 values of concept 'Weight'");
        FakeEvent event = eventOf("enc-1");
        assertThat(event.dataValues()).containsEntry(Metadata.SYMPTOMS, "COUGH,FEVER,RASH")
                .containsEntry("DeWeightKg1", "61.5");

        // the nurse takes fever and rash back (their obs voided) and corrects the weight to one value
        harness.tick(java.time.Duration.ofMinutes(5));
        harness.openmrs.putEncounter(visit(symptom(13, COUGH, "Cough"), weight(16, "61", 11, 0)));
        RunState second = harness.sync();

        assertThat(second.getStatus()).isEqualTo(SyncStatus.SUCCESS);
        assertThat(second.getStatusInfo()).isNull();
        assertThat(eventOf("enc-1").dataValues()).containsEntry(Metadata.SYMPTOMS, "COUGH")
                .containsEntry("DeWeightKg1", "61");
        assertThat(harness.dhis2.events()).hasSize(1);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("apis")
    void anAnswerWithoutOptionCodeFailsTheEventAloneNamingIt(String name, FakeDhis2.Version version,
            ApiChoice api) {
        start(version, api);
        ObsValue itch = new ObsValue(SYMPTOM, "Symptom", ObsValue.Type.CODED, "Itch",
                "a1b2c3d4-0000-4000-8000-00000000itch1", null, List.of(), LocalDateTime.of(2025, 2, 1, 10, 0), 17);
        harness.openmrs.putEncounter(visit(symptom(13, COUGH, "Cough"), itch));

        RunState run = harness.sync();

        assertThat(run.getStatus()).isEqualTo(SyncStatus.PARTIAL);
        assertThat(run.getErrors()).singleElement().asString().contains("enc-1")
                .contains("no option code mapped for answer 'Itch'");
        assertThat(harness.dhis2.events()).isEmpty();
        assertThat(harness.dhis2.enrollments()).hasSize(1);
    }

    private static EncounterRecord visit(ObsValue... obs) {
        return new EncounterRecord("enc-1", "p-1", SyncHarness.VISIT_TYPE, LocalDate.parse("2025-02-01").atTime(10, 0),
                SyncHarness.CLINIC, null, List.of(obs));
    }

    private static ObsValue symptom(int id, String answerUuid, String answer) {
        return new ObsValue(SYMPTOM, "Symptom", ObsValue.Type.CODED, answer, answerUuid, null, List.of(),
                LocalDateTime.of(2025, 2, 1, 10, 0), id);
    }

    private static ObsValue weight(int id, String kg, int hour, int minute) {
        return new ObsValue(SyncHarness.WEIGHT, "Weight", ObsValue.Type.NUMERIC, kg, null, null, List.of(),
                LocalDateTime.of(2025, 2, 1, hour, minute), id);
    }

    private FakeEvent eventOf(String encounterUuid) {
        List<EventTracker> trackers = harness.store.eventTrackers(List.of(encounterUuid));
        assertThat(trackers).as("event tracker of " + encounterUuid).hasSize(1);
        return harness.dhis2.event(trackers.get(0).getEventUid()).orElseThrow();
    }

    private SyncLog log(RunState run) {
        return harness.db.inTransaction(() -> harness.db.syncLogDao().findByRunId(run.getRunId()));
    }
}
