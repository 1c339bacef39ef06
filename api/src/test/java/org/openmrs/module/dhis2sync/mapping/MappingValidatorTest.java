package org.openmrs.module.dhis2sync.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.openmrs.module.dhis2sync.mapping.MappingFixtures.HIV_RESULT;
import static org.openmrs.module.dhis2sync.mapping.MappingFixtures.PROGRAM_UUID;
import static org.openmrs.module.dhis2sync.mapping.MappingFixtures.WEIGHT;
import static org.openmrs.module.dhis2sync.mapping.MappingFixtures.instance;
import static org.openmrs.module.dhis2sync.mapping.MappingFixtures.orderedMap;
import static org.openmrs.module.dhis2sync.mapping.MappingFixtures.visitStage;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openmrs.module.dhis2sync.source.EncounterFeed;

class MappingValidatorTest {

    private final MappingValidator validator = new MappingValidator();

    @Test
    void theHtsMappingIsValid() {
        assertThat(validator.validate(MappingFixtures.hts())).isEmpty();
    }

    @Test
    void anEmptyMappingListsEveryRequiredPart() {
        MappingConfig empty = new MappingConfig(null, " ", null, null, null, null, null);

        assertThat(validator.validate(empty)).extracting(FieldError::getField).containsExactly(
                "name", "openmrsProgramUuid", "dhis2ProgramUid", "trackedEntityTypeUid", "instance", "enrollment");
    }

    @Test
    void reportsAllErrorsOfEveryPartAtOnce() {
        InstanceMapping badInstance = new InstanceMapping(Arrays.asList(
                new AttributeMapping("givenName", "TeaFirstNm1", false, true),
                new AttributeMapping("nickname", "bad-uid", false, false),
                new AttributeMapping("givenName", "TeaFirstNm1", false, false),
                null),
                orderedMap("M", "MALE", "X", "OTHER", "F", " "));
        StageMapping badStage = new StageMapping("StgVisit01", EncounterFeed.form(" "), Arrays.asList(
                new DataElementMapping(null, "DeWeightKg1", Dhis2ValueType.NUMBER, null),
                new DataElementMapping(WEIGHT, "DeWeightKg1", null, null),
                new DataElementMapping(HIV_RESULT, "DeResultOs1", Dhis2ValueType.FILE_RESOURCE,
                        orderedMap("answer-uuid", ""))));
        StageMapping noDataElements = new StageMapping("StgOther001", EncounterFeed.encounterType("et"), List.of());
        MappingConfig config = new MappingConfig("x".repeat(101), PROGRAM_UUID, "1rgVerify01", "TetPerson01",
                badInstance, new EnrollmentMapping((Boolean) null), Arrays.asList(badStage, noDataElements, null));

        assertThat(validator.validate(config)).containsExactly(
                new FieldError("name", "is 101 characters long; at most 100"),
                new FieldError("dhis2ProgramUid",
                        "'1rgVerify01' is not a DHIS2 UID (11 characters: a letter, then letters or digits)"),
                new FieldError("instance.attributes[1].source", "unknown source field 'nickname'"),
                new FieldError("instance.attributes[1].attributeUid",
                        "'bad-uid' is not a DHIS2 UID (11 characters: a letter, then letters or digits)"),
                new FieldError("instance.attributes[2].source",
                        "source 'givenName' is already mapped at instance.attributes[0]"),
                new FieldError("instance.attributes[2].attributeUid",
                        "attribute TeaFirstNm1 is already mapped at instance.attributes[0]"),
                new FieldError("instance.attributes[3]", "is empty"),
                new FieldError("instance.genderCodes.X", "'X' is not an OpenMRS gender; one of [M, F, O, U]"),
                new FieldError("instance.genderCodes.F", "required: the DHIS2 code of gender F"),
                new FieldError("enrollment.openLatestCompletedEnrollment",
                        "required: true to reopen the latest completed DHIS2 enrollment, false to create a new one"),
                new FieldError("events[0].programStageUid",
                        "'StgVisit01' is not a DHIS2 UID (11 characters: a letter, then letters or digits)"),
                new FieldError("events[0].feed.reference", "required: the Bahmni form's name"),
                new FieldError("events[0].dataElements[0].conceptUuid", "required: the concept's uuid"),
                new FieldError("events[0].dataElements[1].dataElementUid",
                        "data element DeWeightKg1 is already mapped in this stage at events[0].dataElements[0]"),
                new FieldError("events[0].dataElements[1].valueType", "required: the data element's DHIS2 value type"),
                new FieldError("events[0].dataElements[2].valueType",
                        "a data element of value type FILE_RESOURCE cannot take an OpenMRS observation"),
                new FieldError("events[0].dataElements[2].answers.answer-uuid",
                        "required: the DHIS2 option code of answer answer-uuid"),
                new FieldError("events[1].dataElements", "at least one data element has to be entered"),
                new FieldError("events[2]", "is empty"));
    }

