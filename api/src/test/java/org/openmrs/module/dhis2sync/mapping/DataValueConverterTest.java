package org.openmrs.module.dhis2sync.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openmrs.module.dhis2sync.source.ObsValue;

class DataValueConverterTest {

    private final DataValueConverter converter = new DataValueConverter();

    /**
     * Expected: {@code =v} the value v, {@code -} left out, {@code !text} an error. Answers: {@code uuid=code}
     * pairs separated by {@code ;}. Coded obs have the answer uuid "ans-<value>".
     */
    @ParameterizedTest(name = "{0} from {1} ''{2}'' -> {4}")
    @CsvSource(delimiter = '|', nullValues = "NULL", textBlock = """
            NUMBER                   | NUMERIC  | 72.0                  |                           | =72
            NUMBER                   | NUMERIC  | 72.50                 |                           | =72.5
            NUMBER                   | NUMERIC  | 0.0                   |                           | =0
            NUMBER                   | NUMERIC  | 1.0E7                 |                           | =10000000
            NUMBER                   | NUMERIC  | -3.25                 |                           | =-3.25
            NUMBER                   | TEXT     | heavy                 |                           | !value 'heavy' of concept 'Weight' is not a number, as data element DeTarget001 (NUMBER) needs
            UNIT_INTERVAL            | NUMERIC  | 0.25                  |                           | =0.25
            UNIT_INTERVAL            | NUMERIC  | 1.5                   |                           | !value '1.5' of concept 'Weight' is not a number between 0 and 1, as data element DeTarget001 (UNIT_INTERVAL) needs
            PERCENTAGE               | NUMERIC  | 99.50                 |                           | =99.5
            PERCENTAGE               | NUMERIC  | 101                   |                           | !value '101' of concept 'Weight' is not a percentage between 0 and 100, as data element DeTarget001 (PERCENTAGE) needs
            INTEGER                  | NUMERIC  | 3.0                   |                           | =3
            INTEGER                  | NUMERIC  | -4                    |                           | =-4
            INTEGER                  | NUMERIC  | 2.5                   |                           | !value '2.5' of concept 'Weight' is not a whole number, as data element DeTarget001 (INTEGER) needs
            INTEGER                  | TEXT     | many                  |                           | !value 'many' of concept 'Weight' is not a number, as data element DeTarget001 (INTEGER) needs
            INTEGER_POSITIVE         | NUMERIC  | 1.0                   |                           | =1
            INTEGER_POSITIVE         | NUMERIC  | 0                     |                           | !value '0' of concept 'Weight' is not a positive whole number, as data element DeTarget001 (INTEGER_POSITIVE) needs
            INTEGER_NEGATIVE         | NUMERIC  | -2.0                  |                           | =-2
            INTEGER_NEGATIVE         | NUMERIC  | 2                     |                           | !value '2' of concept 'Weight' is not a negative whole number, as data element DeTarget001 (INTEGER_NEGATIVE) needs
            INTEGER_ZERO_OR_POSITIVE | NUMERIC  | 0.0                   |                           | =0
            INTEGER_ZERO_OR_POSITIVE | NUMERIC  | -1                    |                           | !value '-1' of concept 'Weight' is not zero or a positive whole number, as data element DeTarget001 (INTEGER_ZERO_OR_POSITIVE) needs
            BOOLEAN                  | BOOLEAN  | true                  |                           | =true
            BOOLEAN                  | BOOLEAN  | false                 |                           | =false
            BOOLEAN                  | CODED    | Yes                   | ans-Yes=true;ans-No=false | =true
            BOOLEAN                  | CODED    | No                    | ans-Yes=true;ans-No=false | =false
            BOOLEAN                  | CODED    | Yes                   |                           | !value 'Yes' of concept 'Weight' is not true or false (map its answers to true or false), as data element DeTarget001 (BOOLEAN) needs
            TRUE_ONLY                | BOOLEAN  | true                  |                           | =true
            TRUE_ONLY                | BOOLEAN  | false                 |                           | -
            TRUE_ONLY                | CODED    | No                    | ans-Yes=true;ans-No=false | -
            DATE                     | DATE     | 2024-03-01            |                           | =2024-03-01
            DATE                     | DATETIME | 2024-03-01T10:15:30   |                           | =2024-03-01
            DATE                     | TEXT     | 01/03/2024            |                           | !value '01/03/2024' of concept 'Weight' is not a date, as data element DeTarget001 (DATE) needs
            AGE                      | DATE     | 1990-07-15            |                           | =1990-07-15
            DATETIME                 | DATETIME | 2024-03-01T10:15:30.250 |                         | =2024-03-01T10:15:30
            DATETIME                 | DATETIME | 2024-03-01 10:15:30   |                           | =2024-03-01T10:15:30
            DATETIME                 | DATETIME | 2024-03-01T10:15:30.000+0300 |                    | =2024-03-01T10:15:30
            DATETIME                 | DATETIME | 2024-03-01T10:15:30Z  |                           | =2024-03-01T10:15:30
            DATETIME                 | DATE     | 2024-03-01            |                           | =2024-03-01T00:00:00
            DATETIME                 | TEXT     | soon                  |                           | !value 'soon' of concept 'Weight' is not a date and time, as data element DeTarget001 (DATETIME) needs
            TIME                     | DATETIME | 2024-03-01T10:15:30   |                           | =10:15
            TIME                     | TEXT     | 08:05:00              |                           | =08:05
            TIME                     | TEXT     | noon                  |                           | !value 'noon' of concept 'Weight' is not a time (HH:mm), as data element DeTarget001 (TIME) needs
            TEXT                     | TEXT     | Referred to clinic    |                           | =Referred to clinic
            TEXT                     | NUMERIC  | 12.0                  |                           | =12
            TEXT                     | CODED    | Positive              | ans-Positive=POSITIVE     | =POSITIVE
            TEXT                     | CODED    | Positive              |                           | =Positive
            TEXT                     | CODED    | Inconclusive          | ans-Positive=POSITIVE     | !no option code mapped for answer 'Inconclusive' (ans-Inconclusive) of concept 'Weight'
            LONG_TEXT                | TEXT     | A long note           |                           | =A long note
            MULTI_TEXT               | CODED    | Cough                 | ans-Cough=COUGH           | =COUGH
            INTEGER                  | CODED    | Two                   | ans-Two=2                 | =2
            LETTER                   | TEXT     | B                     |                           | =B
            LETTER                   | TEXT     | BB                    |                           | !value 'BB' of concept 'Weight' is not a single letter, as data element DeTarget001 (LETTER) needs
            PHONE_NUMBER             | TEXT     | +254700000000         |                           | =+254700000000
            EMAIL                    | TEXT     | a@b.org               |                           | =a@b.org
            URL                      | TEXT     | https://x.org         |                           | =https://x.org
            TEXT                     | TEXT     | '   '                 |                           | -
            NUMBER                   | NUMERIC  | NULL                  |                           | -
            COORDINATE               | TEXT     | [1,2]                 |                           | !data element DeTarget001 has value type COORDINATE, which an OpenMRS observation cannot fill (concept 'Weight')
            """)
    void convertsByValueType(Dhis2ValueType valueType, ObsValue.Type obsType, String value, String answers,
            String expected) {
        DataElementMapping dataElement = new DataElementMapping("concept-uuid", "DeTarget001", valueType,
                answers(answers));
        ObsValue obs = new ObsValue("concept-uuid", "Weight", obsType, value,
                obsType == ObsValue.Type.CODED ? "ans-" + value : null, null, null);

        assertThat(converter.convert(dataElement, obs)).isEqualTo(expectation(expected));
    }

    @Test
    void theMissingAnswerErrorNamesTheConceptAndTheAnswer() {
        DataElementMapping dataElement = new DataElementMapping("c-uuid", "DeResultOs1", Dhis2ValueType.TEXT,
                Map.of("pos-uuid", "POSITIVE"));
        ObsValue obs = new ObsValue("c-uuid", "HIV test result", ObsValue.Type.CODED, "Indeterminate",
                "ind-uuid", "HTS", List.of());

        Converted converted = converter.convert(dataElement, obs);

        assertThat(converted.isError()).isTrue();
        assertThat(converted.getError()).isEqualTo(
                "no option code mapped for answer 'Indeterminate' (ind-uuid) of concept 'HIV test result'");
    }

    private static Map<String, String> answers(String pairs) {
        Map<String, String> map = new LinkedHashMap<>();
        if (pairs != null) {
            for (String pair : pairs.split(";")) {
                String[] parts = pair.split("=", 2);
                map.put(parts[0], parts[1]);
            }
        }
        return map;
    }

    private static Converted expectation(String expected) {
        if (expected.equals("-")) {
            return Converted.leftOut();
        }
        return expected.startsWith("=") ? Converted.value(expected.substring(1))
                : Converted.error(expected.substring(1));
    }
}
