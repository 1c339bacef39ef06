package org.openmrs.module.dhis2sync.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.openmrs.module.dhis2sync.source.EncounterFeed;
import org.openmrs.module.dhis2sync.source.EncounterRecord;
import org.openmrs.module.dhis2sync.source.ObsValue;

class StageMappingTest {

    private static final String VISIT_TYPE = "visit-type-uuid";
    private static final String VITALS_SET = "vitals-set-uuid";
    private static final String WEIGHT = "weight-uuid";
    private static final String HEIGHT = "height-uuid";
    private static final String NOTE = "note-uuid";

    private final ObsValue weightInHtsForm = obs(WEIGHT, "HTS Intake", List.of());
    private final ObsValue heightInOtherForm = obs(HEIGHT, "Anthropometry", List.of());
    private final ObsValue weightInVitals = obs(WEIGHT, null, List.of("outer-set", VITALS_SET));
    private final ObsValue unmappedNote = obs(NOTE, "HTS Intake", List.of());
    private final ObsValue heightWithoutForm = obs(HEIGHT, null, List.of());

    @Test
    void anEncounterTypeStageTakesAllMappedObsOfEncountersOfThatType() {
        StageMapping stage = stage(EncounterFeed.encounterType(VISIT_TYPE));
        EncounterRecord visit = encounter(VISIT_TYPE, null, weightInHtsForm, heightInOtherForm, unmappedNote);

        assertThat(stage.select(visit)).isTrue();
        assertThat(stage.obsFor(visit)).containsExactly(weightInHtsForm, heightInOtherForm);
        assertThat(stage.select(encounter("other-type", null, weightInHtsForm))).isFalse();
        assertThat(stage.obsFor(encounter("other-type", null, weightInHtsForm))).isEmpty();
    }

    @Test
    void aFormStageTakesTheObsOfThatBahmniForm() {
        StageMapping stage = stage(EncounterFeed.form("HTS Intake"));
        EncounterRecord consultation = encounter("consultation", null, weightInHtsForm, heightInOtherForm,
                unmappedNote, heightWithoutForm);

        assertThat(stage.select(consultation)).isTrue();
        assertThat(stage.obsFor(consultation)).containsExactly(weightInHtsForm);
        assertThat(stage.select(encounter("consultation", null, heightInOtherForm))).isFalse();
    }

    @Test
    void aFormStageTakesAnEncounterOfThatLegacyFormWithItsObsWithoutBahmniForm() {
        StageMapping stage = stage(EncounterFeed.form("HTS Intake"));
        EncounterRecord htmlForm = encounter("consultation", "HTS Intake", heightWithoutForm, heightInOtherForm);

        assertThat(stage.select(htmlForm)).isTrue();
        assertThat(stage.obsFor(htmlForm)).containsExactly(heightWithoutForm);
    }

    @Test
    void aConceptSetStageTakesTheObsUnderThatSet() {
        StageMapping stage = stage(EncounterFeed.conceptSet(VITALS_SET));
        EncounterRecord consultation = encounter("consultation", null, weightInVitals, heightInOtherForm);

        assertThat(stage.select(consultation)).isTrue();
        assertThat(stage.obsFor(consultation)).containsExactly(weightInVitals);
        assertThat(stage.select(encounter("consultation", null, heightInOtherForm))).isFalse();
    }

    @Test
    void theMappingListsEachFeedOnceAndTheStagesAnEncounterFeeds() {
        StageMapping byType = stage(EncounterFeed.encounterType(VISIT_TYPE));
        StageMapping byForm = stage(EncounterFeed.form("HTS Intake"));
        StageMapping byFormAgain = new StageMapping("StgOther001", EncounterFeed.form("HTS Intake"),
                byForm.getDataElements());
        MappingConfig config = new MappingConfig("HTS", "program", "PrgVerify01", "TetPerson01",
                MappingFixtures.instance(), new EnrollmentMapping(true), List.of(byType, byForm, byFormAgain));

        assertThat(config.feeds()).containsExactly(EncounterFeed.encounterType(VISIT_TYPE),
                EncounterFeed.form("HTS Intake"));
        assertThat(config.stagesFor(encounter("consultation", null, weightInHtsForm)))
                .containsExactly(byForm, byFormAgain);
        assertThat(byForm.dataElementsFor(WEIGHT)).extracting(DataElementMapping::getDataElementUid)
                .containsExactly("DeWeightKg1");
    }

    private static StageMapping stage(EncounterFeed feed) {
        return new StageMapping("StgVisit001", feed, List.of(
                new DataElementMapping(WEIGHT, "DeWeightKg1", Dhis2ValueType.NUMBER, null),
                new DataElementMapping(HEIGHT, "DeHeightCm1", Dhis2ValueType.NUMBER, null)));
    }

    private static ObsValue obs(String conceptUuid, String formName, List<String> groups) {
        return new ObsValue(conceptUuid, conceptUuid, ObsValue.Type.NUMERIC, "1", null, formName, groups);
    }

    private static EncounterRecord encounter(String typeUuid, String formName, ObsValue... obs) {
        return new EncounterRecord("enc-uuid", "patient-uuid", typeUuid, LocalDateTime.of(2024, 3, 1, 10, 0),
                "location-uuid", formName, List.of(obs));
    }
}
