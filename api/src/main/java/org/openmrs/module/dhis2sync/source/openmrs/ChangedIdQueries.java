package org.openmrs.module.dhis2sync.source.openmrs;

import java.time.LocalDate;
import java.util.Collections;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.hibernate.SessionFactory;
import org.hibernate.type.StandardBasicTypes;
import org.openmrs.module.dhis2sync.source.EncounterFeed;

/**
 * The id queries of the source, in native SQL on OpenMRS's own tables (one query per question, read in the
 * caller's transaction). Written for MySQL 5.6 to 8, MariaDB and H2 in MySQL mode: only EXISTS / IN subqueries,
 * so no join multiplies rows and each probe walks a foreign-key index; deltas are keyset-paged on the primary key.
 * "Changed after since" means a date_created, date_changed or date_voided later than since.
 */
final class ChangedIdQueries {

    private static final String IN_PROGRAM = "EXISTS (SELECT 1 FROM patient_program ipp"
            + " JOIN program ipr ON ipr.program_id = ipp.program_id"
            + " WHERE ipp.patient_id = %s AND ipr.uuid = :programUuid)";

    /** The patient (row {@code p}) is not voided: a voided patient is never sent, only withdrawn. */
    private static final String NOT_VOIDED_PATIENT = "p.voided = 0"
            + " AND p.patient_id IN (SELECT np.person_id FROM person np WHERE np.voided = 0)";

    /** Restricts every delta to one patient: {@code AND <patient id column> IN (...)}. */
    private static final String ONLY_PATIENT = " AND %s IN (SELECT op.person_id FROM person op WHERE op.uuid = :onlyPatient)";

    private final NativeSql nativeSql;
    /** The one patient every delta is restricted to, or null for all. */
    private final String onlyPatientUuid;

    ChangedIdQueries(SessionFactory sessionFactory) {
        this(sessionFactory, null);
    }

    /** @param onlyPatientUuid the patient every delta is restricted to, or null for every patient */
    ChangedIdQueries(SessionFactory sessionFactory, String onlyPatientUuid) {
        this.nativeSql = new NativeSql(sessionFactory);
        this.onlyPatientUuid = onlyPatientUuid;
    }

    /** Appends the one-patient restriction (when there is one) on the given patient id column. */
    private void restrict(StringBuilder query, Map<String, Object> parameters, String patientIdColumn) {
        if (onlyPatientUuid != null) {
            parameters.put("onlyPatient", onlyPatientUuid);
            query.append(String.format(ONLY_PATIENT, patientIdColumn));
        }
    }

    /**
     * Those of the uuids (rows of {@code table}: patient_program or encounter) that belong to the one patient; all
     * of them when there is no restriction.
     */
    List<String> ofThePatient(String table, List<String> uuids) {
        if (onlyPatientUuid == null || uuids.isEmpty()) {
            return uuids;
        }
        List<String> kept = new java.util.ArrayList<>();
        for (int from = 0; from < uuids.size(); from += NativeSql.CHUNK) {
            Map<String, Object> parameters = new LinkedHashMap<String, Object>();
            parameters.put("uuids", uuids.subList(from, Math.min(uuids.size(), from + NativeSql.CHUNK)));
            parameters.put("onlyPatient", onlyPatientUuid);
            for (Object[] row : nativeSql.rows("SELECT t.uuid AS uuid FROM " + table + " t WHERE t.uuid IN (:uuids)"
                    + String.format(ONLY_PATIENT, "t.patient_id"), parameters, new String[] {"uuid"},
                    new org.hibernate.type.Type[] {StandardBasicTypes.STRING})) {
                kept.add((String) row[0]);
            }
        }
        return kept;
    }

