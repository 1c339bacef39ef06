package org.openmrs.module.dhis2sync.source.openmrs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openmrs.module.dhis2sync.source.openmrs.OpenmrsTablesFixture.AFTER;
import static org.openmrs.module.dhis2sync.source.openmrs.OpenmrsTablesFixture.CREATED;
import static org.openmrs.module.dhis2sync.source.openmrs.OpenmrsTablesFixture.SINCE;
import static org.openmrs.module.dhis2sync.source.openmrs.OpenmrsTablesFixture.at;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.openmrs.module.dhis2sync.source.EncounterFeed;
import org.openmrs.module.dhis2sync.source.EncounterRecord;
import org.openmrs.module.dhis2sync.source.EnrollmentRecord;
import org.openmrs.module.dhis2sync.source.PatientRecord;
import org.openmrs.module.dhis2sync.sync.InMemoryClinicalSource;
import org.openmrs.module.dhis2sync.testsupport.TestDatabase;

/**
 * The in-memory OpenMRS the engine tests use selects, for voids and merges, exactly what the SQL on OpenMRS's tables
 * selects: one history (an encounter voided, an enrollment voided, a patient voided, two patients merged as
 * {@code PatientService.mergePatients} does) played on both, every void and delta query compared.
 */
class VoidsInMemoryAsInSqlTest {

    private static final String HIV = "program-hiv";
    private static final String VISIT_TYPE = "type-visit";
    private static final List<EncounterFeed> FEEDS = List.of(EncounterFeed.encounterType(VISIT_TYPE));

    private OpenmrsTablesFixture db;
    private ChangedIdQueries sql;
    private final InMemoryClinicalSource memory = new InMemoryClinicalSource();

    @AfterEach
    void close() {
        if (db != null) {
            db.close();
        }
    }

    private static String patient(int id) {
        return OpenmrsTablesFixture.patientUuid(id);
    }

    private void play(TestDatabase.Kind kind) {
        db = OpenmrsTablesFixture.create(kind);
        sql = new ChangedIdQueries(db.sessionFactory());
        db.program(1, HIV);
        db.encounterType(1, VISIT_TYPE);
        memory.setNow(at(CREATED));
        for (int p = 1; p <= 5; p++) {
            db.patient(p);
            db.enrollment(10 + p, p, 1, LocalDateTime.of(2024, 1, 10, 0, 0), false);
            db.encounter(100 + p, p, 1, null, LocalDateTime.of(2024, 2, 1, 9, 0), false);
            memory.putPatient(new PatientRecord(patient(p), "Given", null, "Family", "F", null, false, Map.of(),
                    Map.of(), Map.of(), null));
            memory.putEnrollment(enrollment(10 + p, p, false));
            memory.putEncounter(encounter(100 + p, p));
        }
        memory.setNow(at(AFTER));
        // encounter 101 voided
        db.update("UPDATE encounter SET voided = 1, date_voided = ? WHERE encounter_id = 101", at(AFTER));
        memory.voidEncounter("encounter-101");
        // enrollment 12 voided
        db.update("UPDATE patient_program SET voided = 1, date_voided = ?, date_changed = ? WHERE patient_program_id = 12",
                at(AFTER), at(AFTER));
        memory.putEnrollment(enrollment(12, 2, true));
        // patient 3 voided, with its encounter
        voidPatientInSql(3);
        memory.voidPatient(patient(3));
        // patient 5 merged into patient 4: encounters moved, enrollment copied (as 20), patient 5 voided
        db.update("UPDATE encounter SET patient_id = 4, date_changed = ? WHERE patient_id = 5", at(AFTER));
        db.update("INSERT INTO patient_program (patient_program_id, patient_id, program_id, date_enrolled, creator,"
                + " date_created, voided, uuid) VALUES (20, 4, 1, ?, 1, ?, 0, 'copy-enrollment-15')",
                at(LocalDateTime.of(2024, 1, 10, 0, 0)), at(AFTER));
        voidPatientInSql(5);
        memory.mergePatients(patient(4), patient(5), "copy-");
    }

