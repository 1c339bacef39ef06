package org.openmrs.module.dhis2sync.health;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openmrs.module.dhis2sync.mapping.Dhis2ValueType;

/** The README's table of which DHIS2 value types each OpenMRS datatype fills. */
class ValueTypeFitTest {

    @ParameterizedTest(name = "{0} as {1} (option set: {2}) fits: {3}")
    @CsvSource({
        "Numeric, NUMBER, false, true",
        "Numeric, INTEGER_POSITIVE, false, true",
        "Numeric, PERCENTAGE, false, true",
        "Numeric, TEXT, false, true",
        "Numeric, DATE, false, false",
        "Numeric, BOOLEAN, false, false",
        "Structured Numeric, INTEGER, false, true",
        "Coded, TEXT, false, true",
        "Coded, BOOLEAN, false, true",
        "Coded, TRUE_ONLY, false, true",
        "Coded, INTEGER, false, false",
        "Coded, INTEGER, true, true",
        "Coded, DATE, false, false",
        "Coded, COORDINATE, true, false",
        "Text, TEXT, false, true",
        "Text, LONG_TEXT, false, true",
        "Text, PHONE_NUMBER, false, true",
        "Text, NUMBER, false, false",
        "Boolean, BOOLEAN, false, true",
        "Boolean, TRUE_ONLY, false, true",
        "Boolean, INTEGER, false, false",
        "Date, DATE, false, true",
        "Date, AGE, false, true",
        "Date, TIME, false, false",
        "Datetime, DATETIME, false, true",
        "Datetime, TIME, false, true",
        "Time, TIME, false, true",
        "Time, DATE, false, false",
        "N/A, TEXT, false, false",
        "Document, TEXT, false, false",
        "Complex, FILE_RESOURCE, false, false",
        "numeric, NUMBER, false, true",
    })
    void fits(String datatype, Dhis2ValueType valueType, boolean optionSet, boolean fits) {
        assertThat(ValueTypeFit.fits(datatype, valueType, optionSet)).isEqualTo(fits);
    }
}
