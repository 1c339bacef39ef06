package org.openmrs.module.dhis2sync.source.openmrs;

import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;
import static org.openmrs.module.dhis2sync.source.openmrs.OpenmrsTablesFixture.at;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.hibernate.SessionFactory;
import org.openmrs.Concept;
import org.openmrs.ConceptDatatype;
import org.openmrs.ConceptName;
import org.openmrs.Encounter;
import org.openmrs.EncounterType;
import org.openmrs.Form;
import org.openmrs.Location;
import org.openmrs.Obs;
import org.openmrs.Patient;
import org.openmrs.PatientProgram;
import org.openmrs.Program;
import org.openmrs.api.ConceptService;
import org.openmrs.api.EncounterService;
import org.openmrs.api.PatientService;
import org.openmrs.api.ProgramWorkflowService;
import org.openmrs.module.dhis2sync.source.ClinicalSource;

/**
 * Encounters with their obs, written into OpenMRS's tables, and the OpenMRS objects OpenMRS's services would load
 * from those rows (as Hibernate maps them: an encounter holds all its obs, voided and group members included), for the
 * real {@link OpenmrsClinicalSource} on the fixture's tables.
 */
final class OpenmrsObjects {

    /** Concept id to uuid, name and HL7 datatype (the fixture's concept table holds no names). */
    static final Map<Integer, String[]> CONCEPTS = Map.of(
            10, new String[] {"concept-vitals", "Vitals", "ZZ"},
            11, new String[] {"concept-weight", "Weight", "NM"},
            12, new String[] {"concept-note", "Note", "ST"});

    static final class EncounterRow {
        final int patient;
        final int type;
        final Integer form;
        final LocalDateTime when;

        EncounterRow(int patient, int type, Integer form, LocalDateTime when) {
            this.patient = patient;
            this.type = type;
            this.form = form;
            this.when = when;
        }
    }

    static final class ObsRow {
        final int id;
        final int encounter;
        final int concept;
        final Integer group;
        final String form;
        final Double numeric;
        final String text;
        boolean voided;

        ObsRow(int id, int encounter, int concept, Integer group, String form, Double numeric, String text) {
            this.id = id;
            this.encounter = encounter;
            this.concept = concept;
            this.group = group;
            this.form = form;
            this.numeric = numeric;
            this.text = text;
        }
    }

    final Map<Integer, EncounterRow> encounters = new LinkedHashMap<>();
    final Map<Integer, ObsRow> obs = new LinkedHashMap<>();
    final Map<Integer, Boolean> encounterVoided = new HashMap<>();
    /** Encounter uuid to id. */
    final Map<String, Integer> encounterIds = new LinkedHashMap<>();

    void encounter(OpenmrsTablesFixture db, int id, int patient, int type, Integer form, LocalDateTime when,
            LocalDateTime created) {
        db.update("INSERT INTO encounter (encounter_id, encounter_type, patient_id, form_id, location_id,"
                + " encounter_datetime, creator, date_created, voided, uuid) VALUES (?, ?, ?, ?, 1, ?, 1, ?, 0, ?)",
                id, type, patient, form, at(when), at(created), "encounter-" + id);
        encounters.put(id, new EncounterRow(patient, type, form, when));
        encounterIds.put("encounter-" + id, id);
    }

    /** An obs observed at its encounter's time. */
    void obs(OpenmrsTablesFixture db, int id, int encounter, int concept, Integer group, String form, Double numeric,
            String text, LocalDateTime created) {
        EncounterRow row = encounters.get(encounter);
        db.update("INSERT INTO obs (obs_id, person_id, concept_id, encounter_id, obs_datetime, obs_group_id,"
                + " value_numeric, value_text, creator, date_created, voided, uuid, form_namespace_and_path, status)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, 1, ?, 0, ?, ?, 'FINAL')", id, row.patient, concept, encounter,
                at(row.when), group, numeric, text, at(created), "obs-" + id, form);
        obs.put(id, new ObsRow(id, encounter, concept, group, form, numeric, text));
    }

    void voidObs(OpenmrsTablesFixture db, int id, LocalDateTime when) {
        db.update("UPDATE obs SET voided = 1, date_voided = ? WHERE obs_id = ?", at(when), id);
        obs.get(id).voided = true;
    }

    List<ObsRow> obsOf(int encounter) {
        List<ObsRow> rows = new ArrayList<>();
        obs.values().stream().filter(o -> o.encounter == encounter).forEach(rows::add);
        return rows;
    }

    boolean isGroup(int obsId) {
        return obs.values().stream().anyMatch(o -> o.group != null && o.group == obsId);
    }

    /** The real source on the fixture's tables, its services loading objects from the rows. */
    ClinicalSource source(OpenmrsTablesFixture db) {
        EncounterService encounterService = mock(EncounterService.class);
        ProgramWorkflowService programs = mock(ProgramWorkflowService.class);
        when(encounterService.getEncounter(anyInt())).thenAnswer(call -> encounter(db, call.getArgument(0)));
        when(encounterService.getEncounterByUuid(anyString())).thenAnswer(call -> encounter(db,
                db.jdbc().queryForObject("SELECT encounter_id FROM encounter WHERE uuid = ?", Integer.class,
                        (Object) call.getArgument(0))));
        when(programs.getPatientProgram(anyInt())).thenAnswer(call -> patientProgram(db, call.getArgument(0)));
        when(programs.getPatientProgramByUuid(anyString())).thenAnswer(call -> patientProgram(db,
                db.jdbc().queryForObject("SELECT patient_program_id FROM patient_program WHERE uuid = ?",
                        Integer.class, (Object) call.getArgument(0))));
        // the fixture's tables have no Hibernate mapping of OpenMRS's classes (the mocked services load by JDBC), so
        // nothing can be prefetched into the session
        return new OpenmrsClinicalSource(db.sessionFactory(), mock(PatientService.class), programs, encounterService,
                mock(ConceptService.class), null, ChunkPrefetch.NONE);
    }

