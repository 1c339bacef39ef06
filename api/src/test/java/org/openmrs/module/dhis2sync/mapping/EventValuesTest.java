package org.openmrs.module.dhis2sync.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openmrs.module.dhis2sync.source.EncounterFeed;
import org.openmrs.module.dhis2sync.source.EncounterRecord;
import org.openmrs.module.dhis2sync.source.ObsValue;

/** Several obs of one concept in one encounter: joined for MULTI_TEXT, the most recent otherwise, with a warning. */
class EventValuesTest {

    private static final String CONCEPT = "concept-symptom";
    private static final String ELEMENT = "DeTarget001";

    /**
     * The obs of one concept in one encounter, as {@code TYPE:value@HH:mm#id} separated by {@code ;} (time and id
     * optional, coded answers have the uuid "ans-<value>"). Expected: {@code =v} the value v, {@code -} nothing,
     * {@code !text} an error starting so. Warning: a text the warning contains, empty for none.
     */
    @ParameterizedTest(name = "{0} from [{2}] -> {3}")
    @CsvSource(delimiter = '|', nullValues = "NULL", textBlock = """
            MULTI_TEXT | ans-Cough=COUGH;ans-Fever=FEVER;ans-Rash=RASH | CODED:Fever#2;CODED:Cough#1;CODED:Rash#3 | =COUGH,FEVER,RASH | 
            MULTI_TEXT | ans-Cough=COUGH;ans-Fever=FEVER;ans-Rash=RASH | CODED:Rash#9;CODED:Cough#1 | =COUGH,RASH | 
            MULTI_TEXT | ans-Cough=COUGH;ans-Fever=FEVER               | CODED:Fever#1;CODED:Fever#2 | =FEVER | 
            MULTI_TEXT | ans-Cough=COUGH;ans-Fever=FEVER               | CODED:Cough | =COUGH | 
            MULTI_TEXT | ans-Cough=COUGH                               | CODED:Cough#1;CODED:Itch#2 | !no option code mapped for answer 'Itch' (ans-Itch) of concept 'Symptom' | 
            MULTI_TEXT |                                               | TEXT:red;TEXT:green | =green,red | 
            MULTI_TEXT |                                               | TEXT:red, dry;TEXT:green | !value 'red, dry' of concept 'Symptom' holds ',', which separates the values of MULTI_TEXT data element DeTarget001 in DHIS2 | 
            MULTI_TEXT |                                               | TEXT:  | - | 
            NUMBER     |                                               | NUMERIC:62@10:00#5;NUMERIC:60@10:30#4 | =60 | 2 values of concept 'Symptom' (concept-symptom) in encounter enc-1 (62; 60); data element DeTarget001 (NUMBER) takes one: sent the most recent, '60' (obs 4 of 2024-03-05T10:30). Only a MULTI_TEXT data element takes them all
            NUMBER     |                                               | NUMERIC:62@10:00#5;NUMERIC:60@10:00#4 | =62 | sent the most recent, '62' (obs 5 of 2024-03-05T10:00)
            NUMBER     |                                               | NUMERIC:62#5;NUMERIC:60#4;NUMERIC:61#6 | =61 | 3 values of concept 'Symptom'
            NUMBER     |                                               | NUMERIC:62;NUMERIC:60 | =60 | sent the most recent, '60'. Only
            NUMBER     |                                               | NUMERIC:62@10:00#5;NUMERIC:62@10:30#6 | =62 | 
            NUMBER     |                                               | NUMERIC:62@10:00#5;TEXT:heavy@10:30#6 | !value 'heavy' of concept 'Symptom' is not a number | 
            TEXT       | ans-Cough=COUGH;ans-Fever=FEVER               | CODED:Fever@09:00#2;CODED:Cough@09:05#1 | =COUGH | 2 values of concept 'Symptom' (concept-symptom) in encounter enc-1 (Fever (ans-Fever); Cough (ans-Cough))
            TRUE_ONLY  |                                               | BOOLEAN:true@09:00#1;BOOLEAN:false@09:05#2 | - | sent the most recent, nothing (left out)
            """)
    void severalObsOfOneConcept(Dhis2ValueType type, String answers, String obs, String expected, String warning) {
        StageMapping stage = stage(new DataElementMapping(CONCEPT, ELEMENT, type, answers(answers)));

        EventValues values = EventValues.of(stage, encounter(obs(obs)), new DataValueConverter(), false);

        if (expected.startsWith("!")) {
            assertThat(values.getError()).startsWith(expected.substring(1));
        } else {
            assertThat(values.getError()).isNull();
            assertThat(values.getValues().get(ELEMENT)).isEqualTo(expected.equals("-") ? null : expected.substring(1));
        }
        if (warning == null || warning.isEmpty()) {
            assertThat(values.getWarnings()).isEmpty();
        } else {
            assertThat(values.getWarnings()).singleElement().asString().contains(warning);
        }
    }

