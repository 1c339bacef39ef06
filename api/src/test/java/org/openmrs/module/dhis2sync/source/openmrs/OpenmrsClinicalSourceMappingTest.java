package org.openmrs.module.dhis2sync.source.openmrs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.mockito.Mockito.doReturn;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.spy;
import static org.mockito.Mockito.when;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.hibernate.SessionFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openmrs.module.dhis2sync.testsupport.EnglishLocales;
import org.openmrs.Concept;
import org.openmrs.ConceptDatatype;
import org.openmrs.ConceptName;
import org.openmrs.Encounter;
import org.openmrs.EncounterType;
import org.openmrs.Form;
import org.openmrs.Location;
import org.openmrs.Obs;
import org.openmrs.Patient;
import org.openmrs.PatientIdentifier;
import org.openmrs.PatientIdentifierType;
import org.openmrs.PatientProgram;
import org.openmrs.PersonAddress;
import org.openmrs.PersonAttribute;
import org.openmrs.PersonAttributeType;
import org.openmrs.PersonName;
import org.openmrs.Program;
import org.openmrs.api.ConceptService;
import org.openmrs.api.EncounterService;
import org.openmrs.api.PatientService;
import org.openmrs.api.ProgramWorkflowService;
import org.openmrs.module.dhis2sync.source.EncounterRecord;
import org.openmrs.module.dhis2sync.source.EnrollmentRecord;
import org.openmrs.module.dhis2sync.source.ObsValue;
import org.openmrs.module.dhis2sync.source.PatientRecord;

/** OpenMRS objects (as the mocked services return them) to records. */
@ExtendWith(EnglishLocales.class)
class OpenmrsClinicalSourceMappingTest {

    private final PatientService patientService = mock(PatientService.class);
    private final ProgramWorkflowService programWorkflowService = mock(ProgramWorkflowService.class);
    private final EncounterService encounterService = mock(EncounterService.class);
    private final ConceptService conceptService = mock(ConceptService.class);
    /** The chunk's prefetch queries answer nothing here: the services hand out the objects. */
    private final OpenmrsClinicalSource source = new OpenmrsClinicalSource(mock(SessionFactory.class,
            org.mockito.Mockito.RETURNS_DEEP_STUBS), patientService,
            programWorkflowService, encounterService, conceptService);

    // ---- builders of OpenMRS objects

    private static <T extends org.openmrs.BaseOpenmrsObject> T withUuid(T object, String uuid) {
        object.setUuid(uuid);
        return object;
    }

    private static <T extends org.openmrs.BaseOpenmrsData> T voided(T data) {
        data.setVoided(true);
        return data;
    }

    private static PersonName name(String given, String middle, String family, boolean preferred) {
        PersonName name = new PersonName(given, middle, family);
        name.setPreferred(preferred);
        return name;
    }

    private static PatientIdentifier identifier(String value, String typeUuid, String locationUuid, boolean preferred) {
        PatientIdentifier identifier = new PatientIdentifier(value, withUuid(new PatientIdentifierType(), typeUuid),
                locationUuid == null ? null : withUuid(new Location(), locationUuid));
        identifier.setPreferred(preferred);
        return identifier;
    }

    private static PersonAttribute attribute(String typeUuid, String format, String value) {
        PersonAttributeType type = withUuid(new PersonAttributeType(), typeUuid);
        type.setFormat(format);
        return new PersonAttribute(type, value);
    }

    private static Concept concept(int id, String uuid, String name, String hl7) {
        Concept concept = withUuid(new Concept(id), uuid);
        concept.addName(new ConceptName(name, Locale.ENGLISH));
        ConceptDatatype datatype = new ConceptDatatype();
        datatype.setHl7Abbreviation(hl7);
        concept.setDatatype(datatype);
        return concept;
    }

    @SafeVarargs
    private static <T> Set<T> setOf(T... items) {
        return new LinkedHashSet<>(Arrays.asList(items));
    }

    private static Timestamp time(int year, int month, int day, int hour, int minute) {
        return Timestamp.valueOf(LocalDateTime.of(year, month, day, hour, minute));
    }

    // ---- patients

