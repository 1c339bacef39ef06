package org.openmrs.module.dhis2sync.source.openmrs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openmrs.module.dhis2sync.source.openmrs.OpenmrsTablesFixture.AFTER;
import static org.openmrs.module.dhis2sync.source.openmrs.OpenmrsTablesFixture.CREATED;
import static org.openmrs.module.dhis2sync.source.openmrs.OpenmrsTablesFixture.SINCE;
import static org.openmrs.module.dhis2sync.source.openmrs.OpenmrsTablesFixture.at;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.openmrs.module.dhis2sync.source.ClinicalSource;
import org.openmrs.module.dhis2sync.source.EncounterFeed;
import org.openmrs.module.dhis2sync.source.EncounterRecord;
import org.openmrs.module.dhis2sync.source.EnrollmentRecord;
import org.openmrs.module.dhis2sync.source.ObsValue;
import org.openmrs.module.dhis2sync.source.PatientRecord;
import org.openmrs.module.dhis2sync.sync.InMemoryClinicalSource;
import org.openmrs.module.dhis2sync.testsupport.TestDatabase;

/**
 * The in-memory OpenMRS of the engine's tests answers every question of the port as the real source does: the same
 * data (voided obs, a cleared form, a voided encounter, obs groups of a concept set, a legacy form, a voided enrollment,
 * programs of other patients) is written into OpenMRS's tables, read by the real SQL and mapped by the real mappers
 * from the objects OpenMRS would load, and put into the in-memory source; both must select and load the same records.
 */
class InMemorySourceFidelityTest {

    private static final String HIV = "program-hiv";
    private static final String CLINIC = "location-clinic";
    private static final String VITALS = "concept-vitals";
    private static final String WEIGHT = "concept-weight";
    private static final String NOTE = "concept-note";
    private static final String INTAKE = "HIV Intake";
    private static final String LEGACY = "Legacy HIV Form";
    private static final List<List<EncounterFeed>> FEEDS = List.of(
            List.of(EncounterFeed.encounterType("type-visit")), List.of(EncounterFeed.form(INTAKE)),
            List.of(EncounterFeed.form(LEGACY)), List.of(EncounterFeed.conceptSet(VITALS)),
            List.of(EncounterFeed.encounterType("type-visit"), EncounterFeed.form(INTAKE),
                    EncounterFeed.conceptSet(VITALS)));

    private OpenmrsTablesFixture db;
    private final InMemoryClinicalSource memory = new InMemoryClinicalSource();
    private final OpenmrsObjects objects = new OpenmrsObjects();
    private ClinicalSource sql;

