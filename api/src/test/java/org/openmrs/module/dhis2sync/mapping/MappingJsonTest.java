package org.openmrs.module.dhis2sync.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.openmrs.module.dhis2sync.mapping.MappingFixtures.HTS_JSON;

import java.util.List;

import org.junit.jupiter.api.Test;

class MappingJsonTest {

    private final MappingJson json = new MappingJson();

    @Test
    void readsTheHtsMapping() {
        MappingConfig config = json.read(HTS_JSON);

        assertThat(config).isEqualTo(MappingFixtures.hts());
        assertThat(config.getInstance().searchable()).extracting(AttributeMapping::getAttributeUid)
                .containsExactly("TeaNatIdNo1");
        assertThat(config.getEnrollment().isOpenLatestCompletedEnrollment()).isTrue();
        assertThat(config.getEvents().get(0).getFeed().getReference()).isEqualTo(MappingFixtures.VISIT_TYPE);
    }

    @Test
    void writesIndentedInAFixedFieldOrderAndReadsItBack() {
        String written = json.write(MappingFixtures.hts());

        assertThat(json.read(written)).isEqualTo(MappingFixtures.hts());
        assertThat(json.write(json.read(written))).isEqualTo(written);
        assertThat(written).contains("\n  \"name\" : \"HTS Service\"");
        assertThat(fieldOrder(written, "name", "openmrsProgramUuid", "dhis2ProgramUid", "trackedEntityTypeUid",
                "instance", "attributes", "source", "attributeUid", "searchable", "comparable", "genderCodes",
                "enrollment", "openLatestCompletedEnrollment", "events", "programStageUid", "feed", "kind",
                "reference", "dataElements", "conceptUuid", "dataElementUid", "valueType", "answers")).isTrue();
        assertThat(written).doesNotContain("\"field\"").doesNotContain("\"feedKind\"");
    }

    private static boolean fieldOrder(String text, String... fields) {
        int at = -1;
        for (String field : fields) {
            int next = text.indexOf("\"" + field + "\"", at + 1);
            if (next < 0) {
                return false;
            }
            at = next;
        }
        return true;
    }

    @Test
    void theModelNeedsNoSpecialMapperSoTheRestLayerCanUseItsOwn() throws Exception {
        com.fasterxml.jackson.databind.ObjectMapper plain = new com.fasterxml.jackson.databind.ObjectMapper();

        MappingConfig read = plain.readValue(plain.writeValueAsString(MappingFixtures.hts()), MappingConfig.class);

        assertThat(read).isEqualTo(MappingFixtures.hts());
        assertThat(plain.readValue(HTS_JSON, MappingConfig.class)).isEqualTo(MappingFixtures.hts());
    }

    @Test
    void exportsAndImportsSeveralMappings() {
        List<MappingConfig> mappings = List.of(MappingFixtures.hts("HTS Service"), MappingFixtures.hts("TB Service"));

        String export = json.writeAll(mappings);

        assertThat(export).startsWith("{\n  \"mappings\" : [");
        assertThat(json.readAll(export)).isEqualTo(mappings);
    }

    @Test
    void importAcceptsOneMappingObject() {
        assertThat(json.readAll(HTS_JSON)).containsExactly(MappingFixtures.hts());
    }

    @Test
    void refusesAnUnknownFieldNamingItsPath() {
        String typo = HTS_JSON.replace("\"searchable\": false, \"comparable\": true",
                "\"serchable\": false, \"comparable\": true");
        String misplaced = HTS_JSON.replace("\"enrollment\": {\"openLatestCompletedEnrollment\": true}",
                "\"enrollment\": {\"openLatestCompletedEnrollment\": true");

        assertThat(errorsOf(() -> json.read(typo))).containsExactly(new FieldError(
                "instance.attributes[1].serchable",
                "unknown field 'serchable'; known: [attributeUid, comparable, searchable, source] (line 9, column 101)"));
        assertThat(errorsOf(() -> json.read(misplaced))).containsExactly(new FieldError("enrollment.events",
                "unknown field 'events'; known: [openLatestCompletedEnrollment] (line 15, column 14)"));
    }

    @Test
    void refusesMalformedJsonWithLineAndColumn() {
        String malformed = HTS_JSON.replace("\"source\": \"givenName\"", "\"source\" \"givenName\"");
        String unclosed = HTS_JSON.substring(0, HTS_JSON.lastIndexOf('}'));

        assertThat(errorsOf(() -> json.read(malformed))).containsExactly(new FieldError("instance.attributes[1]",
                "malformed JSON: Unexpected character ('\"' (code 34)): was expecting a colon to separate field name"
                        + " and value (line 9, column 18)"));
        assertThat(errorsOf(() -> json.read(unclosed))).singleElement().satisfies(error -> assertThat(
                error.getMessage()).startsWith("malformed JSON: Unexpected end-of-input").endsWith("(line 24, column 1)"));
    }