    private Patient jane() {
        Patient patient = withUuid(new Patient(), "patient-jane");
        patient.setGender("F");
        patient.setBirthdate(java.sql.Date.valueOf(LocalDate.of(1990, 5, 4)));
        patient.setBirthdateEstimated(true);
        patient.setNames(setOf(voided(name("Old", null, "Name", true)), name("Other", null, "Alias", false),
                name("Jane", "M", "Doe", true)));
        patient.setIdentifiers(setOf(identifier("A-2", "type-a", "loc-other", false),
                identifier("A-1", "type-a", "loc-registration", true),
                voided(identifier("B-1", "type-b", null, true)),
                identifier("C-1", "type-c", null, false)));
        patient.setAttributes(setOf(attribute("attr-phone", "java.lang.String", "0712"),
                attribute("attr-civil", PatientMapper.CONCEPT_FORMAT, "42"),
                voided(attribute("attr-voided", "java.lang.String", "gone")),
                attribute("attr-bad-coded", PatientMapper.CONCEPT_FORMAT, "not-an-id")));
        PersonAddress oldAddress = new PersonAddress();
        oldAddress.setPreferred(true);
        oldAddress.setCityVillage("Old Town");
        PersonAddress address = new PersonAddress();
        address.setPreferred(true);
        address.setAddress1("Street 1");
        address.setCityVillage("Town");
        address.setCountry("  ");
        address.setAddress15("far");
        patient.setAddresses(setOf(voided(oldAddress), address));
        return patient;
    }

    @Test
    void patientIsMappedFromItsPreferredNonVoidedRows() {
        when(patientService.getPatient(1)).thenReturn(jane());
        when(conceptService.getConcept(42)).thenReturn(concept(42, "concept-married", "Married", "N/A"));

        PatientRecord record = source.loadPatients(List.of(1)).get(0);

        assertThat(record.getUuid()).isEqualTo("patient-jane");
        assertThat(List.of(record.getGivenName(), record.getMiddleName(), record.getFamilyName()))
                .containsExactly("Jane", "M", "Doe");
        assertThat(record.getGender()).isEqualTo("F");
        assertThat(record.getBirthdate()).isEqualTo(LocalDate.of(1990, 5, 4));
        assertThat(record.isBirthdateEstimated()).isTrue();
        assertThat(record.getIdentifiersByTypeUuid()).containsExactlyInAnyOrderEntriesOf(
                Map.of("type-a", "A-1", "type-c", "C-1"));
        assertThat(record.getRegistrationLocationUuid()).isEqualTo("loc-registration");
        assertThat(record.getAttributesByTypeUuid()).containsExactlyInAnyOrderEntriesOf(
                Map.of("attr-phone", "0712", "attr-civil", "Married", "attr-bad-coded", "not-an-id"));
        assertThat(record.getAddress()).containsExactlyInAnyOrderEntriesOf(
                Map.of("address1", "Street 1", "cityVillage", "Town", "address15", "far"));
    }

    @Test
    void withoutAPreferredNonVoidedRowTheFirstNonVoidedOneIsTaken() {
        Patient patient = withUuid(new Patient(), "patient-x");
        patient.setNames(setOf(voided(name("Voided", null, "Preferred", true)), name("First", null, "Kept", false),
                name("Second", null, "Kept", false)));
        patient.setIdentifiers(setOf(identifier("X-1", "type-a", "loc-first", false)));
        when(patientService.getPatient(7)).thenReturn(patient);

        PatientRecord record = source.loadPatients(List.of(7)).get(0);

        assertThat(record.getGivenName()).isEqualTo("First");
        assertThat(record.getRegistrationLocationUuid()).isEqualTo("loc-first");
        assertThat(record.getAddress()).isEmpty();
        assertThat(record.getBirthdate()).isNull();
        assertThat(record.isBirthdateEstimated()).isFalse();
    }

    @Test
    void patientsKeepTheirOrderAndAnUnresolvedIdIsLeftOut() {
        when(patientService.getPatient(2)).thenReturn(withUuid(new Patient(), "patient-2"));
        when(patientService.getPatient(1)).thenReturn(withUuid(new Patient(), "patient-1"));

        assertThat(source.loadPatients(List.of(2, 99, 1))).extracting(PatientRecord::getUuid)
                .containsExactly("patient-2", "patient-1");
        assertThatThrownBy(() -> source.loadPatients(Arrays.asList(1, null))).hasMessageContaining("patientIds");
    }