    List<Integer> changedPatientIds(String programUuid, Date since, int afterId, int limit) {
        Map<String, Object> parameters = pageParameters(programUuid, afterId, limit);
        StringBuilder sql = new StringBuilder("SELECT p.patient_id AS id FROM patient p WHERE p.patient_id > :afterId AND ")
                .append(NOT_VOIDED_PATIENT).append(" AND ").append(String.format(IN_PROGRAM, "p.patient_id"));
        if (since != null) {
            parameters.put("since", since);
            sql.append(" AND (").append(changedAfterSince("p"))
                    .append(" OR ").append(changedRowOf("person", "person_id"))
                    .append(" OR ").append(changedRowOf("person_name", "person_id"))
                    .append(" OR ").append(changedRowOf("patient_identifier", "patient_id"))
                    .append(" OR ").append(changedRowOf("person_attribute", "person_id"))
                    .append(" OR ").append(changedRowOf("person_address", "person_id"))
                    .append(')');
        }
        restrict(sql, parameters, "p.patient_id");
        sql.append(" ORDER BY p.patient_id LIMIT :limit");
        return ids(sql.toString(), parameters);
    }

    List<Integer> changedEnrollmentIds(String programUuid, Date since, int afterId, int limit) {
        Map<String, Object> parameters = pageParameters(programUuid, afterId, limit);
        StringBuilder sql = new StringBuilder("SELECT pp.patient_program_id AS id FROM patient_program pp"
                + " WHERE pp.patient_program_id > :afterId"
                + " AND pp.program_id IN (SELECT pr.program_id FROM program pr WHERE pr.uuid = :programUuid)");
        if (since != null) {
            parameters.put("since", since);
            // an enrollment of a patient voided (or unvoided) since is one too: it follows its patient
            sql.append(" AND (").append(changedAfterSince("pp"))
                    .append(" OR pp.patient_id IN (SELECT vp.patient_id FROM patient vp WHERE vp.date_changed > :since"
                            + " OR vp.date_voided > :since)")
                    .append(" OR pp.patient_id IN (SELECT vpe.person_id FROM person vpe WHERE vpe.date_voided > :since))");
        }
        restrict(sql, parameters, "pp.patient_id");
        sql.append(" ORDER BY pp.patient_program_id LIMIT :limit");
        return ids(sql.toString(), parameters);
    }

    List<Integer> changedEncounterIds(String programUuid, List<EncounterFeed> feeds, Date since, int afterId,
            int limit) {
        if (feeds == null || feeds.isEmpty()) {
            return Collections.emptyList();
        }
        Map<String, Object> parameters = pageParameters(programUuid, afterId, limit);
        FeedCondition feedCondition = FeedCondition.of(feeds, true);
        parameters.putAll(feedCondition.parameters());
        StringBuilder sql = new StringBuilder("SELECT e.encounter_id AS id FROM encounter e"
                + " WHERE e.encounter_id > :afterId AND e.voided = 0 AND ")
                .append(String.format(IN_PROGRAM, "e.patient_id"))
                .append(" AND ").append(feedCondition.sql());
        if (since != null) {
            parameters.put("since", since);
            // obs are never changed in place (an edit voids the row and creates a new one): no date_changed
            sql.append(" AND (").append(changedAfterSince("e"))
                    .append(" OR EXISTS (SELECT 1 FROM obs co WHERE co.encounter_id = e.encounter_id")
                    .append(" AND (co.date_created > :since OR co.date_voided > :since)))");
        }
        restrict(sql, parameters, "e.patient_id");
        sql.append(" ORDER BY e.encounter_id LIMIT :limit");
        return ids(sql.toString(), parameters);
    }

    /**
     * Uuids of the encounters of patients ever enrolled in the program that are voided, voided after since (all
     * voided ones when since is null), in uuid order after {@code afterUuid}.
     */
    List<String> voidedEncounterUuids(String programUuid, Date since, String afterUuid, int limit) {
        Map<String, Object> parameters = uuidPageParameters(programUuid, since, afterUuid, limit);
        StringBuilder sql = new StringBuilder("SELECT e.uuid AS uuid FROM encounter e WHERE e.voided = 1 AND ")
                .append(voidedAfterSince("e", since)).append(" AND ").append(String.format(IN_PROGRAM, "e.patient_id"));
        return uuidPage(sql, parameters, "e", "e.patient_id");
    }