    private void voidPatientInSql(int id) {
        db.update("UPDATE patient SET voided = 1, date_voided = ? WHERE patient_id = ?", at(AFTER), id);
        db.update("UPDATE person SET voided = 1, date_voided = ? WHERE person_id = ?", at(AFTER), id);
        db.update("UPDATE encounter SET voided = 1, date_voided = ? WHERE patient_id = ? AND voided = 0", at(AFTER), id);
    }

    private static EnrollmentRecord enrollment(int id, int patient, boolean voided) {
        return new EnrollmentRecord("enrollment-" + id, patient(patient), HIV, LocalDate.of(2024, 1, 10), null, null,
                voided);
    }

    private static EncounterRecord encounter(int id, int patient) {
        return new EncounterRecord("encounter-" + id, patient(patient), VISIT_TYPE, LocalDateTime.of(2024, 2, 1, 9, 0),
                null, null, List.of());
    }

    private <T> T inSql(java.util.function.Supplier<T> query) {
        return db.inTransaction(query);
    }

    /** The SQL's ids as uuids: the fixture names row n of each table "<table>-n" (a copied enrollment by its uuid). */
    private List<String> sqlUuids(String sqlQuery, List<Integer> ids) {
        List<String> uuids = new ArrayList<>();
        for (Integer id : ids) {
            uuids.add(db.inTransaction(() -> (String) db.sessionFactory().getCurrentSession()
                    .createNativeQuery(sqlQuery).setParameter("id", id).getSingleResult()));
        }
        return uuids;
    }

    private static <R> List<String> uuidsOf(List<R> records, Function<R, String> uuid) {
        List<String> uuids = new ArrayList<>();
        records.forEach(r -> uuids.add(uuid.apply(r)));
        return uuids;
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void voidsAndMergesSelectTheSameOnBothSources(TestDatabase.Kind kind) {
        play(kind);
        for (Date since : new Date[] {at(SINCE), null}) {
            assertThat(memory.voidedEncounterUuids(HIV, since, null, 100)).as("voided encounters since " + since)
                    .isEqualTo(inSql(() -> sql.voidedEncounterUuids(HIV, since, null, 100)))
                    .containsExactly("encounter-101", "encounter-103");
            assertThat(memory.voidedEnrollmentUuids(HIV, since, null, 100)).as("voided enrollments since " + since)
                    .isEqualTo(inSql(() -> sql.voidedEnrollmentUuids(HIV, since, null, 100)))
                    .containsExactly("enrollment-12", "enrollment-13", "enrollment-15");
            assertThat(memory.voidedPatientUuids(HIV, since, null, 100)).as("voided patients since " + since)
                    .isEqualTo(inSql(() -> sql.voidedPatientUuids(HIV, since, null, 100)))
                    .containsExactly(patient(3), patient(5));
        }
        Date since = at(SINCE);
        assertThat(uuidsOf(memory.loadPatients(memory.changedPatientIds(HIV, since, 0, 100)), PatientRecord::getUuid))
                .as("patient delta").isEqualTo(sqlUuids("SELECT uuid FROM person WHERE person_id = :id",
                        inSql(() -> sql.changedPatientIds(HIV, since, 0, 100))));
        List<String> memoryEnrollments = uuidsOf(memory.loadEnrollments(memory.changedEnrollmentIds(HIV, since, 0, 100)),
                EnrollmentRecord::getUuid);
        assertThat(memoryEnrollments).as("enrollment delta").containsExactlyInAnyOrderElementsOf(
                sqlUuids("SELECT uuid FROM patient_program WHERE patient_program_id = :id",
                        inSql(() -> sql.changedEnrollmentIds(HIV, since, 0, 100))))
                .containsExactlyInAnyOrder("enrollment-12", "enrollment-13", "enrollment-15", "copy-enrollment-15");
        assertThat(uuidsOf(memory.loadEncounters(memory.changedEncounterIds(HIV, FEEDS, since, 0, 100)),
                EncounterRecord::getUuid)).as("encounter delta").isEqualTo(sqlUuids(
                        "SELECT uuid FROM encounter WHERE encounter_id = :id",
                        inSql(() -> sql.changedEncounterIds(HIV, FEEDS, since, 0, 100))))
                .containsExactly("encounter-105");
        assertThat(memory.loadEnrollmentsByUuid(List.of("enrollment-15"))).singleElement()
                .satisfies(e -> assertThat(e.isVoided()).as("an enrollment left on the merged patient").isTrue());
    }
}