    @Test
    void refusesAMappingWithoutAttributes() {
        MappingConfig config = new MappingConfig("HTS", PROGRAM_UUID, "PrgVerify01", "TetPerson01",
                new InstanceMapping(List.of(), null), new EnrollmentMapping(false), List.of());

        assertThat(validator.validate(config))
                .containsExactly(new FieldError("instance.attributes", "at least one attribute has to be mapped"));
    }

    @Test
    void aMappingWithoutEventsIsValid() {
        MappingConfig config = new MappingConfig("HTS", PROGRAM_UUID, "PrgVerify01", "TetPerson01", instance(),
                new EnrollmentMapping(false), null);

        assertThat(validator.validate(config)).isEmpty();
    }

    @Test
    void refusesAFeedWithoutKindAndTheSameStageAndFeedTwice() {
        StageMapping noKind = StageMapping.fromJson("StgVisit002", new FeedJson(null, "ref"),
                visitStage().getDataElements());
        StageMapping noFeed = StageMapping.fromJson("StgVisit003", null, visitStage().getDataElements());
        MappingConfig config = new MappingConfig("HTS", PROGRAM_UUID, "PrgVerify01", "TetPerson01", instance(),
                new EnrollmentMapping(true), List.of(visitStage(), noKind, noFeed, visitStage()));

        assertThat(validator.validate(config)).containsExactly(
                new FieldError("events[1].feed.kind", "required: one of [ENCOUNTER_TYPE, FORM, CONCEPT_SET]"),
                new FieldError("events[2].feed",
                        "required: what feeds the stage (kind [ENCOUNTER_TYPE, FORM, CONCEPT_SET] and reference)"),
                new FieldError("events[3]", "stage StgVisit001 fed by ENCOUNTER_TYPE:" + MappingFixtures.VISIT_TYPE
                        + " is already mapped at events[0]"));
    }

    @Test
    void booleanAnswersMustBeTrueOrFalse() {
        Map<String, String> answers = orderedMap("yes-uuid", "true", "no-uuid", "No");
        StageMapping stage = new StageMapping("StgVisit001", EncounterFeed.conceptSet("set-uuid"),
                List.of(new DataElementMapping(HIV_RESULT, "DeTested001", Dhis2ValueType.BOOLEAN, answers)));
        MappingConfig config = new MappingConfig("HTS", PROGRAM_UUID, "PrgVerify01", "TetPerson01", instance(),
                new EnrollmentMapping(true), List.of(stage));

        assertThat(validator.validate(config)).containsExactly(new FieldError(
                "events[0].dataElements[0].answers.no-uuid", "'No' is not a BOOLEAN value; use true or false"));
    }

    @Test
    void checkThrowsWithEveryErrorInTheMessage() {
        MappingConfig config = new MappingConfig("", PROGRAM_UUID, "PrgVerify01", "bad", instance(),
                new EnrollmentMapping(true), List.of());

        assertThatThrownBy(() -> validator.check(config))
                .isInstanceOf(MappingValidationException.class)
                .hasMessage("invalid mapping (2 errors)\n - name: required: the mapping's name\n"
                        + " - trackedEntityTypeUid: 'bad' is not a DHIS2 UID (11 characters: a letter, then letters"
                        + " or digits)")
                .extracting(e -> ((MappingValidationException) e).getErrors()).asList().hasSize(2);
    }
}