    @Test
    void recordsAreLoadedByUuidForRetriesAndAnUnresolvedUuidIsLeftOut() {
        when(patientService.getPatientByUuid("patient-2")).thenReturn(withUuid(new Patient(), "patient-2"));
        PatientProgram enrollment = withUuid(new PatientProgram(), "enrollment-1");
        enrollment.setPatient(withUuid(new Patient(), "patient-2"));
        enrollment.setProgram(withUuid(new Program(), "program-hiv"));
        enrollment.setDateEnrolled(time(2024, 1, 10, 0, 0));
        when(programWorkflowService.getPatientProgramByUuid("enrollment-1")).thenReturn(enrollment);

        assertThat(source.loadPatientsByUuid(List.of("gone", "patient-2"))).extracting(PatientRecord::getUuid)
                .containsExactly("patient-2");
        assertThat(source.loadEnrollmentsByUuid(List.of("enrollment-1", "gone")))
                .extracting(EnrollmentRecord::getUuid).containsExactly("enrollment-1");
        assertThat(source.loadEncountersByUuid(List.of("gone"))).isEmpty();
    }

    @Test
    void aVoidedPatientIsNeverLoadedAndItsEnrollmentsReadAsVoided() {
        Patient merged = voided(withUuid(new Patient(), "patient-merged"));
        when(patientService.getPatient(3)).thenReturn(merged);
        when(patientService.getPatientByUuid("patient-merged")).thenReturn(merged);
        PatientProgram left = withUuid(new PatientProgram(), "enrollment-left");
        left.setPatient(merged);
        left.setProgram(withUuid(new Program(), "program-hiv"));
        left.setDateEnrolled(time(2024, 1, 10, 0, 0));
        when(programWorkflowService.getPatientProgram(13)).thenReturn(left);

        assertThat(source.loadPatients(List.of(3))).isEmpty();
        assertThat(source.loadPatientsByUuid(List.of("patient-merged"))).isEmpty();
        assertThat(source.loadEnrollments(List.of(13))).singleElement()
                .satisfies(e -> assertThat(e.isVoided()).isTrue());
    }

    // ---- enrollments

    @Test
    void enrollmentIsMapped() {
        PatientProgram enrollment = withUuid(new PatientProgram(), "enrollment-1");
        enrollment.setPatient(withUuid(new Patient(), "patient-1"));
        enrollment.setProgram(withUuid(new Program(), "program-hiv"));
        enrollment.setDateEnrolled(time(2024, 1, 10, 0, 0));
        enrollment.setDateCompleted(time(2024, 5, 31, 23, 59));
        enrollment.setLocation(withUuid(new Location(), "loc-clinic"));
        enrollment.setVoided(true);
        when(programWorkflowService.getPatientProgram(11)).thenReturn(enrollment);
        PatientProgram active = withUuid(new PatientProgram(), "enrollment-2");
        active.setPatient(withUuid(new Patient(), "patient-2"));
        active.setProgram(withUuid(new Program(), "program-hiv"));
        active.setDateEnrolled(time(2024, 2, 1, 9, 0));
        when(programWorkflowService.getPatientProgram(12)).thenReturn(active);

        List<EnrollmentRecord> records = source.loadEnrollments(List.of(11, 404, 12));

        assertThat(records).extracting(EnrollmentRecord::getUuid, EnrollmentRecord::getPatientUuid,
                EnrollmentRecord::getProgramUuid, EnrollmentRecord::getDateEnrolled,
                EnrollmentRecord::getDateCompleted, EnrollmentRecord::getLocationUuid, EnrollmentRecord::isVoided)
                .containsExactly(
                        tuple("enrollment-1", "patient-1", "program-hiv", LocalDate.of(2024, 1, 10),
                                LocalDate.of(2024, 5, 31), "loc-clinic", true),
                        tuple("enrollment-2", "patient-2", "program-hiv", LocalDate.of(2024, 2, 1), null, null,
                                false));
    }

