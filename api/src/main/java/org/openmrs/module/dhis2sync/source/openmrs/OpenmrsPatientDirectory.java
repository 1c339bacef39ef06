package org.openmrs.module.dhis2sync.source.openmrs;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

import org.hibernate.SessionFactory;
import org.hibernate.type.StandardBasicTypes;
import org.hibernate.type.Type;
import org.openmrs.api.ConceptService;
import org.openmrs.api.EncounterService;
import org.openmrs.api.PatientService;
import org.openmrs.api.ProgramWorkflowService;
import org.openmrs.module.dhis2sync.source.ClinicalSource;
import org.openmrs.module.dhis2sync.source.EncounterSummary;
import org.openmrs.module.dhis2sync.source.EnrollmentSummary;
import org.openmrs.module.dhis2sync.source.PatientDirectory;
import org.openmrs.module.dhis2sync.source.PatientSummary;

/**
 * {@link PatientDirectory} on OpenMRS's tables by native SQL (scalars only: no OpenMRS object enters the session),
 * {@value NativeSql#CHUNK} uuids per query, in the caller's transaction. The preferred non-voided name and
 * identifier win, else the first non-voided ones, as {@link PatientMapper} chooses them.
 */
public class OpenmrsPatientDirectory implements PatientDirectory {

    private static final String PATIENT = "SELECT pe.person_id AS id, pe.uuid AS uuid, pe.gender AS gender,"
            + " pe.birthdate AS birthdate FROM person pe JOIN patient pa ON pa.patient_id = pe.person_id";
    private static final String[] PATIENT_COLUMNS = {"id", "uuid", "gender", "birthdate"};
    private static final Type[] PATIENT_TYPES = {StandardBasicTypes.INTEGER, StandardBasicTypes.STRING,
        StandardBasicTypes.STRING, StandardBasicTypes.DATE};

    private static final String ENROLLMENT = "SELECT pp.uuid AS uuid, pe.uuid AS patient, pr.uuid AS program,"
            + " pr.name AS programName, pp.date_enrolled AS enrolled, pp.date_completed AS completed,"
            + " pp.voided AS voided, l.uuid AS location FROM patient_program pp"
            + " JOIN person pe ON pe.person_id = pp.patient_id JOIN program pr ON pr.program_id = pp.program_id"
            + " LEFT JOIN location l ON l.location_id = pp.location_id";
    private static final String[] ENROLLMENT_COLUMNS = {"uuid", "patient", "program", "programName", "enrolled",
        "completed", "voided", "location"};
    private static final Type[] ENROLLMENT_TYPES = {StandardBasicTypes.STRING, StandardBasicTypes.STRING,
        StandardBasicTypes.STRING, StandardBasicTypes.STRING, StandardBasicTypes.TIMESTAMP,
        StandardBasicTypes.TIMESTAMP, StandardBasicTypes.BOOLEAN, StandardBasicTypes.STRING};

    private static final String ENCOUNTER = "SELECT e.uuid AS uuid, pe.uuid AS patient, et.uuid AS type,"
            + " et.name AS typeName, e.encounter_datetime AS moment, e.voided AS voided FROM encounter e"
            + " JOIN person pe ON pe.person_id = e.patient_id"
            + " JOIN encounter_type et ON et.encounter_type_id = e.encounter_type";
    private static final String[] ENCOUNTER_COLUMNS = {"uuid", "patient", "type", "typeName", "moment", "voided"};
    private static final Type[] ENCOUNTER_TYPES = {StandardBasicTypes.STRING, StandardBasicTypes.STRING,
        StandardBasicTypes.STRING, StandardBasicTypes.STRING, StandardBasicTypes.TIMESTAMP,
        StandardBasicTypes.BOOLEAN};

    private final SessionFactory sessionFactory;
    private final NativeSql sql;
    private final PatientService patientService;
    private final ProgramWorkflowService programWorkflowService;
    private final EncounterService encounterService;
    private final ConceptService conceptService;

    /** The services are those {@link OpenmrsClinicalSource} reads a patient's records through. */
    public OpenmrsPatientDirectory(SessionFactory sessionFactory, PatientService patientService,
            ProgramWorkflowService programWorkflowService, EncounterService encounterService,
            ConceptService conceptService) {
        this.sessionFactory = sessionFactory;
        this.sql = new NativeSql(sessionFactory);
        this.patientService = patientService;
        this.programWorkflowService = programWorkflowService;
        this.encounterService = encounterService;
        this.conceptService = conceptService;
    }

