package org.openmrs.module.dhis2sync.source.openmrs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openmrs.module.dhis2sync.source.openmrs.OpenmrsTablesFixture.AFTER;
import static org.openmrs.module.dhis2sync.source.openmrs.OpenmrsTablesFixture.CREATED;
import static org.openmrs.module.dhis2sync.source.openmrs.OpenmrsTablesFixture.SINCE;
import static org.openmrs.module.dhis2sync.source.openmrs.OpenmrsTablesFixture.at;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.openmrs.module.dhis2sync.testsupport.TestDatabase;

/** The SQL that finds what OpenMRS voided since the markers, and how voids enter the deltas, on H2 and MariaDB. */
class VoidedIdQueriesTest {

    private static final String HIV = "program-hiv";
    private static final String TB = "program-tb";

    private OpenmrsTablesFixture db;
    private ChangedIdQueries queries;

    @AfterEach
    void close() {
        if (db != null) {
            db.close();
        }
    }

    /**
     * Patients 1, 2 and 4 in HIV, 3 in TB. Encounters: 100, 101 of patient 1; 102 of patient 2; 103 of patient 3;
     * 104 of patient 1, voided long ago (at CREATED). Enrollment 14 of patient 4 voided long ago.
     */
    private void seed(TestDatabase.Kind kind) {
        db = OpenmrsTablesFixture.create(kind);
        queries = new ChangedIdQueries(db.sessionFactory());
        db.program(1, HIV);
        db.program(2, TB);
        IntStream.rangeClosed(1, 4).forEach(db::patient);
        db.enrollment(11, 1, 1, LocalDateTime.of(2024, 1, 10, 0, 0), false);
        db.enrollment(12, 2, 1, LocalDateTime.of(2024, 1, 11, 0, 0), false);
        db.enrollment(13, 3, 2, LocalDateTime.of(2024, 1, 12, 0, 0), false);
        db.enrollment(14, 4, 1, LocalDateTime.of(2024, 1, 13, 0, 0), true);
        db.encounterType(1, "type-visit");
        db.encounter(100, 1, 1, null, LocalDateTime.of(2024, 1, 15, 9, 0), false);
        db.encounter(101, 1, 1, null, LocalDateTime.of(2024, 2, 15, 9, 0), false);
        db.encounter(102, 2, 1, null, LocalDateTime.of(2024, 2, 16, 9, 0), false);
        db.encounter(103, 3, 1, null, LocalDateTime.of(2024, 2, 17, 9, 0), false);
        db.encounter(104, 1, 1, null, LocalDateTime.of(2024, 2, 18, 9, 0), true);
        db.update("UPDATE encounter SET date_voided = ? WHERE encounter_id = 104", at(CREATED));
    }

    private static Date since() {
        return at(SINCE);
    }

    private void voidEncounter(int id) {
        db.update("UPDATE encounter SET voided = 1, date_voided = ? WHERE encounter_id = ?", at(AFTER), id);
    }