    // ---- encounters

    private static Obs obs(int id, Concept concept, Obs group) {
        Obs obs = withUuid(new Obs(id), "obs-" + id);
        obs.setConcept(concept);
        obs.setObsGroup(group);
        if (group != null) {
            if (group.getGroupMembers(true) == null) {
                group.setGroupMembers(new LinkedHashSet<>());
            }
            group.getGroupMembers(true).add(obs);
        }
        return obs;
    }

    private Encounter bahmniEncounter() {
        Concept weight = concept(1, "concept-weight", "Weight", ConceptDatatype.NUMERIC);
        Concept vitals = concept(2, "concept-vitals", "Vitals", "N/A");
        Concept temperature = concept(3, "concept-temperature", "Temperature", ConceptDatatype.NUMERIC);
        Concept bloodPressure = concept(4, "concept-bp", "Blood pressure", "N/A");
        Concept systolic = concept(5, "concept-systolic", "Systolic", ConceptDatatype.NUMERIC);
        Concept note = concept(6, "concept-note", "Note", ConceptDatatype.TEXT);
        Concept pregnant = concept(7, "concept-pregnant", "Pregnant", ConceptDatatype.CODED);
        Concept yes = concept(8, "concept-yes", "Yes", "N/A");
        Concept onArt = concept(9, "concept-on-art", "On ART", ConceptDatatype.BOOLEAN);
        Concept visitDate = concept(10, "concept-visit-date", "Next visit", ConceptDatatype.DATE);
        Concept sampleTime = concept(11, "concept-sample-time", "Sample taken", ConceptDatatype.DATETIME);
        Concept trueConcept = concept(12, "concept-true", "True", "N/A");

        Obs weightObs = obs(1, weight, null);
        weightObs.setValueNumeric(72.5);
        weightObs.setFormNamespaceAndPath("Bahmni^HIV Intake.3/1-0");
        Obs vitalsGroup = obs(2, vitals, null);
        Obs temperatureObs = obs(3, temperature, vitalsGroup);
        temperatureObs.setValueNumeric(37.0);
        Obs voidedMember = voided(obs(4, temperature, vitalsGroup));
        voidedMember.setValueNumeric(39.0);
        Obs bpGroup = obs(5, bloodPressure, vitalsGroup);
        Obs systolicObs = obs(6, systolic, bpGroup);
        systolicObs.setValueNumeric(120.0);
        Obs voidedText = voided(obs(7, note, null));
        voidedText.setValueText("voided note");
        Obs voidedGroup = voided(obs(8, vitals, null));
        Obs memberOfVoidedGroup = obs(9, temperature, voidedGroup);
        memberOfVoidedGroup.setValueNumeric(38.0);
        Obs coded = obs(10, pregnant, null);
        coded.setValueCoded(yes);
        // OpenMRS stores a Boolean answer as its "true" concept and reads it back through its ConceptService (the real
        // Obs asks Context): what it answers is stubbed, so that this runs against the real OpenMRS too
        Obs bool = spy(obs(11, onArt, null));
        bool.setValueCoded(trueConcept);
        doReturn(Boolean.TRUE).when(bool).getValueBoolean();
        Obs date = obs(12, visitDate, null);
        date.setValueDatetime(time(2024, 4, 1, 0, 0));
        Obs datetime = obs(13, sampleTime, null);
        datetime.setValueDatetime(time(2024, 3, 5, 14, 5));
        Obs text = obs(14, note, null);
        text.setValueText("feels better");
        text.setFormNamespaceAndPath("Bahmni^Follow-up.12/4-0/5-0");

        Encounter encounter = withUuid(new Encounter(), "encounter-1");
        encounter.setPatient(withUuid(new Patient(), "patient-1"));
        encounter.setEncounterType(withUuid(new EncounterType(), "type-visit"));
        encounter.setEncounterDatetime(time(2024, 3, 5, 12, 30));
        encounter.setLocation(withUuid(new Location(), "loc-clinic"));
        // as OpenMRS maps it: every obs of the encounter, members included, in no particular order
        encounter.setObs(setOf(text, systolicObs, weightObs, vitalsGroup, temperatureObs, voidedMember, bpGroup,
                voidedText, voidedGroup, memberOfVoidedGroup, coded, bool, date, datetime));
        return encounter;
    }

