package org.openmrs.module.dhis2sync.source.openmrs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.openmrs.module.dhis2sync.source.openmrs.OpenmrsTablesFixture.AFTER;
import static org.openmrs.module.dhis2sync.source.openmrs.OpenmrsTablesFixture.SINCE;
import static org.openmrs.module.dhis2sync.source.openmrs.OpenmrsTablesFixture.at;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.openmrs.api.ConceptService;
import org.openmrs.api.EncounterService;
import org.openmrs.api.PatientService;
import org.openmrs.api.ProgramWorkflowService;
import org.openmrs.module.dhis2sync.source.ClinicalSource;
import org.openmrs.module.dhis2sync.source.EncounterFeed;
import org.openmrs.module.dhis2sync.source.EncounterSummary;
import org.openmrs.module.dhis2sync.source.EnrollmentSummary;
import org.openmrs.module.dhis2sync.source.PatientSummary;
import org.openmrs.module.dhis2sync.testsupport.TestDatabase;

/** Names, look-ups and the one-patient view of the directory, by SQL on OpenMRS's tables (H2 and MariaDB). */
class OpenmrsPatientDirectoryTest {

    private static final String HIV = "program-hiv";
    private static final EncounterFeed VISIT = EncounterFeed.encounterType("type-visit");

    private OpenmrsTablesFixture db;
    private OpenmrsPatientDirectory directory;

    @AfterEach
    void close() {
        if (db != null) {
            db.close();
        }
    }