    /**
     * Uuids of the program's patient programs that are voided, or whose patient is, voided after since (all when
     * since is null), in uuid order after {@code afterUuid}.
     */
    List<String> voidedEnrollmentUuids(String programUuid, Date since, String afterUuid, int limit) {
        Map<String, Object> parameters = uuidPageParameters(programUuid, since, afterUuid, limit);
        StringBuilder sql = new StringBuilder("SELECT pp.uuid AS uuid FROM patient_program pp"
                + " WHERE pp.program_id IN (SELECT pr.program_id FROM program pr WHERE pr.uuid = :programUuid)"
                + " AND (pp.voided = 1 AND " + voidedAfterSince("pp", since)
                + " OR pp.patient_id IN (SELECT vp.patient_id FROM patient vp WHERE vp.voided = 1 AND "
                + voidedAfterSince("vp", since) + ")"
                + " OR pp.patient_id IN (SELECT vpe.person_id FROM person vpe WHERE vpe.voided = 1 AND "
                + voidedAfterSince("vpe", since) + "))");
        return uuidPage(sql, parameters, "pp", "pp.patient_id");
    }

    /**
     * Person uuids of the patients ever enrolled in the program whose patient or person row is voided, voided after
     * since (all when since is null), in uuid order after {@code afterUuid}.
     */
    List<String> voidedPatientUuids(String programUuid, Date since, String afterUuid, int limit) {
        Map<String, Object> parameters = uuidPageParameters(programUuid, since, afterUuid, limit);
        StringBuilder sql = new StringBuilder("SELECT pe.uuid AS uuid FROM person pe WHERE ")
                .append(String.format(IN_PROGRAM, "pe.person_id"))
                .append(" AND (pe.voided = 1 AND ").append(voidedAfterSince("pe", since))
                .append(" OR pe.person_id IN (SELECT vp.patient_id FROM patient vp WHERE vp.voided = 1 AND ")
                .append(voidedAfterSince("vp", since)).append("))");
        return uuidPage(sql, parameters, "pe", "pe.person_id");
    }

    private static Map<String, Object> uuidPageParameters(String programUuid, Date since, String afterUuid,
            int limit) {
        if (limit <= 0) {
            throw new IllegalArgumentException("limit must be positive, was " + limit);
        }
        Map<String, Object> parameters = new LinkedHashMap<String, Object>();
        parameters.put("programUuid", requireText(programUuid, "programUuid"));
        parameters.put("afterUuid", afterUuid == null ? "" : afterUuid);
        parameters.put("limit", limit);
        if (since != null) {
            parameters.put("since", since);
        }
        return parameters;
    }

    /** "voided after since" of a row, or always true when since is null (the caller checks voided itself). */
    private static String voidedAfterSince(String alias, Date since) {
        return since == null ? "1 = 1" : alias + ".date_voided > :since";
    }

    /**
     * Finishes a uuid-paged query whose select list is {@code <alias>.uuid AS uuid}: the one-patient restriction on
     * the given patient id column, the page after {@code afterUuid}, order and limit.
     */
    private List<String> uuidPage(StringBuilder sql, Map<String, Object> parameters, String alias,
            String patientIdColumn) {
        sql.append(" AND ").append(alias).append(".uuid > :afterUuid");
        restrict(sql, parameters, patientIdColumn);
        sql.append(" ORDER BY ").append(alias).append(".uuid LIMIT :limit");
        List<String> uuids = new java.util.ArrayList<String>();
        for (Object[] row : nativeSql.rows(sql.toString(), parameters, new String[] {"uuid"},
                new org.hibernate.type.Type[] {StandardBasicTypes.STRING})) {
            uuids.add((String) row[0]);
        }
        return uuids;
    }