    @AfterEach
    void close() {
        if (db != null) {
            db.close();
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void theInMemorySourceSelectsAndLoadsWhatTheSqlDoes(TestDatabase.Kind kind) {
        seed(kind);
        for (Date since : Arrays.asList(null, at(SINCE))) {
            assertSame("patients since " + since, db.inTransaction(() -> patientUuids(sql.changedPatientIds(HIV, since, 0, 100))),
                    patientUuidsInMemory(memory.changedPatientIds(HIV, since, 0, 100)));
            assertSame("enrollments since " + since,
                    db.inTransaction(() -> uuids(sql.loadEnrollments(sql.changedEnrollmentIds(HIV, since, 0, 100)), EnrollmentRecord::getUuid)),
                    uuids(memory.loadEnrollments(memory.changedEnrollmentIds(HIV, since, 0, 100)), EnrollmentRecord::getUuid));
            for (List<EncounterFeed> feeds : FEEDS) {
                assertSame("encounters of " + feeds + " since " + since,
                        db.inTransaction(() -> render(sql.loadEncounters(sql.changedEncounterIds(HIV, feeds, since, 0, 100)))),
                        render(memory.loadEncounters(memory.changedEncounterIds(HIV, feeds, since, 0, 100))));
            }
        }
        for (String patient : List.of("patient-1", "patient-2")) {
            for (List<EncounterFeed> feeds : FEEDS) {
                for (LocalDate[] range : new LocalDate[][] {{LocalDate.of(2023, 1, 1), null},
                    {LocalDate.of(2024, 2, 1), LocalDate.of(2024, 2, 29)}}) {
                    assertSame("encounters of " + patient + " of " + feeds + " from " + range[0] + " to " + range[1],
                            db.inTransaction(() -> render(sql.loadEncounters(sql.encounterIdsOfPatient(patient, feeds, range[0], range[1])))),
                            render(memory.loadEncounters(memory.encounterIdsOfPatient(patient, feeds, range[0], range[1]))));
                }
            }
            assertSame("enrollments of " + patient,
                    db.inTransaction(() -> renderEnrollments(sql.enrollmentsOfPatient(patient, HIV))),
                    renderEnrollments(memory.enrollmentsOfPatient(patient, HIV)));
        }
        List<String> encounterUuids = new ArrayList<>(objects.encounterIds.keySet());
        assertSame("encounters by uuid", db.inTransaction(() -> render(sql.loadEncountersByUuid(encounterUuids))),
                render(memory.loadEncountersByUuid(encounterUuids)));
    }

    private static void assertSame(String question, List<String> real, List<String> inMemory) {
        assertThat(inMemory).as(question + ": the in-memory source answers as the SQL does").isEqualTo(real);
    }

    // ---- the data, written both ways

    /**
     * Patients 1 and 2 in HIV (1 also through an older completed enrollment), 3 in TB only, 4 in HIV through a voided
     * enrollment, 5 in none. Patient 1's encounters: 100 a visit whose note is voided after SINCE; 101 a lab with a
     * vitals group; 102 a lab whose only obs, of the Intake form, is voided after SINCE (a cleared form); 103 a lab
     * with an Intake obs added after SINCE; 104 a visit voided after SINCE; 106 a lab whose vitals group lost one of
     * its two members after SINCE; 107 a lab on the legacy form. 109 is patient 2's visit of after SINCE, 108 patient
     * 3's visit.
     */
    private void seed(TestDatabase.Kind kind) {
        db = OpenmrsTablesFixture.create(kind);
        sql = objects.source(db);
        db.program(1, HIV);
        db.program(2, "program-tb");
        db.encounterType(1, "type-visit");
        db.encounterType(2, "type-lab");
        db.form(1, LEGACY);
        db.location(1, CLINIC);
        db.concept(10, VITALS, true);
        db.concept(11, WEIGHT, false);
        db.concept(12, NOTE, false);
        memory.setNow(at(CREATED));
        for (int patient = 1; patient <= 5; patient++) {
            db.patient(patient);
            memory.putPatient(new PatientRecord(OpenmrsTablesFixture.patientUuid(patient), null, null, null, null, null,
                    false, Map.of(), Map.of(), Map.of(), null));
        }
        enrollment(11, 1, 1, LocalDate.of(2024, 1, 10), null, false);
        enrollment(12, 2, 1, LocalDate.of(2024, 1, 11), LocalDate.of(2024, 5, 1), false);
        enrollment(13, 3, 2, LocalDate.of(2024, 1, 12), null, false);
        enrollment(14, 4, 1, LocalDate.of(2024, 1, 13), null, true);
        enrollment(15, 1, 1, LocalDate.of(2023, 5, 1), LocalDate.of(2023, 12, 1), false);

        objects.encounter(db, 100, 1, 1, null, LocalDateTime.of(2024, 1, 15, 9, 0), CREATED);
        objects.obs(db, 1000, 100, 11, null, null, 61.5, null, CREATED);
        objects.obs(db, 1001, 100, 12, null, null, null, "first visit", CREATED);
        objects.encounter(db, 101, 1, 2, null, LocalDateTime.of(2024, 2, 1, 8, 0), CREATED);
        objects.obs(db, 1010, 101, 10, null, null, null, null, CREATED);
        objects.obs(db, 1011, 101, 11, 1010, null, 60.0, null, CREATED);
        objects.encounter(db, 102, 1, 2, null, LocalDateTime.of(2024, 2, 10, 23, 30), CREATED);
        objects.obs(db, 1020, 102, 12, null, "Bahmni^" + INTAKE + ".3/1-0", null, "intake note", CREATED);
        objects.encounter(db, 103, 1, 2, null, LocalDateTime.of(2024, 2, 20, 12, 0), CREATED);
        objects.encounter(db, 104, 1, 1, null, LocalDateTime.of(2024, 3, 2, 0, 0), CREATED);
        objects.obs(db, 1040, 104, 11, null, null, 59.0, null, CREATED);
        objects.encounter(db, 106, 1, 2, null, LocalDateTime.of(2024, 3, 5, 12, 0), CREATED);
        objects.obs(db, 1060, 106, 10, null, null, null, null, CREATED);
        objects.obs(db, 1061, 106, 11, 1060, null, 58.0, null, CREATED);
        objects.obs(db, 1062, 106, 12, 1060, null, null, "vitals note", CREATED);
        objects.encounter(db, 107, 1, 2, 1, LocalDateTime.of(2024, 3, 6, 12, 0), CREATED);
        objects.obs(db, 1070, 107, 11, null, null, 57.0, null, CREATED);
        objects.encounter(db, 108, 3, 1, null, LocalDateTime.of(2024, 3, 7, 12, 0), CREATED);
        objects.obs(db, 1080, 108, 11, null, null, 80.0, null, CREATED);
        for (int encounter : List.of(100, 101, 102, 103, 104, 106, 107, 108)) {
            publish(encounter, CREATED);
        }

        // after SINCE
        objects.voidObs(db, 1001, AFTER);
        publish(100, AFTER);
        objects.voidObs(db, 1020, AFTER);
        publish(102, AFTER);
        objects.obs(db, 1030, 103, 12, null, "Bahmni^" + INTAKE + ".3/2-0", null, "added later", AFTER);
        publish(103, AFTER);
        db.update("UPDATE encounter SET voided = 1, date_voided = ? WHERE encounter_id = 104", at(AFTER));
        objects.encounterVoided.put(104, true);
        publish(104, AFTER);
        objects.voidObs(db, 1061, AFTER);
        publish(106, AFTER);
        objects.encounter(db, 109, 2, 1, null, LocalDateTime.of(2024, 3, 3, 9, 0), AFTER);
        objects.obs(db, 1090, 109, 11, null, null, 70.25, null, AFTER);
        publish(109, AFTER);
    }

    private void enrollment(int id, int patient, int program, LocalDate enrolled, LocalDate completed, boolean voided) {
        db.enrollment(id, patient, program, enrolled.atStartOfDay(), voided);
        db.update("UPDATE patient_program SET date_completed = ?, location_id = 1 WHERE patient_program_id = ?",
                completed == null ? null : at(completed.atStartOfDay()), id);
        memory.putEnrollment(new EnrollmentRecord("enrollment-" + id, OpenmrsTablesFixture.patientUuid(patient),
                program == 1 ? HIV : "program-tb", enrolled, completed, CLINIC, voided));
    }

    /** Puts the encounter into the in-memory source as the engine's tests do: its live obs, its voided ones apart. */
    private void publish(int encounterId, LocalDateTime when) {
        memory.setNow(at(when));
        OpenmrsObjects.EncounterRow row = objects.encounters.get(encounterId);
        List<ObsValue> live = new ArrayList<>();
        List<ObsValue> voided = new ArrayList<>();
        for (OpenmrsObjects.ObsRow obs : objects.obsOf(encounterId)) {
            if (objects.isGroup(obs.id)) {
                continue;
            }
            OpenmrsObjects.ObsRow group = obs.group == null ? null : objects.obs.get(obs.group);
            boolean isVoided = obs.voided || (group != null && group.voided);
            ObsValue value = new ObsValue(OpenmrsObjects.CONCEPTS.get(obs.concept)[0],
                    OpenmrsObjects.CONCEPTS.get(obs.concept)[1], obs.numeric != null ? ObsValue.Type.NUMERIC
                            : ObsValue.Type.TEXT, obs.numeric != null ? ObsValueMapper.number(obs.numeric) : obs.text,
                    null, obs.form == null ? null : BahmniFormPath.formName(obs.form),
                    group == null ? List.of() : List.of(OpenmrsObjects.CONCEPTS.get(group.concept)[0]),
                    row.when, obs.id);
            (isVoided ? voided : live).add(value);
        }
        memory.putEncounter(new EncounterRecord("encounter-" + encounterId, OpenmrsTablesFixture.patientUuid(row.patient),
                row.type == 1 ? "type-visit" : "type-lab", row.when, CLINIC, row.form == null ? null : LEGACY, live),
                voided, Boolean.TRUE.equals(objects.encounterVoided.get(encounterId)));
    }

    // ---- answers in comparable form

    private List<String> patientUuids(List<Integer> ids) {
        return ids.stream().map(id -> OpenmrsTablesFixture.patientUuid(id)).collect(Collectors.toList());
    }

    private List<String> patientUuidsInMemory(List<Integer> ids) {
        return uuids(memory.loadPatients(ids), PatientRecord::getUuid);
    }

    private static <R> List<String> uuids(List<R> records, Function<R, String> uuid) {
        return records.stream().map(uuid).collect(Collectors.toList());
    }

    private static List<String> render(List<EncounterRecord> encounters) {
        List<String> texts = new ArrayList<>();
        for (EncounterRecord e : encounters) {
            texts.add(e.getUuid() + " " + e.getPatientUuid() + " " + e.getEncounterTypeUuid() + " "
                    + e.getEncounterDatetime() + " " + e.getLocationUuid() + " " + e.getFormName() + " "
                    + e.getObs().stream().map(o -> o.getConceptUuid() + "/" + o.getConceptName() + "/" + o.getType()
                            + "=" + o.getValue() + " answer " + o.getCodedAnswerUuid() + " form " + o.getFormName()
                            + " groups " + o.getGroupConceptUuids() + " at " + o.getObsDatetime() + " id " + o.getObsId())
                            .collect(Collectors.toList()));
        }
        return texts;
    }

    private static List<String> renderEnrollments(List<EnrollmentRecord> enrollments) {
        return enrollments.stream().map(e -> e.getUuid() + " " + e.getPatientUuid() + " " + e.getProgramUuid() + " "
                + e.getDateEnrolled() + " " + e.getDateCompleted() + " " + e.getLocationUuid() + " voided "
                + e.isVoided()).collect(Collectors.toList());
    }
}
