package org.openmrs.module.dhis2sync.source.openmrs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;
import static org.openmrs.module.dhis2sync.source.openmrs.OpenmrsTablesFixture.AFTER;
import static org.openmrs.module.dhis2sync.source.openmrs.OpenmrsTablesFixture.SINCE;
import static org.openmrs.module.dhis2sync.source.openmrs.OpenmrsTablesFixture.at;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.openmrs.PatientProgram;
import org.openmrs.api.ConceptService;
import org.openmrs.api.EncounterService;
import org.openmrs.api.PatientService;
import org.openmrs.api.ProgramWorkflowService;
import org.openmrs.module.dhis2sync.source.EncounterFeed;
import org.openmrs.module.dhis2sync.source.EnrollmentRecord;
import org.openmrs.module.dhis2sync.testsupport.TestDatabase;

/** The id SQL on OpenMRS's tables, on H2 (MySQL mode) and MariaDB. */
class ChangedIdQueriesTest {

    private static final String HIV = "program-hiv";
    private static final String TB = "program-tb";
    private static final EncounterFeed VISIT = EncounterFeed.encounterType("type-visit");
    private static final EncounterFeed LAB = EncounterFeed.encounterType("type-lab");
    private static final EncounterFeed HIV_INTAKE = EncounterFeed.form("HIV Intake");
    private static final EncounterFeed VITALS = EncounterFeed.conceptSet("concept-vitals");

    private OpenmrsTablesFixture db;
    private ChangedIdQueries queries;

    @AfterEach
    void close() {
        if (db != null) {
            db.close();
        }
    }

    /**
     * Patients 1 and 2 in HIV, 3 in TB only, 4 in HIV through a voided enrollment, 5 in no program. Encounters of
     * patient 1: 100 visit with an "HIV Intake" obs; 101 lab with a vitals group; 102 lab with an "Other Form" obs;
     * 103 lab on the legacy form; 104 voided visit; 106 lab with an "HIV Intake Extra" obs. 105 is patient 3's.
     */
    private void seed(TestDatabase.Kind kind) {
        db = OpenmrsTablesFixture.create(kind);
        queries = new ChangedIdQueries(db.sessionFactory());
        db.program(1, HIV);
        db.program(2, TB);
        IntStream.rangeClosed(1, 5).forEach(db::patient);
        db.enrollment(11, 1, 1, LocalDateTime.of(2024, 1, 10, 0, 0), false);
        db.enrollment(12, 2, 1, LocalDateTime.of(2024, 1, 11, 0, 0), false);
        db.enrollment(13, 3, 2, LocalDateTime.of(2024, 1, 12, 0, 0), false);
        db.enrollment(14, 4, 1, LocalDateTime.of(2024, 1, 13, 0, 0), true);
        db.enrollment(15, 1, 1, LocalDateTime.of(2023, 5, 1, 0, 0), false);
        db.encounterType(1, "type-visit");
        db.encounterType(2, "type-lab");
        db.form(1, "Legacy HIV Form");
        db.concept(10, "concept-vitals", true);
        db.concept(11, "concept-weight", false);
        db.concept(12, "concept-cd4", false);
        LocalDateTime created = OpenmrsTablesFixture.CREATED;
        db.encounter(100, 1, 1, null, LocalDateTime.of(2024, 1, 15, 9, 0), false);
        db.obs(1000, 100, 1, 11, null, "Bahmni^HIV Intake.3/1-0", created);
        db.encounter(101, 1, 2, null, LocalDateTime.of(2024, 2, 1, 8, 0), false);
        db.obs(1010, 101, 1, 10, null, null, created);
        db.obs(1011, 101, 1, 11, 1010, null, created);
        db.encounter(102, 1, 2, null, LocalDateTime.of(2024, 2, 10, 23, 30), false);
        db.obs(1020, 102, 1, 12, null, "Bahmni^Other Form.1/1-0", created);
        db.encounter(103, 1, 2, 1, LocalDateTime.of(2024, 3, 1, 0, 0), false);
        db.encounter(104, 1, 1, null, LocalDateTime.of(2024, 3, 2, 0, 0), true);
        db.encounter(105, 3, 1, null, LocalDateTime.of(2024, 3, 3, 0, 0), false);
        db.encounter(106, 1, 2, null, LocalDateTime.of(2024, 3, 5, 12, 0), false);
        db.obs(1060, 106, 1, 12, null, "Bahmni^HIV Intake Extra.2/1-0", created);
    }

    private List<Integer> patients(Date since) {
        return db.inTransaction(() -> queries.changedPatientIds(HIV, since, 0, 100));
    }