    @Override
    public Map<String, PatientSummary> patients(Collection<String> patientUuids) {
        Map<Integer, Object[]> people = new LinkedHashMap<>();
        for (List<String> chunk : chunks(patientUuids)) {
            for (Object[] row : sql.rows(PATIENT + " WHERE pe.uuid IN (:uuids)", one("uuids", chunk),
                    PATIENT_COLUMNS, PATIENT_TYPES)) {
                people.put((Integer) row[0], row);
            }
        }
        Map<String, PatientSummary> found = new LinkedHashMap<>();
        for (PatientSummary patient : summaries(people)) {
            found.put(patient.getUuid(), patient);
        }
        return found;
    }

    @Override
    public Map<String, EnrollmentSummary> enrollments(Collection<String> patientProgramUuids) {
        Map<String, EnrollmentSummary> found = new LinkedHashMap<>();
        for (List<String> chunk : chunks(patientProgramUuids)) {
            for (Object[] row : sql.rows(ENROLLMENT + " WHERE pp.uuid IN (:uuids)", one("uuids", chunk),
                    ENROLLMENT_COLUMNS, ENROLLMENT_TYPES)) {
                EnrollmentSummary enrollment = enrollment(row);
                found.put(enrollment.getUuid(), enrollment);
            }
        }
        return found;
    }

    @Override
    public Map<String, EncounterSummary> encounters(Collection<String> encounterUuids) {
        Map<String, EncounterSummary> found = new LinkedHashMap<>();
        for (List<String> chunk : chunks(encounterUuids)) {
            for (Object[] row : sql.rows(ENCOUNTER + " WHERE e.uuid IN (:uuids)", one("uuids", chunk),
                    ENCOUNTER_COLUMNS, ENCOUNTER_TYPES)) {
                EncounterSummary encounter = encounter(row);
                found.put(encounter.getUuid(), encounter);
            }
        }
        return found;
    }

    @Override
    public List<PatientSummary> search(String query, int limit) {
        String text = query == null ? "" : query.trim();
        if (text.isEmpty() || limit < 1) {
            return Collections.emptyList();
        }
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("identifier", likePrefix(text));
        parameters.put("limit", limit);
        StringBuilder names = new StringBuilder();
        String[] words = text.split("\\s+");
        for (int i = 0; i < words.length; i++) {
            String word = "w" + i;
            parameters.put(word, likePrefix(words[i]));
            names.append(i == 0 ? "" : " AND ").append("(n.given_name LIKE :").append(word)
                    .append(" OR n.middle_name LIKE :").append(word).append(" OR n.family_name LIKE :").append(word)
                    .append(')');
        }
        String search = PATIENT + " WHERE pa.voided = 0 AND pe.voided = 0 AND ("
                + "EXISTS (SELECT 1 FROM patient_identifier i WHERE i.patient_id = pa.patient_id AND i.voided = 0"
                + " AND i.identifier LIKE :identifier)"
                + " OR EXISTS (SELECT 1 FROM person_name n WHERE n.person_id = pa.patient_id AND n.voided = 0 AND "
                + names + ")) ORDER BY pe.person_id LIMIT :limit";
        Map<Integer, Object[]> people = new LinkedHashMap<>();
        for (Object[] row : sql.rows(search, parameters, PATIENT_COLUMNS, PATIENT_TYPES)) {
            people.put((Integer) row[0], row);
        }
        return summaries(people);
    }

    @Override
    public List<EnrollmentSummary> enrollmentsOf(String patientUuid) {
        List<EnrollmentSummary> found = new ArrayList<>();
        for (Object[] row : sql.rows(ENROLLMENT + " WHERE pe.uuid = :patient ORDER BY pp.date_enrolled,"
                + " pp.patient_program_id", one("patient", patientUuid), ENROLLMENT_COLUMNS, ENROLLMENT_TYPES)) {
            found.add(enrollment(row));
        }
        return found;
    }

    @Override
    public List<EncounterSummary> encountersOf(String patientUuid) {
        List<EncounterSummary> found = new ArrayList<>();
        for (Object[] row : sql.rows(ENCOUNTER + " WHERE pe.uuid = :patient AND e.voided = 0"
                + " ORDER BY e.encounter_datetime, e.encounter_id", one("patient", patientUuid), ENCOUNTER_COLUMNS,
                ENCOUNTER_TYPES)) {
            found.add(encounter(row));
        }
        return found;
    }