    private static Encounter encounter(OpenmrsTablesFixture db, int id) {
        Map<String, Object> row = db.jdbc().queryForMap("SELECT e.uuid AS uuid, e.encounter_datetime AS at,"
                + " e.voided AS voided, et.uuid AS type, l.uuid AS location, f.name AS form, pe.uuid AS patient"
                + " FROM encounter e JOIN encounter_type et ON et.encounter_type_id = e.encounter_type"
                + " JOIN person pe ON pe.person_id = e.patient_id LEFT JOIN location l ON l.location_id = e.location_id"
                + " LEFT JOIN form f ON f.form_id = e.form_id WHERE e.encounter_id = ?", id);
        Encounter encounter = new Encounter();
        encounter.setUuid((String) row.get("uuid"));
        encounter.setEncounterDatetime((Date) row.get("at"));
        encounter.setVoided(truth(row.get("voided")));
        EncounterType type = new EncounterType();
        type.setUuid((String) row.get("type"));
        encounter.setEncounterType(type);
        Patient patient = new Patient();
        patient.setUuid((String) row.get("patient"));
        encounter.setPatient(patient);
        if (row.get("location") != null) {
            Location location = new Location();
            location.setUuid((String) row.get("location"));
            encounter.setLocation(location);
        }
        if (row.get("form") != null) {
            Form form = new Form();
            form.setName((String) row.get("form"));
            encounter.setForm(form);
        }
        Map<Integer, Obs> byId = new LinkedHashMap<>();
        Map<Integer, Integer> groupOf = new HashMap<>();
        for (Map<String, Object> o : db.jdbc().queryForList("SELECT obs_id, obs_group_id, concept_id, value_numeric,"
                + " value_text, voided, obs_datetime, form_namespace_and_path FROM obs WHERE encounter_id = ?"
                + " ORDER BY obs_id", id)) {
            Obs obs = new Obs(((Number) o.get("obs_id")).intValue());
            obs.setUuid("obs-" + obs.getObsId());
            obs.setConcept(concept(((Number) o.get("concept_id")).intValue()));
            obs.setValueNumeric(o.get("value_numeric") == null ? null : ((Number) o.get("value_numeric")).doubleValue());
            obs.setValueText((String) o.get("value_text"));
            obs.setVoided(truth(o.get("voided")));
            obs.setObsDatetime((Date) o.get("obs_datetime"));
            obs.setFormNamespaceAndPath((String) o.get("form_namespace_and_path"));
            byId.put(obs.getObsId(), obs);
            if (o.get("obs_group_id") != null) {
                groupOf.put(obs.getObsId(), ((Number) o.get("obs_group_id")).intValue());
            }
        }
        groupOf.forEach((member, group) -> {
            Obs parent = byId.get(group);
            byId.get(member).setObsGroup(parent);
            if (parent.getGroupMembers(true) == null) {
                parent.setGroupMembers(new LinkedHashSet<>());
            }
            parent.getGroupMembers(true).add(byId.get(member));
        });
        Set<Obs> all = new LinkedHashSet<>(byId.values());
        encounter.setObs(all);
        return encounter;
    }

    private static PatientProgram patientProgram(OpenmrsTablesFixture db, int id) {
        Map<String, Object> row = db.jdbc().queryForMap("SELECT pp.uuid AS uuid, pp.date_enrolled AS enrolled,"
                + " pp.date_completed AS completed, pp.voided AS voided, pr.uuid AS program, pe.uuid AS patient,"
                + " l.uuid AS location FROM patient_program pp JOIN program pr ON pr.program_id = pp.program_id"
                + " JOIN person pe ON pe.person_id = pp.patient_id LEFT JOIN location l ON l.location_id = pp.location_id"
                + " WHERE pp.patient_program_id = ?", id);
        PatientProgram patientProgram = new PatientProgram();
        patientProgram.setUuid((String) row.get("uuid"));
        patientProgram.setDateEnrolled((Date) row.get("enrolled"));
        patientProgram.setDateCompleted((Date) row.get("completed"));
        patientProgram.setVoided(truth(row.get("voided")));
        Program program = new Program();
        program.setUuid((String) row.get("program"));
        patientProgram.setProgram(program);
        Patient patient = new Patient();
        patient.setUuid((String) row.get("patient"));
        patientProgram.setPatient(patient);
        if (row.get("location") != null) {
            Location location = new Location();
            location.setUuid((String) row.get("location"));
            patientProgram.setLocation(location);
        }
        return patientProgram;
    }

    private static Concept concept(int id) {
        String[] known = CONCEPTS.get(id);
        Concept concept = new Concept(id);
        concept.setUuid(known[0]);
        concept.addName(new ConceptName(known[1], Locale.ENGLISH));
        ConceptDatatype datatype = new ConceptDatatype();
        datatype.setHl7Abbreviation(known[2]);
        concept.setDatatype(datatype);
        return concept;
    }

    private static boolean truth(Object value) {
        return value instanceof Boolean ? (Boolean) value : ((Number) value).intValue() != 0;
    }
}