    @Test
    void encounterIsMappedWithItsObsFlattenedAndTyped() {
        Encounter encounter = bahmniEncounter(); // built before: it stubs one of its obs
        when(encounterService.getEncounter(100)).thenReturn(encounter);

        EncounterRecord record = source.loadEncounters(List.of(100)).get(0);

        assertThat(record.getUuid()).isEqualTo("encounter-1");
        assertThat(record.getPatientUuid()).isEqualTo("patient-1");
        assertThat(record.getEncounterTypeUuid()).isEqualTo("type-visit");
        assertThat(record.getEncounterDatetime()).isEqualTo(LocalDateTime.of(2024, 3, 5, 12, 30));
        assertThat(record.getLocationUuid()).isEqualTo("loc-clinic");
        assertThat(record.getFormName()).isNull();
        assertThat(record.getObs()).extracting(ObsValue::getConceptUuid, ObsValue::getConceptName, ObsValue::getType,
                ObsValue::getValue, ObsValue::getCodedAnswerUuid, ObsValue::getFormName,
                ObsValue::getGroupConceptUuids).containsExactly(
                        tuple("concept-weight", "Weight", ObsValue.Type.NUMERIC, "72.5", null, "HIV Intake", List.of()),
                        tuple("concept-temperature", "Temperature", ObsValue.Type.NUMERIC, "37", null, null,
                                List.of("concept-vitals")),
                        tuple("concept-systolic", "Systolic", ObsValue.Type.NUMERIC, "120", null, null,
                                List.of("concept-vitals", "concept-bp")),
                        tuple("concept-pregnant", "Pregnant", ObsValue.Type.CODED, "Yes", "concept-yes", null,
                                List.of()),
                        tuple("concept-on-art", "On ART", ObsValue.Type.BOOLEAN, "true", null, null, List.of()),
                        tuple("concept-visit-date", "Next visit", ObsValue.Type.DATE, "2024-04-01", null, null,
                                List.of()),
                        tuple("concept-sample-time", "Sample taken", ObsValue.Type.DATETIME, "2024-03-05T14:05:00",
                                null, null, List.of()),
                        tuple("concept-note", "Note", ObsValue.Type.TEXT, "feels better", null, "Follow-up",
                                List.of()));
    }