    @Test
    void refusesARepeatedField() {
        String repeated = HTS_JSON.replace("\"genderCodes\": {\"M\": \"MALE\", \"F\": \"FEMALE\"}",
                "\"genderCodes\": {\"M\": \"MALE\", \"M\": \"FEMALE\"}");

        List<FieldError> errors = errorsOf(() -> json.read(repeated));

        assertThat(errors).hasSize(1);
        assertThat(errors.get(0).getField()).isEqualTo("instance.genderCodes");
        assertThat(errors.get(0).getMessage()).startsWith("malformed JSON: Duplicate field 'M'");
    }

    @Test
    void refusesAValueOfTheWrongKind() {
        String wrongBoolean = HTS_JSON.replace("\"searchable\": true", "\"searchable\": \"yes\"");
        String wrongType = HTS_JSON.replace("\"valueType\": \"NUMBER\"", "\"valueType\": \"NUMERIC\"");
        String wrongShape = HTS_JSON.replace("\"enrollment\": {\"openLatestCompletedEnrollment\": true}",
                "\"enrollment\": true");

        assertThat(errorsOf(() -> json.read(wrongBoolean))).singleElement().satisfies(error -> {
            assertThat(error.getField()).isEqualTo("instance.attributes[0].searchable");
            assertThat(error.getMessage()).startsWith("wrong kind of value 'yes'; expected true or false (line 8,");
        });
        assertThat(errorsOf(() -> json.read(wrongType))).singleElement().satisfies(error -> {
            assertThat(error.getField()).isEqualTo("events[0].dataElements[0].valueType");
            assertThat(error.getMessage()).startsWith("'NUMERIC' is not valid here; expected one of [TEXT, LONG_TEXT,");
        });
        assertThat(errorsOf(() -> json.read(wrongShape))).singleElement().satisfies(error -> {
            assertThat(error.getField()).isEqualTo("enrollment");
            assertThat(error.getMessage()).startsWith("wrong kind of value 'true'; expected an object (line 14,");
        });
    }

    @Test
    void namesEveryMissingRequiredFieldThroughValidation() {
        String missing = HTS_JSON
                .replace("\"attributeUid\": \"TeaFirstNm1\", ", "")
                .replace("{\"openLatestCompletedEnrollment\": true}", "{}")
                .replace("\"dataElementUid\": \"DeWeightKg1\", ", "");

        assertThat(errorsOf(() -> json.read(missing))).containsExactly(
                new FieldError("instance.attributes[1].attributeUid", "required: the DHIS2 attribute's UID"),
                new FieldError("enrollment.openLatestCompletedEnrollment",
                        "required: true to reopen the latest completed DHIS2 enrollment, false to create a new one"),
                new FieldError("events[0].dataElements[0].dataElementUid", "required: the DHIS2 data element's UID"));
    }

    @Test
    void refusesAnEmptyDocumentAndTrailingContent() {
        assertThat(errorsOf(() -> json.read(" "))).containsExactly(new FieldError("", "the document is empty"));
        assertThat(errorsOf(() -> json.read("null")))
                .containsExactly(new FieldError("", "the document holds no mapping"));
        assertThat(errorsOf(() -> json.read(HTS_JSON + "{}"))).singleElement()
                .satisfies(error -> assertThat(error.getMessage())
                        .startsWith("unexpected content after the end of the JSON value"));
    }

    @Test
    void importReportsTheErrorsOfEveryMappingUnderItsIndexAndRepeatedNames() {
        MappingConfig unnamed = new MappingConfig(" ", MappingFixtures.PROGRAM_UUID, "PrgVerify01", "TetPerson01",
                MappingFixtures.instance(), new EnrollmentMapping(true), List.of());
        String export = json.writeAll(List.of(MappingFixtures.hts(), unnamed, MappingFixtures.hts()));

        assertThat(errorsOf(() -> json.readAll(export))).containsExactly(
                new FieldError("mappings[1].name", "required: the mapping's name"),
                new FieldError("mappings[2].name", "name 'HTS Service' is also the name of mappings[0]"));
    }

    @Test
    void importRefusesStructuralErrorsUnderTheirIndex() {
        String export = json.writeAll(List.of(MappingFixtures.hts(), MappingFixtures.hts("Other")))
                .replaceFirst("\"Other\",", "\"Other\", \"colour\": \"red\",");

        assertThat(errorsOf(() -> json.readAll(export))).singleElement()
                .satisfies(error -> assertThat(error.getField()).isEqualTo("mappings[1].colour"));
    }

    @Test
    void importRefusesAnythingButAMappingOrTheEnvelope() {
        assertThat(errorsOf(() -> json.readAll("[]"))).containsExactly(
                new FieldError("", "expected one mapping object or {\"mappings\": [...]}"));
        assertThat(errorsOf(() -> json.readAll("{\"mappings\": []}")))
                .containsExactly(new FieldError("mappings", "the file holds no mapping"));
        assertThat(errorsOf(() -> json.readAll("{\"mappings\": [], \"version\": 2}"))).singleElement()
                .satisfies(error -> assertThat(error.getMessage()).startsWith("unknown field 'version'; known: [mappings]"));
    }

    private static List<FieldError> errorsOf(org.assertj.core.api.ThrowableAssert.ThrowingCallable call) {
        MappingValidationException e = catchThrowableOfType(call, MappingValidationException.class);
        assertThat(e).as("a MappingValidationException").isNotNull();
        return e.getErrors();
    }
}
