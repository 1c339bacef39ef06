package org.openmrs.module.dhis2sync.mapping;

import org.openmrs.module.dhis2sync.dhis2.AttributeValue;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;
import static org.openmrs.module.dhis2sync.mapping.MappingFixtures.NATIONAL_ID_TYPE;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openmrs.module.dhis2sync.source.PatientRecord;

class AttributeValuesTest {

    private static final String PHONE_TYPE = "phone-attribute-type-uuid";

    private final InstanceMapping mapping = new InstanceMapping(List.of(
            new AttributeMapping("identifier:" + NATIONAL_ID_TYPE, "TeaNatIdNo1", true, false),
            new AttributeMapping("givenName", "TeaFirstNm1", true, true),
            new AttributeMapping("familyName", "TeaLastNm01", false, true),
            new AttributeMapping("gender", "TeaSexAttr1", false, true),
            new AttributeMapping("birthdate", "TeaBirthDt1", false, false),
            new AttributeMapping("birthdateEstimated", "TeaBirthEs1", false, false),
            new AttributeMapping("attribute:" + PHONE_TYPE, "TeaPhoneNo1", false, false),
            new AttributeMapping("address:cityVillage", "TeaVillage1", false, false)),
            Map.of("M", "MALE", "F", "FEMALE"));

    @Test
    void convertsEveryMappedFieldInMappingOrder() {
        PatientRecord patient = new PatientRecord("p-uuid", "Amina", null, "Otieno", "F", LocalDate.of(1990, 7, 5),
                true, Map.of(NATIONAL_ID_TYPE, "NID-123"), Map.of(PHONE_TYPE, "+254700000001"),
                Map.of("cityVillage", "Kisumu"), null);

        assertThat(AttributeValues.of(mapping, patient)).containsExactly(
                new AttributeValue("TeaNatIdNo1", "NID-123"),
                new AttributeValue("TeaFirstNm1", "Amina"),
                new AttributeValue("TeaLastNm01", "Otieno"),
                new AttributeValue("TeaSexAttr1", "FEMALE"),
                new AttributeValue("TeaBirthDt1", "1990-07-05"),
                new AttributeValue("TeaBirthEs1", "true"),
                new AttributeValue("TeaPhoneNo1", "+254700000001"),
                new AttributeValue("TeaVillage1", "Kisumu"));
    }

    @Test
    void leavesOutFieldsWithoutValueAndSendsAnUnmappedGenderAsOpenmrsCode() {
        PatientRecord patient = new PatientRecord("p-uuid", "Juma", null, " ", "O", null, false, null, null, null,
                null);

        assertThat(AttributeValues.of(mapping, patient)).containsExactly(
                new AttributeValue("TeaFirstNm1", "Juma"),
                new AttributeValue("TeaSexAttr1", "O"),
                new AttributeValue("TeaBirthEs1", "false"));
    }

    @Test
    void givesTheSearchableAndComparableValuesTheEngineDeduplicatesBy() {
        PatientRecord patient = new PatientRecord("p-uuid", "Amina", null, "Otieno", "M", null, false,
                Map.of(NATIONAL_ID_TYPE, "NID-123"), null, null, null);

        assertThat(AttributeValues.searchValues(mapping, patient))
                .containsExactly(entry("TeaNatIdNo1", "NID-123"), entry("TeaFirstNm1", "Amina"));
        assertThat(AttributeValues.comparableValues(mapping, patient)).containsExactly(
                entry("TeaFirstNm1", "Amina"), entry("TeaLastNm01", "Otieno"), entry("TeaSexAttr1", "MALE"));
    }

    @Test
    void aPatientWithoutAnySearchableValueHasNoSearchValues() {
        PatientRecord patient = new PatientRecord("p-uuid", null, null, "Otieno", "M", null, false, null, null,
                null, null);

        assertThat(AttributeValues.searchValues(mapping, patient)).isEmpty();
    }
}