    List<Integer> encounterIdsOfPatient(String patientUuid, List<EncounterFeed> feeds, LocalDate from,
            LocalDate to) {
        requireText(patientUuid, "patientUuid");
        if (feeds == null || feeds.isEmpty()) {
            return Collections.emptyList();
        }
        if (from != null && to != null && to.isBefore(from)) {
            throw new IllegalArgumentException("to (" + to + ") is before from (" + from + ")");
        }
        Map<String, Object> parameters = new LinkedHashMap<String, Object>();
        parameters.put("patientUuid", patientUuid);
        FeedCondition feedCondition = FeedCondition.of(feeds, false);
        parameters.putAll(feedCondition.parameters());
        StringBuilder sql = new StringBuilder("SELECT e.encounter_id AS id FROM encounter e"
                + " WHERE e.patient_id IN (SELECT pe.person_id FROM person pe WHERE pe.uuid = :patientUuid)"
                + " AND e.voided = 0 AND ").append(feedCondition.sql());
        // a range on the column itself, not DATE(encounter_datetime), so the index on it stays usable
        if (from != null) {
            parameters.put("fromTime", OpenmrsDates.startOfDay(from));
            sql.append(" AND e.encounter_datetime >= :fromTime");
        }
        if (to != null) {
            parameters.put("beforeTime", OpenmrsDates.startOfDay(to.plusDays(1)));
            sql.append(" AND e.encounter_datetime < :beforeTime");
        }
        sql.append(" ORDER BY e.encounter_datetime, e.encounter_id");
        return ids(sql.toString(), parameters);
    }

    List<Integer> enrollmentIdsOfPatient(String patientUuid, String programUuid) {
        Map<String, Object> parameters = new LinkedHashMap<String, Object>();
        parameters.put("patientUuid", requireText(patientUuid, "patientUuid"));
        parameters.put("programUuid", requireText(programUuid, "programUuid"));
        return ids("SELECT pp.patient_program_id AS id FROM patient_program pp"
                + " WHERE pp.patient_id IN (SELECT pe.person_id FROM person pe WHERE pe.uuid = :patientUuid)"
                + " AND pp.program_id IN (SELECT pr.program_id FROM program pr WHERE pr.uuid = :programUuid)"
                + " ORDER BY pp.date_enrolled, pp.patient_program_id", parameters);
    }

    /**
     * {@link #enrollmentIdsOfPatient} of several patients at once: their enrollments in the program, each patient's
     * oldest first.
     */
    List<Integer> enrollmentIdsOfPatients(java.util.Collection<String> patientUuids, String programUuid) {
        List<Integer> ids = new java.util.ArrayList<Integer>();
        List<String> uuids = new java.util.ArrayList<String>(patientUuids);
        for (int from = 0; from < uuids.size(); from += NativeSql.CHUNK) {
            Map<String, Object> parameters = new LinkedHashMap<String, Object>();
            parameters.put("patientUuids", uuids.subList(from, Math.min(uuids.size(), from + NativeSql.CHUNK)));
            parameters.put("programUuid", requireText(programUuid, "programUuid"));
            ids.addAll(ids("SELECT pp.patient_program_id AS id FROM patient_program pp"
                    + " WHERE pp.patient_id IN (SELECT pe.person_id FROM person pe WHERE pe.uuid IN (:patientUuids))"
                    + " AND pp.program_id IN (SELECT pr.program_id FROM program pr WHERE pr.uuid = :programUuid)"
                    + " ORDER BY pp.patient_id, pp.date_enrolled, pp.patient_program_id", parameters));
        }
        return ids;
    }

    private static Map<String, Object> pageParameters(String programUuid, int afterId, int limit) {
        if (limit <= 0) {
            throw new IllegalArgumentException("limit must be positive, was " + limit);
        }
        Map<String, Object> parameters = new LinkedHashMap<String, Object>();
        parameters.put("programUuid", requireText(programUuid, "programUuid"));
        parameters.put("afterId", afterId);
        parameters.put("limit", limit);
        return parameters;
    }

    private static String changedAfterSince(String alias) {
        return "(" + alias + ".date_created > :since OR " + alias + ".date_changed > :since OR " + alias
                + ".date_voided > :since)";
    }

    /** A row of a patient's registration table (keyed by the patient's person id) changed after since. */
    private static String changedRowOf(String table, String personColumn) {
        return "EXISTS (SELECT 1 FROM " + table + " x WHERE x." + personColumn + " = p.patient_id AND "
                + changedAfterSince("x") + ")";
    }

    private static String requireText(String value, String name) {
        if (value == null || value.trim().isEmpty()) {
            throw new IllegalArgumentException(name + " is required");
        }
        return value;
    }

    private List<Integer> ids(String query, Map<String, Object> parameters) {
        return nativeSql.ids(query, parameters);
    }
}
