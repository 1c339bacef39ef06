package org.openmrs.module.dhis2sync.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.openmrs.module.dhis2sync.dhis2.AttributeInfo;
import org.openmrs.module.dhis2sync.dhis2.DataElementInfo;
import org.openmrs.module.dhis2sync.dhis2.OptionInfo;
import org.openmrs.module.dhis2sync.dhis2.OptionSetInfo;
import org.openmrs.module.dhis2sync.dhis2.OrgUnitInfo;
import org.openmrs.module.dhis2sync.dhis2.ProgramInfo;
import org.openmrs.module.dhis2sync.dhis2.ProgramStageInfo;
import org.openmrs.module.dhis2sync.mapping.FieldError;
import org.openmrs.module.dhis2sync.mapping.MappingConfig;
import org.openmrs.module.dhis2sync.mapping.MappingJson;
import org.openmrs.module.dhis2sync.metadata.MappingMetadata;
import org.openmrs.module.dhis2sync.source.ConceptItem;
import org.openmrs.module.dhis2sync.sync.SyncHarness;

/**
 * The health check as a decision table: the test mapping against the fake DHIS2's reference metadata is healthy;
 * each row breaks one reference (in the mapping, or in DHIS2's metadata) and expects exactly one problem, on its
 * field's JSON path.
 */
class MappingHealthCheckTest {

    private static final String CLINIC = SyncHarness.CLINIC;
    private static final String OUTREACH = "a1b2c3d4-0000-4000-8000-00000000loc2";

    /** What the fake DHIS2's defaults hold for the test mapping, as the reader would return it. */
    private static Map<String, ProgramInfo> programs(String teType, String stageUid, List<DataElementInfo> elements,
            List<AttributeInfo> attributes) {
        Map<String, ProgramInfo> programs = new LinkedHashMap<>();
        programs.put(SyncHarness.PROGRAM, new ProgramInfo(SyncHarness.PROGRAM, "Verify Tracker Program", teType, false,
                attributes, List.of(new ProgramStageInfo(stageUid, "Verify Visit", true, elements))));
        return programs;
    }

    private static List<DataElementInfo> elements(String weightType) {
        return List.of(new DataElementInfo("DeNoteText1", "Verify Visit note", null, "TEXT", null, false),
                new DataElementInfo("DeWeightKg1", "Verify Weight kg", null, weightType, null, false),
                new DataElementInfo("DeResultOs1", "Verify Test result", null, "TEXT", "OsResult001", false));
    }

    private static List<AttributeInfo> attributes(String... uids) {
        List<AttributeInfo> attributes = new java.util.ArrayList<>();
        for (String uid : uids) {
            attributes.add(new AttributeInfo(uid, "attribute " + uid, null, "TEXT",
                    uid.equals("TeaSexAttr1") ? "OsSexOpts01" : null, false, false));
        }
        return attributes;
    }

    private static final List<AttributeInfo> ALL_ATTRIBUTES = attributes("TeaFirstNm1", "TeaLastNme1", "TeaSexAttr1",
            "TeaNatIdNo1");

    private static Map<String, OptionSetInfo> optionSets(String... resultCodes) {
        Map<String, OptionSetInfo> sets = new LinkedHashMap<>();
        sets.put("OsSexOpts01", new OptionSetInfo("OsSexOpts01", "Verify Sex", "TEXT",
                List.of(new OptionInfo("MALE", "Male"), new OptionInfo("FEMALE", "Female"))));
        List<OptionInfo> options = new java.util.ArrayList<>();
        for (String code : resultCodes) {
            options.add(new OptionInfo(code, code.toLowerCase()));
        }
        sets.put("OsResult001", new OptionSetInfo("OsResult001", "Verify Test Result", "TEXT", options));
        return sets;
    }

    private static Map<String, OrgUnitInfo> orgUnits(OrgUnitInfo... units) {
        Map<String, OrgUnitInfo> map = new LinkedHashMap<>();
        for (OrgUnitInfo unit : units) {
            map.put(unit.getUid(), unit);
        }
        return map;
    }