    /**
     * Issue 13, point 6: a multi-select answer saved as one obs per answer, and a section of a Bahmni form repeated
     * (each repetition an obs group of the section's concept, its fields as members, the path's index telling them
     * apart): every obs reaches the record, with its obs_datetime and id, whatever order OpenMRS's set gives.
     */
    @Test
    void multiSelectAnswersAndRepeatedSectionsKeepEveryObsWithItsTimeAndId() {
        Concept symptom = concept(1, "concept-symptom", "Symptom", ConceptDatatype.CODED);
        Concept cough = concept(2, "concept-cough", "Cough", "N/A");
        Concept fever = concept(3, "concept-fever", "Fever", "N/A");
        Concept drugSection = concept(4, "concept-drug-section", "ART drug", "N/A");
        Concept drug = concept(5, "concept-drug", "Drug", ConceptDatatype.TEXT);
        Concept dose = concept(6, "concept-dose", "Dose", ConceptDatatype.NUMERIC);
        Obs coughObs = obs(21, symptom, null);
        coughObs.setValueCoded(cough);
        coughObs.setObsDatetime(time(2024, 3, 5, 10, 0));
        coughObs.setFormNamespaceAndPath("Bahmni^ART.1/3-0");
        Obs feverObs = obs(22, symptom, null);
        feverObs.setValueCoded(fever);
        feverObs.setObsDatetime(time(2024, 3, 5, 10, 0));
        feverObs.setFormNamespaceAndPath("Bahmni^ART.1/3-0");
        Obs firstSection = obs(30, drugSection, null);
        firstSection.setFormNamespaceAndPath("Bahmni^ART.1/7-0");
        Obs firstDrug = obs(31, drug, firstSection);
        firstDrug.setValueText("TDF/3TC/DTG");
        firstDrug.setObsDatetime(time(2024, 3, 5, 10, 1));
        firstDrug.setFormNamespaceAndPath("Bahmni^ART.1/7-0/8-0");
        Obs firstDose = obs(32, dose, firstSection);
        firstDose.setValueNumeric(1.0);
        firstDose.setObsDatetime(time(2024, 3, 5, 10, 1));
        firstDose.setFormNamespaceAndPath("Bahmni^ART.1/7-0/9-0");
        Obs secondSection = obs(33, drugSection, null);
        secondSection.setFormNamespaceAndPath("Bahmni^ART.1/7-1");
        Obs secondDrug = obs(34, drug, secondSection);
        secondDrug.setValueText("Cotrimoxazole");
        secondDrug.setObsDatetime(time(2024, 3, 5, 10, 2));
        secondDrug.setFormNamespaceAndPath("Bahmni^ART.1/7-1/8-0");
        Encounter encounter = withUuid(new Encounter(), "encounter-3");
        encounter.setObs(setOf(secondDrug, feverObs, firstSection, firstDose, coughObs, secondSection, firstDrug));
        when(encounterService.getEncounter(7)).thenReturn(encounter);

        List<ObsValue> obs = source.loadEncounters(List.of(7)).get(0).getObs();

        assertThat(obs).extracting(ObsValue::getObsId, ObsValue::getConceptUuid, ObsValue::getValue,
                ObsValue::getFormName, ObsValue::getGroupConceptUuids, ObsValue::getObsDatetime).containsExactly(
                        tuple(21, "concept-symptom", "Cough", "ART", List.of(), LocalDateTime.of(2024, 3, 5, 10, 0)),
                        tuple(22, "concept-symptom", "Fever", "ART", List.of(), LocalDateTime.of(2024, 3, 5, 10, 0)),
                        tuple(31, "concept-drug", "TDF/3TC/DTG", "ART", List.of("concept-drug-section"),
                                LocalDateTime.of(2024, 3, 5, 10, 1)),
                        tuple(32, "concept-dose", "1", "ART", List.of("concept-drug-section"),
                                LocalDateTime.of(2024, 3, 5, 10, 1)),
                        tuple(34, "concept-drug", "Cotrimoxazole", "ART", List.of("concept-drug-section"),
                                LocalDateTime.of(2024, 3, 5, 10, 2)));
    }

    @Test
    void legacyFormNameIsKeptAndVoidedOrUnresolvedEncountersAreLeftOut() {
        Encounter legacy = withUuid(new Encounter(), "encounter-legacy");
        Form form = new Form();
        form.setName("Legacy HIV Form");
        legacy.setForm(form);
        when(encounterService.getEncounter(1)).thenReturn(legacy);
        when(encounterService.getEncounter(2)).thenReturn(voided(withUuid(new Encounter(), "encounter-voided")));

        List<EncounterRecord> records = source.loadEncounters(List.of(1, 2, 3));

        assertThat(records).extracting(EncounterRecord::getUuid, EncounterRecord::getFormName)
                .containsExactly(tuple("encounter-legacy", "Legacy HIV Form"));
        assertThat(records.get(0).getObs()).isEmpty();
    }

    @Test
    void booleanStoredAsNumberAndObsWithoutValue() {
        Concept flag = concept(1, "concept-flag", "Flag", ConceptDatatype.BOOLEAN);
        Obs numericBoolean = obs(1, flag, null);
        numericBoolean.setValueNumeric(0.0);
        Obs empty = obs(2, concept(2, "concept-complex", "Scan", "ED"), null);
        Encounter encounter = withUuid(new Encounter(), "encounter-2");
        encounter.setObs(setOf(empty, numericBoolean));
        when(encounterService.getEncounter(5)).thenReturn(encounter);

        assertThat(source.loadEncounters(List.of(5)).get(0).getObs())
                .extracting(ObsValue::getType, ObsValue::getValue)
                .containsExactly(tuple(ObsValue.Type.BOOLEAN, "false"));
    }
}