    /**
     * Patients 1..3 in HIV. Patient 1: a preferred name "Jane Amina Doe" and a voided older name, a national id
     * (preferred) and the fixture's "ID-1"; patient 2: only a non-preferred name "John Roe"; patient 3: a voided
     * patient named "Jane Voided". Encounters 100 (patient 1, visit) and 101 (patient 2, visit), 102 (patient 1,
     * voided).
     */
    private void seed(TestDatabase.Kind kind) {
        db = OpenmrsTablesFixture.create(kind);
        directory = new OpenmrsPatientDirectory(db.sessionFactory(), mock(PatientService.class),
                mock(ProgramWorkflowService.class), mock(EncounterService.class), mock(ConceptService.class));
        db.program(1, HIV);
        db.identifierType(1, "Bahmni ID");
        db.identifierType(2, "National ID");
        IntStream.rangeClosed(1, 3).forEach(db::patient);
        db.update("DELETE FROM person_name");
        db.name(21, 1, "Old", null, "Name", false, true);
        db.name(22, 1, "Jane", "Amina", "Doe", true, false);
        db.name(23, 2, "John", null, "Roe", false, false);
        db.name(24, 3, "Jane", null, "Voided", true, false);
        db.update("UPDATE person SET gender = 'F', birthdate = ? WHERE person_id = 1", at(LocalDateTime.of(1990, 5, 4, 0, 0)));
        db.update("UPDATE patient SET voided = 1 WHERE patient_id = 3");
        db.identifier(31, 1, "NAT-0001", 2, true, OpenmrsTablesFixture.CREATED);
        db.enrollment(11, 1, 1, LocalDateTime.of(2024, 1, 10, 0, 0), false);
        db.enrollment(12, 2, 1, LocalDateTime.of(2024, 1, 11, 0, 0), false);
        db.update("UPDATE patient_program SET date_completed = ? WHERE patient_program_id = 12",
                at(LocalDateTime.of(2024, 4, 1, 0, 0)));
        db.enrollment(13, 3, 1, LocalDateTime.of(2024, 1, 12, 0, 0), false);
        db.location(7, "location-clinic");
        db.update("UPDATE patient_program SET location_id = 7 WHERE patient_program_id = 11");
        db.encounterType(1, "type-visit");
        db.encounter(100, 1, 1, null, LocalDateTime.of(2024, 2, 10, 9, 30), false);
        db.encounter(101, 2, 1, null, LocalDateTime.of(2024, 2, 11, 9, 0), false);
        db.encounter(102, 1, 1, null, LocalDateTime.of(2024, 2, 12, 9, 0), true);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void patientsAreNamedByTheirPreferredNameAndIdentifier(TestDatabase.Kind kind) {
        seed(kind);
        Map<String, PatientSummary> found = db.inTransaction(() -> directory.patients(
                List.of("patient-1", "patient-2", "no-such-patient")));
        assertThat(found).containsOnlyKeys("patient-1", "patient-2");
        PatientSummary jane = found.get("patient-1");
        assertThat(jane.getName()).isEqualTo("Jane Amina Doe");
        assertThat(jane.getIdentifier()).isEqualTo("NAT-0001");
        assertThat(jane.getIdentifierType()).isEqualTo("National ID");
        assertThat(jane.getGender()).isEqualTo("F");
        assertThat(jane.getBirthdate()).isEqualTo(LocalDate.of(1990, 5, 4));
        // no preferred name or identifier: the first non-voided ones
        assertThat(found.get("patient-2").getName()).isEqualTo("John Roe");
        assertThat(found.get("patient-2").getIdentifier()).isEqualTo("ID-2");
        assertThat(found.get("patient-2").getIdentifierType()).isEqualTo("Bahmni ID");
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void manyUuidsAreReadInChunks(TestDatabase.Kind kind) {
        seed(kind);
        List<String> uuids = new ArrayList<>();
        for (int i = 0; i < NativeSql.CHUNK * 2 + 7; i++) {
            uuids.add("unknown-" + i);
        }
        uuids.add("patient-2");
        assertThat(db.inTransaction(() -> directory.patients(uuids))).containsOnlyKeys("patient-2");
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void enrollmentsAreNamedByProgramPatientAndDates(TestDatabase.Kind kind) {
        seed(kind);
        Map<String, EnrollmentSummary> found = db.inTransaction(() -> directory.enrollments(
                List.of("enrollment-11", "enrollment-12")));
        assertThat(found.get("enrollment-11").getPatientUuid()).isEqualTo("patient-1");
        assertThat(found.get("enrollment-11").getProgramName()).isEqualTo("program 1");
        assertThat(found.get("enrollment-11").getProgramUuid()).isEqualTo(HIV);
        assertThat(found.get("enrollment-11").getDateEnrolled()).isEqualTo(LocalDate.of(2024, 1, 10));
        assertThat(found.get("enrollment-11").getDateCompleted()).isNull();
        assertThat(found.get("enrollment-11").getLocationUuid()).isEqualTo("location-clinic");
        assertThat(found.get("enrollment-12").getLocationUuid()).isNull();
        assertThat(found.get("enrollment-12").getDateCompleted()).isEqualTo(LocalDate.of(2024, 4, 1));
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void encountersAreNamedByTypePatientAndMoment(TestDatabase.Kind kind) {
        seed(kind);
        Map<String, EncounterSummary> found = db.inTransaction(() -> directory.encounters(
                List.of("encounter-100", "encounter-102")));
        assertThat(found.get("encounter-100").getPatientUuid()).isEqualTo("patient-1");
        assertThat(found.get("encounter-100").getEncounterTypeName()).isEqualTo("type 1");
        assertThat(found.get("encounter-100").getEncounterDatetime()).isEqualTo(LocalDateTime.of(2024, 2, 10, 9, 30));
        assertThat(found.get("encounter-102").isVoided()).isTrue();
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void searchFindsByIdentifierPrefixOrByEveryWordOfTheName(TestDatabase.Kind kind) {
        seed(kind);
        assertThat(uuids(db.inTransaction(() -> directory.search("NAT-00", 10)))).containsExactly("patient-1");
        assertThat(uuids(db.inTransaction(() -> directory.search("ID-2", 10)))).containsExactly("patient-2");
        assertThat(uuids(db.inTransaction(() -> directory.search("Jane Do", 10)))).containsExactly("patient-1");
        assertThat(uuids(db.inTransaction(() -> directory.search("Roe", 10)))).containsExactly("patient-2");
        // a voided patient is not found; a voided name does not find its patient; the % of a query is literal
        assertThat(db.inTransaction(() -> directory.search("Voided", 10))).isEmpty();
        assertThat(db.inTransaction(() -> directory.search("Old", 10))).isEmpty();
        assertThat(db.inTransaction(() -> directory.search("%", 10))).isEmpty();
        assertThat(db.inTransaction(() -> directory.search("J", 1))).hasSize(1);
        assertThat(db.inTransaction(() -> directory.search("  ", 10))).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void aPatientsEnrollmentsAndNonVoidedEncounters(TestDatabase.Kind kind) {
        seed(kind);
        assertThat(db.inTransaction(() -> directory.enrollmentsOf("patient-1"))).extracting(EnrollmentSummary::getUuid)
                .containsExactly("enrollment-11");
        assertThat(db.inTransaction(() -> directory.encountersOf("patient-1"))).extracting(EncounterSummary::getUuid)
                .containsExactly("encounter-100");
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void theOnePatientSourceHasOnlyThatPatientsDeltas(TestDatabase.Kind kind) {
        seed(kind);
        ClinicalSource jane = directory.clinicalSourceOf("patient-1");
        assertThat(db.inTransaction(() -> jane.changedPatientIds(HIV, null, 0, 100))).containsExactly(1);
        assertThat(db.inTransaction(() -> jane.changedEnrollmentIds(HIV, null, 0, 100))).containsExactly(11);
        assertThat(db.inTransaction(() -> jane.changedEncounterIds(HIV, List.of(VISIT), null, 0, 100)))
                .containsExactly(100);
        // changed since: only what changed of that patient
        db.update("UPDATE person_name SET date_changed = ? WHERE person_id IN (1, 2)", at(AFTER));
        assertThat(db.inTransaction(() -> jane.changedPatientIds(HIV, at(SINCE), 0, 100))).containsExactly(1);
        assertThat(db.inTransaction(() -> jane.changedEnrollmentIds(HIV, at(SINCE), 0, 100))).isEmpty();
        ClinicalSource john = directory.clinicalSourceOf("patient-2");
        assertThat(db.inTransaction(() -> john.changedEncounterIds(HIV, List.of(VISIT), null, 0, 100)))
                .containsExactly(101);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void theOnePatientSourceKeepsOnlyThatPatientsUuidsOfAList(TestDatabase.Kind kind) {
        seed(kind);
        ChangedIdQueries jane = new ChangedIdQueries(db.sessionFactory(), "patient-1");
        assertThat(db.inTransaction(() -> jane.ofThePatient("patient_program",
                List.of("enrollment-11", "enrollment-12")))).containsExactly("enrollment-11");
        assertThat(db.inTransaction(() -> jane.ofThePatient("encounter",
                List.of("encounter-101", "encounter-100")))).containsExactly("encounter-100");
        ChangedIdQueries everyone = new ChangedIdQueries(db.sessionFactory());
        assertThat(everyone.ofThePatient("encounter", List.of("encounter-101"))).containsExactly("encounter-101");
    }

    private static List<String> uuids(List<PatientSummary> patients) {
        return patients.stream().map(PatientSummary::getUuid).collect(Collectors.toList());
    }
}
