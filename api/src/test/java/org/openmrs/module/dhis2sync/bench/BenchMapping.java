package org.openmrs.module.dhis2sync.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.openmrs.module.dhis2sync.dhis2.fake.Metadata;
import org.openmrs.module.dhis2sync.mapping.AttributeMapping;
import org.openmrs.module.dhis2sync.mapping.DataElementMapping;
import org.openmrs.module.dhis2sync.mapping.Dhis2ValueType;
import org.openmrs.module.dhis2sync.mapping.EnrollmentMapping;
import org.openmrs.module.dhis2sync.mapping.InstanceMapping;
import org.openmrs.module.dhis2sync.mapping.MappingConfig;
import org.openmrs.module.dhis2sync.mapping.StageMapping;
import org.openmrs.module.dhis2sync.source.EncounterFeed;

/**
 * The benchmark's mapping and the DHIS2 metadata it needs: the reference program (national id searchable and unique,
 * given name comparable, family name, sex) plus one repeatable stage of 10 data elements, fed by one encounter type
 * whose 10 obs map one to one. One of them is a text data element holding the encounter's uuid, so that a duplicate
 * event in DHIS2 can be told from a second encounter.
 */
public final class BenchMapping {

    public static final String MAPPING_UUID = "b0000000-0000-4000-8000-00000mapping1";
    public static final String PROGRAM_UUID = "b0000000-0000-4000-8000-00000program1";
    public static final String NATIONAL_ID_TYPE = "b0000000-0000-4000-8000-0000natid0001";
    public static final String VISIT_TYPE = "b0000000-0000-4000-8000-000visittype1";
    public static final String CLINIC = "b0000000-0000-4000-8000-0000000clinic";
    public static final String POSITIVE = "b0000000-0000-4000-8000-0000positive1";
    public static final String NEGATIVE = "b0000000-0000-4000-8000-0000negative1";

    public static final String ORG_UNIT = "OuVerify001";
    public static final String PROGRAM = "PrgVerify01";
    public static final String TRACKED_ENTITY_TYPE = "TetPerson01";
    public static final String NATIONAL_ID_ATTRIBUTE = "TeaNatIdNo1";
    public static final String STAGE = "StgBench001";
    /** The text data element that carries the encounter uuid. */
    public static final String ENCOUNTER_UUID_ELEMENT = "DeBnEncUuid";
    public static final String RESULT_ELEMENT = "DeBnResult1";
    public static final List<String> NUMBER_ELEMENTS = List.of("DeBnNum0001", "DeBnNum0002", "DeBnNum0003",
            "DeBnNum0004", "DeBnNum0005", "DeBnNum0006");
    public static final List<String> TEXT_ELEMENTS = List.of("DeBnText001", "DeBnText002");

    private BenchMapping() {
    }

    /** The concept whose obs feeds the data element (one concept per data element). */
    public static String conceptOf(String dataElement) {
        return "b0000000-0000-4000-8000-00c" + dataElement.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]", "")
                .substring(2);
    }

    /** Adds the benchmark's stage and data elements to the fake DHIS2's metadata. */
    public static void addTo(Metadata metadata) {
        metadata.addDataElement(new Metadata.DataElement(ENCOUNTER_UUID_ELEMENT, "Bench encounter uuid", "BENCH_ENC",
                "TEXT", null));
        for (String de : NUMBER_ELEMENTS) {
            metadata.addDataElement(new Metadata.DataElement(de, "Bench " + de, de.toUpperCase(), "NUMBER", null));
        }
        for (String de : TEXT_ELEMENTS) {
            metadata.addDataElement(new Metadata.DataElement(de, "Bench " + de, de.toUpperCase(), "TEXT", null));
        }
        metadata.addDataElement(new Metadata.DataElement(RESULT_ELEMENT, "Bench result", "BENCH_RESULT", "TEXT",
                "OsResult001"));
        Metadata.Program program = metadata.program(PROGRAM)
                .orElseThrow(() -> new IllegalStateException("the fake DHIS2 has no program " + PROGRAM));
        List<Metadata.ProgramStage> stages = new ArrayList<>(program.stages());
        stages.add(new Metadata.ProgramStage(STAGE, "Bench visit", true, dataElements()));
        metadata.addProgram(new Metadata.Program(program.id(), program.name(), program.trackedEntityType(),
                program.onlyEnrollOnce(), program.displayIncidentDate(), program.attributes(), stages,
                program.orgUnits()));
    }

    /** The stage's data elements, encounter uuid first. */
    public static List<String> dataElements() {
        List<String> all = new ArrayList<>();
        all.add(ENCOUNTER_UUID_ELEMENT);
        all.addAll(NUMBER_ELEMENTS);
        all.addAll(TEXT_ELEMENTS);
        all.add(RESULT_ELEMENT);
        return all;
    }

    /** The mapping, built as the engine's tests build theirs. */
    public static MappingConfig mapping() {
        Map<String, String> genderCodes = new LinkedHashMap<>();
        genderCodes.put("M", "MALE");
        genderCodes.put("F", "FEMALE");
        Map<String, String> answers = new LinkedHashMap<>();
        answers.put(POSITIVE, "POSITIVE");
        answers.put(NEGATIVE, "NEGATIVE");
        List<DataElementMapping> elements = new ArrayList<>();
        elements.add(new DataElementMapping(conceptOf(ENCOUNTER_UUID_ELEMENT), ENCOUNTER_UUID_ELEMENT,
                Dhis2ValueType.TEXT, null));
        for (String de : NUMBER_ELEMENTS) {
            elements.add(new DataElementMapping(conceptOf(de), de, Dhis2ValueType.NUMBER, null));
        }
        for (String de : TEXT_ELEMENTS) {
            elements.add(new DataElementMapping(conceptOf(de), de, Dhis2ValueType.TEXT, null));
        }
        elements.add(new DataElementMapping(conceptOf(RESULT_ELEMENT), RESULT_ELEMENT, Dhis2ValueType.TEXT, answers));
        return new MappingConfig("Benchmark", PROGRAM_UUID, PROGRAM, TRACKED_ENTITY_TYPE,
                new InstanceMapping(List.of(
                        new AttributeMapping("identifier:" + NATIONAL_ID_TYPE, NATIONAL_ID_ATTRIBUTE, true, false),
                        new AttributeMapping("givenName", "TeaFirstNm1", false, true),
                        new AttributeMapping("familyName", "TeaLastNme1", false, false),
                        new AttributeMapping("gender", "TeaSexAttr1", false, false)), genderCodes),
                new EnrollmentMapping(false),
                List.of(new StageMapping(STAGE, EncounterFeed.encounterType(VISIT_TYPE), elements)));
    }
}