    private static final OrgUnitInfo ROOT = new OrgUnitInfo("OuCountry01", "Country", null, 1, "/OuCountry01");
    private static final OrgUnitInfo VERIFY = new OrgUnitInfo(SyncHarness.ORG_UNIT, "Verify Clinic", null, 2,
            "/OuCountry01/" + SyncHarness.ORG_UNIT);
    private static final OrgUnitInfo ELSEWHERE = new OrgUnitInfo("OuOtherReg1", "Other region", null, 2,
            "/OuOtherRt01/OuOtherReg1");

    private static Map<String, ConceptItem> concepts(String noteDatatype) {
        Map<String, ConceptItem> concepts = new LinkedHashMap<>();
        concepts.put(SyncHarness.WEIGHT, new ConceptItem(SyncHarness.WEIGHT, "Weight (kg)", "Numeric", null, null));
        concepts.put(SyncHarness.NOTE, new ConceptItem(SyncHarness.NOTE, "Clinical note", noteDatatype, null, null));
        concepts.put(SyncHarness.RESULT, new ConceptItem(SyncHarness.RESULT, "HIV test result", "Coded", null, null));
        return concepts;
    }

    private static MappingMetadata healthyDhis2() {
        return new MappingMetadata(programs("TetPerson01", SyncHarness.STAGE, elements("NUMBER"), ALL_ATTRIBUTES),
                optionSets("POSITIVE", "NEGATIVE"), orgUnits(VERIFY), List.of(ROOT), concepts("Text"));
    }

    private static Map<String, String> table() {
        Map<String, String> table = new LinkedHashMap<>();
        table.put(CLINIC, SyncHarness.ORG_UNIT);
        return table;
    }

    private static MappingConfig mapping(UnaryOperator<String> edit) {
        MappingJson json = new MappingJson();
        return json.read(edit.apply(json.write(SyncHarness.mapping(false))));
    }

    private static List<FieldError> check(MappingConfig config, MappingMetadata metadata, Map<String, String> table,
            String defaultOrgUnit) {
        return new MappingHealthCheck().check(config, metadata, table, defaultOrgUnit);
    }

    @Test
    void theTestMappingFitsTheReferenceMetadata() {
        assertThat(check(mapping(UnaryOperator.identity()), healthyDhis2(), table(), null)).isEmpty();
    }

    static Stream<Arguments> brokenReferences() {
        MappingMetadata healthy = healthyDhis2();
        return Stream.of(
                Arguments.of("the program is not in DHIS2", mapping(j -> j.replace("PrgVerify01", "PrgMissing1")),
                        healthy, "dhis2ProgramUid", "no tracker program"),
                Arguments.of("the program registers another tracked entity type",
                        mapping(j -> j.replace("TetPerson01", "TetOther001")), healthy, "trackedEntityTypeUid",
                        "registers tracked entity type 'TetPerson01'"),
                Arguments.of("an attribute is not one of the program's",
                        mapping(UnaryOperator.identity()), new MappingMetadata(programs("TetPerson01",
                                SyncHarness.STAGE, elements("NUMBER"), attributes("TeaNatIdNo1", "TeaLastNme1",
                                        "TeaSexAttr1")), optionSets("POSITIVE", "NEGATIVE"), orgUnits(VERIFY),
                                List.of(ROOT), concepts("Text")), "instance.attributes[1].attributeUid",
                        "not a tracked entity attribute of program 'Verify Tracker Program'"),
                Arguments.of("the stage is not one of the program's",
                        mapping(j -> j.replace("StgVisit001", "StgOther001")), healthy, "events[0].programStageUid",
                        "not a stage"),
                Arguments.of("a data element is not in its stage",
                        mapping(j -> j.replace("DeNoteText1", "DeMissing01")), healthy,
                        "events[0].dataElements[1].dataElementUid", "not a data element of stage 'Verify Visit'"),
                Arguments.of("DHIS2's value type differs from the mapping's",
                        mapping(UnaryOperator.identity()), new MappingMetadata(programs("TetPerson01",
                                SyncHarness.STAGE, elements("INTEGER"), ALL_ATTRIBUTES), optionSets("POSITIVE",
                                "NEGATIVE"), orgUnits(VERIFY), List.of(ROOT), concepts("Text")),
                        "events[0].dataElements[0].valueType", "has value type INTEGER in DHIS2"),
                Arguments.of("the concept's datatype cannot fill the value type",
                        mapping(UnaryOperator.identity()), new MappingMetadata(programs("TetPerson01",
                                SyncHarness.STAGE, elements("NUMBER"), ALL_ATTRIBUTES), optionSets("POSITIVE",
                                "NEGATIVE"), orgUnits(VERIFY), List.of(ROOT), concepts("N/A")),
                        "events[0].dataElements[1].valueType", "is N/A, which cannot be sent as TEXT"),
                Arguments.of("a mapped option code is not in the option set", mapping(UnaryOperator.identity()),
                        new MappingMetadata(programs("TetPerson01", SyncHarness.STAGE, elements("NUMBER"),
                                ALL_ATTRIBUTES), optionSets("POSITIVE", "NEG"), orgUnits(VERIFY), List.of(ROOT),
                                concepts("Text")),
                        "events[0].dataElements[2].answers." + SyncHarness.NEGATIVE,
                        "'NEGATIVE' is not a code of option set 'Verify Test Result' (OsResult001) of data element"
                                + " 'Verify Test result' (DeResultOs1) (codes: POSITIVE, NEG)"),
                Arguments.of("a gender code is not in the gender attribute's option set",
                        mapping(j -> j.replace("\"FEMALE\"", "\"WOMAN\"")), healthy, "instance.genderCodes.F",
                        "'WOMAN' is not a code of option set 'Verify Sex'"),
                Arguments.of("a concept is not in OpenMRS", mapping(UnaryOperator.identity()),
                        new MappingMetadata(programs("TetPerson01", SyncHarness.STAGE, elements("NUMBER"),
                                ALL_ATTRIBUTES), optionSets("POSITIVE", "NEGATIVE"), orgUnits(VERIFY), List.of(ROOT),
                                withoutWeight()), "events[0].dataElements[0].conceptUuid", "OpenMRS has no concept"));
    }