    /** As {@code PatientService.voidPatient}: patient and person rows, and the encounters, voided at one moment. */
    private void voidPatient(int id) {
        db.update("UPDATE patient SET voided = 1, date_voided = ? WHERE patient_id = ?", at(AFTER), id);
        db.update("UPDATE person SET voided = 1, date_voided = ? WHERE person_id = ?", at(AFTER), id);
        db.update("UPDATE encounter SET voided = 1, date_voided = ? WHERE patient_id = ? AND voided = 0", at(AFTER), id);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void encountersVoidedAfterSinceInTheProgramAreFound(TestDatabase.Kind kind) {
        seed(kind);
        voidEncounter(101);
        voidEncounter(103); // patient 3 is in TB only
        assertThat(db.inTransaction(() -> queries.voidedEncounterUuids(HIV, since(), null, 100)))
                .containsExactly("encounter-101");
        assertThat(db.inTransaction(() -> queries.voidedEncounterUuids(HIV, null, null, 100)))
                .containsExactly("encounter-101", "encounter-104");
        assertThat(db.inTransaction(() -> queries.voidedEncounterUuids(TB, since(), null, 100)))
                .containsExactly("encounter-103");
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void anEncounterUnvoidedAgainIsNotVoided(TestDatabase.Kind kind) {
        seed(kind);
        db.update("UPDATE encounter SET voided = 0, date_voided = NULL, date_changed = ? WHERE encounter_id = 104",
                at(AFTER));
        assertThat(db.inTransaction(() -> queries.voidedEncounterUuids(HIV, null, null, 100))).isEmpty();
        assertThat(db.inTransaction(() -> queries.changedEncounterIds(HIV,
                List.of(org.openmrs.module.dhis2sync.source.EncounterFeed.encounterType("type-visit")), since(), 0,
                100))).containsExactly(104);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void uuidPagesReturnEveryVoidedEncounterOnceInOrder(TestDatabase.Kind kind) {
        seed(kind);
        for (int id = 200; id < 223; id++) {
            db.encounter(id, 2, 1, null, LocalDateTime.of(2024, 3, 1, 9, 0), false);
            voidEncounter(id);
        }
        List<String> all = new ArrayList<>();
        String after = null;
        List<String> page;
        do {
            String from = after;
            page = db.inTransaction(() -> queries.voidedEncounterUuids(HIV, since(), from, 5));
            assertThat(page.size()).isLessThanOrEqualTo(5);
            all.addAll(page);
            after = page.isEmpty() ? after : page.get(page.size() - 1);
        } while (!page.isEmpty());
        assertThat(all).hasSize(23).doesNotHaveDuplicates().isSorted();
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void enrollmentsVoidedAfterSinceOrWhosePatientWasAreFound(TestDatabase.Kind kind) {
        seed(kind);
        db.update("UPDATE patient_program SET voided = 1, date_voided = ? WHERE patient_program_id = 11", at(AFTER));
        assertThat(db.inTransaction(() -> queries.voidedEnrollmentUuids(HIV, since(), null, 100)))
                .containsExactly("enrollment-11");
        voidPatient(2); // enrollment 12 stays unvoided on a voided patient, as after a merge
        assertThat(db.inTransaction(() -> queries.voidedEnrollmentUuids(HIV, since(), null, 100)))
                .containsExactly("enrollment-11", "enrollment-12");
        assertThat(db.inTransaction(() -> queries.voidedEnrollmentUuids(HIV, null, null, 100)))
                .containsExactly("enrollment-11", "enrollment-12", "enrollment-14");
        assertThat(db.inTransaction(() -> queries.voidedEnrollmentUuids(TB, since(), null, 100))).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void patientsVoidedAfterSinceAreFoundByPatientOrPersonRow(TestDatabase.Kind kind) {
        seed(kind);
        voidPatient(1);
        db.update("UPDATE person SET voided = 1, date_voided = ? WHERE person_id = 4", at(AFTER));
        voidPatient(3); // TB only
        assertThat(db.inTransaction(() -> queries.voidedPatientUuids(HIV, since(), null, 100)))
                .containsExactly("patient-1", "patient-4");
        assertThat(db.inTransaction(() -> queries.voidedPatientUuids(HIV, at(AFTER), null, 100))).isEmpty();
        assertThat(db.inTransaction(() -> queries.voidedEncounterUuids(HIV, since(), null, 100)))
                .containsExactly("encounter-100", "encounter-101");
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void aVoidedPatientLeavesThePatientDeltaAndBringsItsEnrollmentsIntoTheEnrollmentDelta(TestDatabase.Kind kind) {
        seed(kind);
        voidPatient(2);
        db.update("UPDATE person_name SET date_changed = ? WHERE person_id = 2", at(AFTER));
        assertThat(db.inTransaction(() -> queries.changedPatientIds(HIV, since(), 0, 100))).isEmpty();
        assertThat(db.inTransaction(() -> queries.changedPatientIds(HIV, null, 0, 100))).containsExactly(1, 4);
        assertThat(db.inTransaction(() -> queries.changedEnrollmentIds(HIV, since(), 0, 100))).containsExactly(12);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void anUnvoidedPatientBringsItsEnrollmentsBackIntoTheEnrollmentDelta(TestDatabase.Kind kind) {
        seed(kind);
        db.update("UPDATE patient SET date_changed = ? WHERE patient_id = 1", at(AFTER));
        assertThat(db.inTransaction(() -> queries.changedEnrollmentIds(HIV, since(), 0, 100))).containsExactly(11);
        // a name edit alone does not re-send the enrollments
        db.update("UPDATE person_name SET date_changed = ? WHERE person_id = 2", at(AFTER));
        assertThat(db.inTransaction(() -> queries.changedEnrollmentIds(HIV, since(), 0, 100))).containsExactly(11);
    }
}