    private List<Integer> enrollments(Date since) {
        return db.inTransaction(() -> queries.changedEnrollmentIds(HIV, since, 0, 100));
    }

    private List<Integer> encounters(Date since, EncounterFeed... feeds) {
        return db.inTransaction(() -> queries.changedEncounterIds(HIV, List.of(feeds), since, 0, 100));
    }

    private List<Integer> encountersOfPatient1(LocalDate from, LocalDate to, EncounterFeed... feeds) {
        return db.inTransaction(() -> queries.encounterIdsOfPatient("patient-1", List.of(feeds), from, to));
    }

    private static Date since() {
        return at(SINCE);
    }

    // ---- patients

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void sinceNullGivesEveryPatientEverEnrolledInTheProgram(TestDatabase.Kind kind) {
        seed(kind);
        assertThat(patients(null)).containsExactly(1, 2, 4);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void nothingChangedAfterSinceGivesNoPatient(TestDatabase.Kind kind) {
        seed(kind);
        assertThat(patients(since())).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void aChangedAttributeMakesThePatientChanged(TestDatabase.Kind kind) {
        seed(kind);
        db.update("UPDATE person_attribute SET date_changed = ? WHERE person_id = 2", at(AFTER));
        assertThat(patients(since())).containsExactly(2);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void aChangedNameMakesThePatientChanged(TestDatabase.Kind kind) {
        seed(kind);
        db.update("UPDATE person_name SET date_changed = ? WHERE person_id = 1", at(AFTER));
        assertThat(patients(since())).containsExactly(1);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void aNewIdentifierMakesThePatientChangedEvenWithAVoidedEnrollment(TestDatabase.Kind kind) {
        seed(kind);
        db.identifier(40, 4, "NEW-4", AFTER);
        assertThat(patients(since())).containsExactly(4);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void aVoidedAddressMakesThePatientChanged(TestDatabase.Kind kind) {
        seed(kind);
        db.update("UPDATE person_address SET voided = 1, date_voided = ? WHERE person_id = 1", at(AFTER));
        assertThat(patients(since())).containsExactly(1);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void aChangedPersonRowMakesThePatientChanged(TestDatabase.Kind kind) {
        seed(kind);
        db.update("UPDATE person SET date_changed = ? WHERE person_id = 2", at(AFTER));
        assertThat(patients(since())).containsExactly(2);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void patientsOfOtherProgramsOrNoneAreLeftOut(TestDatabase.Kind kind) {
        seed(kind);
        for (String table : List.of("person", "person_name", "person_attribute", "person_address")) {
            db.update("UPDATE " + table + " SET date_changed = ? WHERE person_id IN (3, 5)", at(AFTER));
        }
        db.update("UPDATE patient SET date_changed = ? WHERE patient_id IN (3, 5)", at(AFTER));
        assertThat(patients(since())).isEmpty();
        assertThat(db.inTransaction(() -> queries.changedPatientIds(TB, at(SINCE), 0, 100))).containsExactly(3);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void keysetPagingReturnsEveryPatientOnceInOrder(TestDatabase.Kind kind) {
        seed(kind);
        for (int id = 200; id < 225; id++) {
            db.patient(id);
            db.enrollment(id + 100, id, 1, LocalDateTime.of(2024, 1, 20, 0, 0), false);
            // two enrollments of one patient must not make it appear twice
            db.enrollment(id + 200, id, 1, LocalDateTime.of(2024, 1, 21, 0, 0), false);
        }
        List<Integer> all = new ArrayList<>();
        int afterId = 0;
        List<Integer> chunk;
        int chunks = 0;
        do {
            int from = afterId;
            chunk = db.inTransaction(() -> queries.changedPatientIds(HIV, null, from, 7));
            assertThat(chunk.size()).isLessThanOrEqualTo(7);
            all.addAll(chunk);
            afterId = chunk.isEmpty() ? afterId : chunk.get(chunk.size() - 1);
            chunks++;
        } while (!chunk.isEmpty());
        List<Integer> expected = new ArrayList<>(List.of(1, 2, 4));
        IntStream.range(200, 225).forEach(expected::add);
        assertThat(all).containsExactlyElementsOf(expected);
        assertThat(chunks).isEqualTo(5);
    }

    // ---- enrollments

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void enrollmentDeltaIncludesVoidedOnesAndOnlyThisProgram(TestDatabase.Kind kind) {
        seed(kind);
        assertThat(enrollments(null)).containsExactly(11, 12, 14, 15);
        assertThat(enrollments(since())).isEmpty();
        db.update("UPDATE patient_program SET voided = 1, date_voided = ? WHERE patient_program_id = 12", at(AFTER));
        db.update("UPDATE patient_program SET date_changed = ? WHERE patient_program_id IN (11, 13)", at(AFTER));
        db.enrollment(16, 2, 1, AFTER, false);
        db.update("UPDATE patient_program SET date_created = ? WHERE patient_program_id = 16", at(AFTER));
        assertThat(enrollments(since())).containsExactly(11, 12, 16);
        assertThat(db.inTransaction(() -> queries.changedEnrollmentIds(HIV, at(SINCE), 11, 1))).containsExactly(12);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void enrollmentsOfAPatientAreOldestFirst(TestDatabase.Kind kind) {
        seed(kind);
        assertThat(db.inTransaction(() -> queries.enrollmentIdsOfPatient("patient-1", HIV))).containsExactly(15, 11);
        assertThat(db.inTransaction(() -> queries.enrollmentIdsOfPatient("patient-4", HIV))).containsExactly(14);
        assertThat(db.inTransaction(() -> queries.enrollmentIdsOfPatient("patient-1", TB))).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void enrollmentsOfSeveralPatientsComeInOneQueryEachPatientsOldestFirst(TestDatabase.Kind kind) {
        seed(kind);
        assertThat(db.inTransaction(() -> queries.enrollmentIdsOfPatients(List.of("patient-4", "patient-1",
                "nobody"), HIV))).containsExactly(15, 11, 14);
        assertThat(db.inTransaction(() -> queries.enrollmentIdsOfPatients(List.of("patient-1"), TB))).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void theSourceLoadsSeveralPatientsEnrollmentsAtOnceByPatient(TestDatabase.Kind kind) {
        seed(kind);
        ProgramWorkflowService programs = mock(ProgramWorkflowService.class);
        when(programs.getPatientProgram(anyInt())).thenAnswer(call -> {
            int id = call.getArgument(0);
            org.openmrs.Patient patient = new org.openmrs.Patient();
            patient.setUuid(id == 14 ? "patient-4" : "patient-1");
            PatientProgram enrollment = new PatientProgram();
            enrollment.setUuid("enrollment-" + id);
            enrollment.setPatient(patient);
            return enrollment;
        });
        OpenmrsClinicalSource source = new OpenmrsClinicalSource(db.sessionFactory(), mock(PatientService.class),
                programs, mock(EncounterService.class), mock(ConceptService.class), null, ChunkPrefetch.NONE);

        Map<String, List<EnrollmentRecord>> byPatient = db.inTransaction(() -> source.enrollmentsOfPatients(
                List.of("patient-1", "patient-4", "nobody"), HIV));

        assertThat(byPatient).containsOnlyKeys("patient-1", "patient-4", "nobody");
        assertThat(byPatient.get("patient-1")).extracting(EnrollmentRecord::getUuid)
                .containsExactly("enrollment-15", "enrollment-11");
        assertThat(byPatient.get("patient-4")).extracting(EnrollmentRecord::getUuid).containsExactly("enrollment-14");
        assertThat(byPatient.get("nobody")).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void theSourceLoadsAPatientsEnrollmentsThroughTheServiceInThatOrder(TestDatabase.Kind kind) {
        seed(kind);
        ProgramWorkflowService programs = mock(ProgramWorkflowService.class);
        when(programs.getPatientProgram(anyInt())).thenAnswer(call -> {
            PatientProgram enrollment = new PatientProgram();
            enrollment.setUuid("enrollment-" + call.getArgument(0));
            return enrollment;
        });
        // the fixture's SessionFactory maps no OpenMRS entity: nothing to load ahead of the service
        OpenmrsClinicalSource source = new OpenmrsClinicalSource(db.sessionFactory(), mock(PatientService.class),
                programs, mock(EncounterService.class), mock(ConceptService.class), null, ChunkPrefetch.NONE);

        assertThat(db.inTransaction(() -> source.enrollmentsOfPatient("patient-1", HIV)))
                .extracting(EnrollmentRecord::getUuid).containsExactly("enrollment-15", "enrollment-11");
    }

    // ---- encounters: selection

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void encountersByTypeAreTheProgramPatientsNonVoidedOnes(TestDatabase.Kind kind) {
        seed(kind);
        assertThat(encounters(null, VISIT)).containsExactly(100);
        assertThat(encounters(null, LAB)).containsExactly(101, 102, 103, 106);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void encountersByFormMatchBahmniNamespaceOrLegacyFormButNoOtherForm(TestDatabase.Kind kind) {
        seed(kind);
        assertThat(encounters(null, HIV_INTAKE)).containsExactly(100);
        assertThat(encounters(null, EncounterFeed.form("Legacy HIV Form"))).containsExactly(103);
        assertThat(encounters(null, EncounterFeed.form("Other Form"))).containsExactly(102);
        // the name is text, not a LIKE pattern
        assertThat(encounters(null, EncounterFeed.form("HIV_Intake"))).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void encountersByConceptSetHoldTheGroupObs(TestDatabase.Kind kind) {
        seed(kind);
        assertThat(encounters(null, VITALS)).containsExactly(101);
        assertThat(encounters(null, VITALS, HIV_INTAKE)).containsExactly(100, 101);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void noFeedsMeansNoEncounters(TestDatabase.Kind kind) {
        seed(kind);
        assertThat(db.inTransaction(() -> queries.changedEncounterIds(HIV, List.of(), null, 0, 100))).isEmpty();
        assertThat(db.inTransaction(() -> queries.changedEncounterIds(HIV, null, null, 0, 100))).isEmpty();
        assertThat(db.inTransaction(() -> queries.encounterIdsOfPatient("patient-1", List.of(), null, null)))
                .isEmpty();
    }

    // ---- encounters: delta

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void aChangedEncounterIsInTheDeltaOfItsType(TestDatabase.Kind kind) {
        seed(kind);
        assertThat(encounters(since(), VISIT, LAB)).isEmpty();
        db.update("UPDATE encounter SET date_changed = ? WHERE encounter_id = 102", at(AFTER));
        assertThat(encounters(since(), LAB)).containsExactly(102);
        assertThat(encounters(since(), VISIT)).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void aNewObsOfTheBahmniFormPutsTheEncounterInTheDelta(TestDatabase.Kind kind) {
        seed(kind);
        db.obs(1001, 100, 1, 12, null, "Bahmni^HIV Intake.3/2-0", AFTER);
        assertThat(encounters(since(), HIV_INTAKE)).containsExactly(100);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void aNewlyVoidedObsOfTheConceptSetPutsTheEncounterInTheDelta(TestDatabase.Kind kind) {
        seed(kind);
        db.update("UPDATE obs SET voided = 1, date_voided = ? WHERE obs_id = 1011", at(AFTER));
        assertThat(encounters(since(), VITALS)).containsExactly(101);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void aChangeUnderAnotherFormIsNotInTheFormsDelta(TestDatabase.Kind kind) {
        seed(kind);
        db.update("UPDATE obs SET voided = 1, date_voided = ? WHERE obs_id IN (1020, 1060)", at(AFTER));
        assertThat(encounters(since(), HIV_INTAKE)).isEmpty();
        assertThat(encounters(since(), EncounterFeed.form("Other Form"))).containsExactly(102);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void aFormWhoseObsAreAllVoidedStaysInTheDeltaButNotInThePatientsEncounters(TestDatabase.Kind kind) {
        seed(kind);
        db.update("UPDATE obs SET voided = 1, date_voided = ? WHERE obs_id = 1000", at(AFTER));
        assertThat(encounters(since(), HIV_INTAKE)).containsExactly(100);
        assertThat(encountersOfPatient1(null, null, HIV_INTAKE)).isEmpty();
    }

    // ---- encounters of one patient

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void encountersOfAPatientFallInTheDateWindowInDateOrder(TestDatabase.Kind kind) {
        seed(kind);
        assertThat(encountersOfPatient1(LocalDate.of(2024, 2, 10), LocalDate.of(2024, 3, 1), LAB))
                .containsExactly(102, 103);
        assertThat(encountersOfPatient1(LocalDate.of(2024, 2, 10), null, LAB)).containsExactly(102, 103, 106);
        assertThat(encountersOfPatient1(LocalDate.of(2024, 1, 1), LocalDate.of(2024, 12, 31), VITALS, VISIT))
                .containsExactly(100, 101);
        assertThat(encountersOfPatient1(LocalDate.of(2024, 2, 2), LocalDate.of(2024, 2, 9), LAB)).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void badArgumentsAreNamed(TestDatabase.Kind kind) {
        seed(kind);
        assertThatThrownBy(() -> queries.changedPatientIds(HIV, null, 0, 0)).hasMessageContaining("limit");
        assertThatThrownBy(() -> queries.changedEnrollmentIds(" ", null, 0, 10)).hasMessageContaining("programUuid");
        assertThatThrownBy(() -> queries.encounterIdsOfPatient("patient-1", List.of(LAB), LocalDate.of(2024, 2, 2),
                LocalDate.of(2024, 2, 1))).hasMessageContaining("before from");
    }
}