    @Override
    public ClinicalSource clinicalSourceOf(String patientUuid) {
        if (patientUuid == null || patientUuid.trim().isEmpty()) {
            throw new IllegalArgumentException("patientUuid is required");
        }
        return new OpenmrsClinicalSource(sessionFactory, patientService, programWorkflowService, encounterService,
                conceptService, patientUuid);
    }

    /** Summaries of the people (id → person row), with their preferred name and identifier: two queries per chunk. */
    private List<PatientSummary> summaries(Map<Integer, Object[]> people) {
        Map<Integer, String> names = new LinkedHashMap<>();
        Map<Integer, String[]> identifiers = new LinkedHashMap<>();
        List<Integer> ids = new ArrayList<>(people.keySet());
        for (int from = 0; from < ids.size(); from += NativeSql.CHUNK) {
            Map<String, Object> parameters = one("ids", ids.subList(from, Math.min(ids.size(), from + NativeSql.CHUNK)));
            for (Object[] row : sql.rows("SELECT n.person_id AS id, n.given_name AS given, n.middle_name AS middle,"
                    + " n.family_name AS family FROM person_name n WHERE n.voided = 0 AND n.person_id IN (:ids)"
                    + " ORDER BY n.preferred DESC, n.person_name_id", parameters,
                    new String[] {"id", "given", "middle", "family"}, new Type[] {StandardBasicTypes.INTEGER,
                        StandardBasicTypes.STRING, StandardBasicTypes.STRING, StandardBasicTypes.STRING})) {
                names.putIfAbsent((Integer) row[0], PatientSummary.fullName((String) row[1], (String) row[2],
                        (String) row[3]));
            }
            for (Object[] row : sql.rows("SELECT i.patient_id AS id, i.identifier AS identifier, t.name AS type"
                    + " FROM patient_identifier i JOIN patient_identifier_type t"
                    + " ON t.patient_identifier_type_id = i.identifier_type WHERE i.voided = 0"
                    + " AND i.patient_id IN (:ids) ORDER BY i.preferred DESC, i.patient_identifier_id", parameters,
                    new String[] {"id", "identifier", "type"}, new Type[] {StandardBasicTypes.INTEGER,
                        StandardBasicTypes.STRING, StandardBasicTypes.STRING})) {
                identifiers.putIfAbsent((Integer) row[0], new String[] {(String) row[1], (String) row[2]});
            }
        }
        List<PatientSummary> summaries = new ArrayList<>();
        for (Map.Entry<Integer, Object[]> person : people.entrySet()) {
            Object[] row = person.getValue();
            String[] identifier = identifiers.get(person.getKey());
            summaries.add(new PatientSummary((String) row[1], names.get(person.getKey()),
                    identifier == null ? null : identifier[0], identifier == null ? null : identifier[1],
                    (String) row[2], localDate((Date) row[3])));
        }
        return summaries;
    }

    private static EnrollmentSummary enrollment(Object[] row) {
        return new EnrollmentSummary((String) row[0], (String) row[1], (String) row[2], (String) row[3],
                localDate((Date) row[4]), localDate((Date) row[5]), (String) row[7], Boolean.TRUE.equals(row[6]));
    }

    private static EncounterSummary encounter(Object[] row) {
        Date moment = (Date) row[4];
        return new EncounterSummary((String) row[0], (String) row[1], (String) row[2], (String) row[3],
                moment == null ? null : OpenmrsDates.toLocalDateTime(moment), Boolean.TRUE.equals(row[5]));
    }

    private static LocalDate localDate(Date date) {
        return date == null ? null : OpenmrsDates.toLocalDate(date);
    }

    private static List<List<String>> chunks(Collection<String> uuids) {
        if (uuids == null) {
            throw new IllegalArgumentException("uuids are required");
        }
        List<String> distinct = new ArrayList<>();
        for (String uuid : new LinkedHashSet<>(uuids)) {
            if (uuid != null && !uuid.isEmpty()) {
                distinct.add(uuid);
            }
        }
        List<List<String>> chunks = new ArrayList<>();
        for (int from = 0; from < distinct.size(); from += NativeSql.CHUNK) {
            chunks.add(distinct.subList(from, Math.min(distinct.size(), from + NativeSql.CHUNK)));
        }
        return chunks;
    }

    private static Map<String, Object> one(String name, Object value) {
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put(name, value);
        return parameters;
    }

    /**
     * A LIKE pattern matching values that start with the text, its own % and _ taken literally. Case follows the
     * column's collation: OpenMRS's tables are case-insensitive on MySQL and MariaDB.
     */
    static String likePrefix(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }
}