    @Test
    void blanksClearEveryMappedDataElementWithoutAValueOnUpdate() {
        StageMapping stage = stage(new DataElementMapping(CONCEPT, ELEMENT, Dhis2ValueType.MULTI_TEXT,
                Map.of("ans-Cough", "COUGH")), new DataElementMapping("concept-weight", "DeWeight001",
                Dhis2ValueType.NUMBER, null));
        EncounterRecord encounter = encounter(obs("CODED:Cough#1"));

        assertThat(EventValues.of(stage, encounter, new DataValueConverter(), true).getValues())
                .containsExactly(entry(ELEMENT, "COUGH"), entry("DeWeight001", null));
        assertThat(EventValues.of(stage, encounter, new DataValueConverter(), false).getValues())
                .containsExactly(entry(ELEMENT, "COUGH"));
    }

    @Test
    void oneConceptToTwoDataElementsFollowsEachOnesType() {
        StageMapping stage = stage(new DataElementMapping(CONCEPT, ELEMENT, Dhis2ValueType.MULTI_TEXT,
                Map.of("ans-Cough", "COUGH", "ans-Fever", "FEVER")), new DataElementMapping(CONCEPT, "DeLatest001",
                Dhis2ValueType.TEXT, Map.of("ans-Cough", "COUGH", "ans-Fever", "FEVER")));

        EventValues values = EventValues.of(stage, encounter(obs("CODED:Fever@10:00#1;CODED:Cough@10:01#2")),
                new DataValueConverter(), false);

        assertThat(values.getValues()).containsExactly(entry(ELEMENT, "COUGH,FEVER"),
                entry("DeLatest001", "COUGH"));
        assertThat(values.getWarnings()).singleElement().asString().contains("data element DeLatest001 (TEXT)");
    }

    @Test
    void onlyTheStagesObsCount() {
        // a repeated section of a Bahmni form: each repetition's field under its own group, both of the form
        StageMapping stage = new StageMapping("StgTarget01", EncounterFeed.form("ART"), List.of(
                new DataElementMapping(CONCEPT, ELEMENT, Dhis2ValueType.TEXT, null)));
        ObsValue first = new ObsValue(CONCEPT, "Symptom", ObsValue.Type.TEXT, "first", null, "ART",
                List.of("concept-section"), LocalDateTime.of(2024, 3, 5, 9, 0), 11);
        ObsValue second = new ObsValue(CONCEPT, "Symptom", ObsValue.Type.TEXT, "second", null, "ART",
                List.of("concept-section"), LocalDateTime.of(2024, 3, 5, 9, 0), 14);
        ObsValue otherForm = new ObsValue(CONCEPT, "Symptom", ObsValue.Type.TEXT, "other form", null, "Vitals",
                List.of(), LocalDateTime.of(2024, 3, 5, 11, 0), 20);

        EventValues values = EventValues.of(stage, new EncounterRecord("enc-1", "patient-1", "type-visit",
                LocalDateTime.of(2024, 3, 5, 9, 0), "loc-1", null, List.of(first, second, otherForm)),
                new DataValueConverter(), false);

        assertThat(values.getValues()).containsExactly(entry(ELEMENT, "second"));
        assertThat(values.getWarnings()).singleElement().asString().contains("2 values of concept 'Symptom'")
                .contains("(first; second)");
    }

    private static StageMapping stage(DataElementMapping... elements) {
        return new StageMapping("StgTarget01", EncounterFeed.encounterType("type-visit"), Arrays.asList(elements));
    }

    private static EncounterRecord encounter(List<ObsValue> obs) {
        return new EncounterRecord("enc-1", "patient-1", "type-visit", LocalDateTime.of(2024, 3, 5, 9, 0), "loc-1",
                null, obs);
    }

    private static Map<String, String> answers(String text) {
        Map<String, String> answers = new LinkedHashMap<>();
        if (text != null && !text.trim().isEmpty()) {
            for (String pair : text.trim().split(";")) {
                String[] parts = pair.split("=");
                answers.put(parts[0], parts[1]);
            }
        }
        return answers;
    }

    /** {@code TYPE:value@HH:mm#id;...} */
    private static List<ObsValue> obs(String text) {
        List<ObsValue> obs = new ArrayList<>();
        for (String one : text.split(";")) {
            String[] typeAndRest = one.split(":", 2);
            String rest = typeAndRest[1];
            Integer id = null;
            LocalDateTime time = null;
            if (rest.contains("#")) {
                id = Integer.valueOf(rest.substring(rest.indexOf('#') + 1));
                rest = rest.substring(0, rest.indexOf('#'));
            }
            if (rest.contains("@")) {
                String[] hm = rest.substring(rest.indexOf('@') + 1).split(":");
                time = LocalDateTime.of(2024, 3, 5, Integer.parseInt(hm[0]), Integer.parseInt(hm[1]));
                rest = rest.substring(0, rest.indexOf('@'));
            }
            ObsValue.Type type = ObsValue.Type.valueOf(typeAndRest[0]);
            obs.add(new ObsValue(CONCEPT, "Symptom", type, rest, type == ObsValue.Type.CODED ? "ans-" + rest : null,
                    null, List.of(), time, id));
        }
        return obs;
    }
}
