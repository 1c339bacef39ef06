package org.openmrs.module.dhis2sync.settings;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class Dhis2OriginTest {

    @Test
    void anOriginIsSchemeHostAndPortWithItsDefault() {
        assertThat(Dhis2Origin.of("https://DHIS2.example.org/dhis")).hasToString("https://dhis2.example.org:443")
            .isEqualTo(Dhis2Origin.of("https://dhis2.example.org:443"));
        assertThat(Dhis2Origin.of("http://dhis2.example.org")).hasToString("http://dhis2.example.org:80")
            .isNotEqualTo(Dhis2Origin.of("https://dhis2.example.org"));
        assertThat(Dhis2Origin.of("https://dhis2.example.org:8443")).isNotEqualTo(Dhis2Origin.of("https://dhis2.example.org"));
    }

    @Test
    void dockerServiceNamesWithAnUnderscoreAreHosts() {
        assertThat(Dhis2Origin.of("http://dhis2_web:8080")).hasToString("http://dhis2_web:8080");
        assertThat(Dhis2Origin.of("http://dhis2_web")).hasToString("http://dhis2_web:80");
        assertThat(Dhis2Origin.of("http://dhis2_web:80x")).isNull();
        assertThat(Dhis2Origin.of("http://_bad_:80")).isNull();
    }

    @Test
    void onlyAbsoluteHttpUrlsWithAHostHaveOne() {
        assertThat(Dhis2Origin.of("ftp://dhis2.example.org")).isNull();
        assertThat(Dhis2Origin.of("dhis2.example.org")).isNull();
        assertThat(Dhis2Origin.of("https://")).isNull();
        assertThat(Dhis2Origin.of("")).isNull();
        assertThat(Dhis2Origin.of(null)).isNull();
    }

    @Test
    void plainHttpToAnotherMachineIsWarnedAbout() {
        assertThat(Dhis2Origin.plainHttpWarning("http://dhis2.example.org")).contains("plain http")
            .contains("dhis2.example.org");
        assertThat(Dhis2Origin.plainHttpWarning("http://dhis2_web:8080")).contains("dhis2_web");
        assertThat(Dhis2Origin.plainHttpWarning("https://dhis2.example.org")).isNull();
        assertThat(Dhis2Origin.plainHttpWarning("http://localhost:8080")).isNull();
        assertThat(Dhis2Origin.plainHttpWarning("http://127.0.0.1:8080")).isNull();
        assertThat(Dhis2Origin.plainHttpWarning("http://[::1]:8080")).isNull();
        assertThat(Dhis2Origin.plainHttpWarning("")).isNull();
    }
}
