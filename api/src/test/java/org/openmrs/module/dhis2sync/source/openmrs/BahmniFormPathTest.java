package org.openmrs.module.dhis2sync.source.openmrs;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BahmniFormPathTest {

    @ParameterizedTest
    @CsvSource(nullValues = "NULL", value = {
            "'Bahmni^HIV Intake.3/12-0', HIV Intake",
            "'Bahmni^Vitals.1/2-0/3-0', Vitals",
            "'Bahmni^Form v2.1.4/1-0', Form v2.1",
            "'Bahmni^Unversioned/1-0', Unversioned",
            "'HtmlFormEntry^HIV Intake.3/12-0', NULL",
            "'no namespace', NULL",
            "'Bahmni^.3/1-0', NULL",
            "NULL, NULL"})
    void formNameIsTheNamespacedPathsFormWithoutVersion(String formNamespaceAndPath, String formName) {
        assertThat(BahmniFormPath.formName(formNamespaceAndPath)).isEqualTo(formName);
    }
}
