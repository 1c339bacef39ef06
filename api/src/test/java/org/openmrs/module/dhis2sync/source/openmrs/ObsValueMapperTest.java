package org.openmrs.module.dhis2sync.source.openmrs;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ObsValueMapperTest {

    @ParameterizedTest
    @CsvSource({"12.0, 12", "72.5, 72.5", "0.0000001, 0.0000001", "10000000000, 10000000000", "-3.25, -3.25"})
    void numbersArePlainDecimals(double value, String text) {
        assertThat(ObsValueMapper.number(value)).isEqualTo(text);
    }
}
