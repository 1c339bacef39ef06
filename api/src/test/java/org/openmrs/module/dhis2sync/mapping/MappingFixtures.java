package org.openmrs.module.dhis2sync.mapping;

import java.util.List;
import java.util.Map;

import org.openmrs.module.dhis2sync.source.EncounterFeed;

/** The HTS mapping of the brief, as JSON and as objects. */
final class MappingFixtures {

    static final String PROGRAM_UUID = "a1b2c3d4-0000-4000-8000-000000000001";
    static final String NATIONAL_ID_TYPE = "a1b2c3d4-0000-4000-8000-000000000002";
    static final String VISIT_TYPE = "a1b2c3d4-0000-4000-8000-000000000003";
    static final String WEIGHT = "5089AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";
    static final String HIV_RESULT = "a1b2c3d4-0000-4000-8000-000000000004";
    static final String POSITIVE = "a1b2c3d4-0000-4000-8000-000000000005";
    static final String NEGATIVE = "a1b2c3d4-0000-4000-8000-000000000006";

    static final String HTS_JSON = """
            {
              "name": "HTS Service",
              "openmrsProgramUuid": "%s",
              "dhis2ProgramUid": "PrgVerify01",
              "trackedEntityTypeUid": "TetPerson01",
              "instance": {
                "attributes": [
                  {"source": "identifier:%s", "attributeUid": "TeaNatIdNo1", "searchable": true, "comparable": false},
                  {"source": "givenName", "attributeUid": "TeaFirstNm1", "searchable": false, "comparable": true},
                  {"source": "gender", "attributeUid": "TeaSexAttr1", "searchable": false, "comparable": false}
                ],
                "genderCodes": {"M": "MALE", "F": "FEMALE"}
              },
              "enrollment": {"openLatestCompletedEnrollment": true},
              "events": [
                {"programStageUid": "StgVisit001",
                 "feed": {"kind": "ENCOUNTER_TYPE", "reference": "%s"},
                 "dataElements": [
                   {"conceptUuid": "%s", "dataElementUid": "DeWeightKg1", "valueType": "NUMBER"},
                   {"conceptUuid": "%s", "dataElementUid": "DeResultOs1", "valueType": "TEXT",
                    "answers": {"%s": "POSITIVE", "%s": "NEGATIVE"}}
                 ]}
              ]
            }
            """.formatted(PROGRAM_UUID, NATIONAL_ID_TYPE, VISIT_TYPE, WEIGHT, HIV_RESULT, POSITIVE, NEGATIVE);

    private MappingFixtures() {
    }

    static MappingConfig hts() {
        return hts("HTS Service");
    }

    static MappingConfig hts(String name) {
        return new MappingConfig(name, PROGRAM_UUID, "PrgVerify01", "TetPerson01", instance(),
                new EnrollmentMapping(true), List.of(visitStage()));
    }

    static InstanceMapping instance() {
        return new InstanceMapping(List.of(
                new AttributeMapping("identifier:" + NATIONAL_ID_TYPE, "TeaNatIdNo1", true, false),
                new AttributeMapping("givenName", "TeaFirstNm1", false, true),
                new AttributeMapping("gender", "TeaSexAttr1", false, false)),
                orderedMap("M", "MALE", "F", "FEMALE"));
    }

    static StageMapping visitStage() {
        return new StageMapping("StgVisit001", EncounterFeed.encounterType(VISIT_TYPE), List.of(
                new DataElementMapping(WEIGHT, "DeWeightKg1", Dhis2ValueType.NUMBER, null),
                new DataElementMapping(HIV_RESULT, "DeResultOs1", Dhis2ValueType.TEXT,
                        orderedMap(POSITIVE, "POSITIVE", NEGATIVE, "NEGATIVE"))));
    }

    static Map<String, String> orderedMap(String... keysAndValues) {
        Map<String, String> map = new java.util.LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }
}