    private static Map<String, ConceptItem> withoutWeight() {
        Map<String, ConceptItem> concepts = concepts("Text");
        concepts.remove(SyncHarness.WEIGHT);
        return concepts;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenReferences")
    void eachBrokenReferenceIsOneProblemOnItsField(String broken, MappingConfig config, MappingMetadata metadata,
            String field, String message) {
        List<FieldError> problems = check(config, metadata, table(), null);

        assertThat(problems).as(broken).hasSize(1);
        assertThat(problems.get(0).getField()).isEqualTo(field);
        assertThat(problems.get(0).getMessage()).contains(message);
    }

    @Test
    void everyMappedOrgUnitMustExistAndBeWhereTheUserCaptures() {
        Map<String, String> table = table();
        table.put(OUTREACH, "OuOtherReg1");
        MappingMetadata metadata = new MappingMetadata(programs("TetPerson01", SyncHarness.STAGE, elements("NUMBER"),
                ALL_ATTRIBUTES), optionSets("POSITIVE", "NEGATIVE"), orgUnits(VERIFY, ELSEWHERE), List.of(ROOT),
                concepts("Text"));

        List<FieldError> problems = check(mapping(UnaryOperator.identity()), metadata, table, "OuMissing01");

        assertThat(problems).extracting(FieldError::getField).containsExactly("orgUnits." + OUTREACH,
                "defaultOrgUnit");
        assertThat(problems.get(0).getMessage()).contains("'Other region' (OuOtherReg1) is outside the DHIS2 user's"
                + " data capture org units");
        assertThat(problems.get(1).getMessage()).contains("DHIS2 has no org unit 'OuMissing01'");
    }

    @Test
    void anOrgUnitBelowACaptureOrgUnitIsInScope() {
        MappingMetadata metadata = new MappingMetadata(programs("TetPerson01", SyncHarness.STAGE, elements("NUMBER"),
                ALL_ATTRIBUTES), optionSets("POSITIVE", "NEGATIVE"), orgUnits(VERIFY, ELSEWHERE),
                List.of(new OrgUnitInfo("OuOtherRt01", "Other root", null, 1, "/OuOtherRt01"), ROOT), concepts("Text"));
        Map<String, String> table = table();
        table.put(OUTREACH, "OuOtherReg1");

        assertThat(check(mapping(UnaryOperator.identity()), metadata, table, SyncHarness.ORG_UNIT)).isEmpty();
    }
}
