package org.openmrs.module.dhis2sync.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.openmrs.module.dhis2sync.testsupport.OpenmrsSchema;

/**
 * A clinic in OpenMRS 2.5.14's own tables ({@link OpenmrsSchema}), loaded by SQL as the real-OpenMRS
 * measurement loads one: patient {@code n} (1, 2, …) is person {@code n} with one preferred name, two identifiers
 * (the national id, preferred, and a clinic number), two person attributes, one address, one enrollment in the
 * mapped program (1 in 5 completed) and {@value #ENCOUNTERS_PER_PATIENT} encounters of the mapped type with
 * {@value #OBS_PER_ENCOUNTER} obs each: the encounter's uuid as text (so a duplicate event shows in DHIS2), a number,
 * and a coded result. Uuids are those of {@link SyntheticClinicalSource}, concepts those of {@link BenchMapping}.
 */
final class OpenmrsShapedClinic {

    static final int ENCOUNTERS_PER_PATIENT = 2;
    static final int OBS_PER_ENCOUNTER = 3;
    static final String OTHER_ID_TYPE = "b0000000-0000-4000-8000-0000clinicid01";
    private static final int ROWS_PER_BATCH = 2_000;
    private static final String[] GIVEN = {"Amina", "Baraka", "Chausiku", "Daudi", "Eshe", "Faraji", "Gamba",
        "Halima", "Imani", "Jabari", "Kesi", "Lulu", "Mosi", "Neema", "Omari", "Pendo", "Rehema", "Salim"};
    private static final String[] FAMILY = {"Mwangi", "Otieno", "Kamau", "Wanjiru", "Mushi", "Njoroge", "Achieng",
        "Kimaro", "Lyimo", "Massawe", "Mollel", "Swai", "Temba", "Urio", "Chuwa", "Minja", "Shirima"};

    private OpenmrsShapedClinic() {
    }

    /** Creates the tables and the metadata, then {@code patients} patients with all their rows. */
    static void load(DataSource dataSource, int patients, LocalDateTime created) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement()) {
                for (String sql : OpenmrsSchema.statements()) {
                    statement.execute(sql);
                }
            }
            Timestamp at = Timestamp.valueOf(created);
            metadata(connection, at);
            for (int from = 1; from <= patients; from += ROWS_PER_BATCH / 4) {
                patients(connection, from, Math.min(patients, from + ROWS_PER_BATCH / 4 - 1), at);
                connection.commit();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not load the OpenMRS-shaped clinic: " + e.getMessage(), e);
        }
    }

    private static void metadata(Connection c, Timestamp at) throws SQLException {
        exec(c, "INSERT INTO location VALUES (1, 'Clinic', 1, ?, 0, '" + BenchMapping.CLINIC + "')", at);
        exec(c, "INSERT INTO program VALUES (1, 1, 1, ?, 0, 'Bench program', '" + BenchMapping.PROGRAM_UUID + "')",
                at);
        exec(c, "INSERT INTO encounter_type VALUES (1, 'Bench visit', 1, ?, 0, '" + BenchMapping.VISIT_TYPE + "')",
                at);
        exec(c, "INSERT INTO patient_identifier_type VALUES (1, 'National ID', 0, 1, ?, 0, 0, '"
                + BenchMapping.NATIONAL_ID_TYPE + "')", at);
        exec(c, "INSERT INTO patient_identifier_type VALUES (2, 'Clinic number', 0, 1, ?, 0, 0, '" + OTHER_ID_TYPE
                + "')", at);
        exec(c, "INSERT INTO person_attribute_type VALUES (1, 'Telephone', 'java.lang.String', 0, 1, ?, 0,"
                + " 'b0000000-0000-4000-8000-00000attrtype1')", at);
        exec(c, "INSERT INTO person_attribute_type VALUES (2, 'Mother''s name', 'java.lang.String', 0, 1, ?, 0,"
                + " 'b0000000-0000-4000-8000-00000attrtype2')", at);
        String[][] datatypes = {{"1", "Text", "ST"}, {"2", "Numeric", "NM"}, {"3", "Coded", "CWE"}, {"4", "N/A", "ZZ"}};
        for (String[] type : datatypes) {
            exec(c, "INSERT INTO concept_datatype VALUES (" + type[0] + ", '" + type[1] + "', '" + type[2]
                    + "', 1, ?, 0, 'b0000000-0000-4000-8000-0000datatype" + type[0] + "')", at);
        }
        String[][] concepts = {
            {"1", "1", BenchMapping.conceptOf(BenchMapping.ENCOUNTER_UUID_ELEMENT), "Encounter uuid"},
            {"2", "2", BenchMapping.conceptOf(BenchMapping.NUMBER_ELEMENTS.get(0)), "Weight"},
            {"3", "3", BenchMapping.conceptOf(BenchMapping.RESULT_ELEMENT), "Result"},
            {"4", "4", BenchMapping.POSITIVE, "Positive"},
            {"5", "4", BenchMapping.NEGATIVE, "Negative"}};
        for (String[] concept : concepts) {
            exec(c, "INSERT INTO concept VALUES (" + concept[0] + ", 0, " + concept[1] + ", 1, 0, 1, ?, '" + concept[2]
                    + "')", at);
            exec(c, "INSERT INTO concept_name VALUES (" + concept[0] + ", " + concept[0] + ", '" + concept[3]
                    + "', 'en', 1, 1, ?, 'FULLY_SPECIFIED', 0, 'b0000000-0000-4000-8000-0conceptname" + concept[0]
                    + "')", at);
        }
    }

    private static void patients(Connection c, int from, int to, Timestamp at) throws SQLException {
        Rows person = new Rows(c, "INSERT INTO person (person_id, gender, birthdate, birthdate_estimated, dead,"
                + " date_created, voided, uuid, deathdate_estimated) VALUES (?, ?, ?, 0, 0, ?, 0, ?, 0)");
        Rows patient = new Rows(c, "INSERT INTO patient (patient_id, creator, date_created, voided, allergy_status)"
                + " VALUES (?, 1, ?, 0, 'Unknown')");
        Rows name = new Rows(c, "INSERT INTO person_name (person_name_id, preferred, person_id, given_name,"
                + " family_name, creator, date_created, voided, uuid) VALUES (?, 1, ?, ?, ?, 1, ?, 0, ?)");
        Rows identifier = new Rows(c, "INSERT INTO patient_identifier (patient_identifier_id, patient_id, identifier,"
                + " identifier_type, preferred, location_id, creator, date_created, voided, uuid)"
                + " VALUES (?, ?, ?, ?, ?, 1, 1, ?, 0, ?)");
        Rows attribute = new Rows(c, "INSERT INTO person_attribute (person_attribute_id, person_id, value,"
                + " person_attribute_type_id, creator, date_created, voided, uuid) VALUES (?, ?, ?, ?, 1, ?, 0, ?)");
        Rows address = new Rows(c, "INSERT INTO person_address (person_address_id, person_id, preferred,"
                + " city_village, country, creator, date_created, voided, uuid)"
                + " VALUES (?, ?, 1, 'Moshi', 'Tanzania', 1, ?, 0, ?)");
        Rows enrollment = new Rows(c, "INSERT INTO patient_program (patient_program_id, patient_id, program_id,"
                + " date_enrolled, date_completed, location_id, creator, date_created, voided, uuid)"
                + " VALUES (?, ?, 1, ?, ?, 1, 1, ?, 0, ?)");
        Rows encounter = new Rows(c, "INSERT INTO encounter (encounter_id, encounter_type, patient_id, location_id,"
                + " encounter_datetime, creator, date_created, voided, uuid) VALUES (?, 1, ?, 1, ?, 1, ?, 0, ?)");
        Rows obs = new Rows(c, "INSERT INTO obs (obs_id, person_id, concept_id, encounter_id, obs_datetime,"
                + " value_coded, value_numeric, value_text, creator, date_created, voided, uuid, status)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, 1, ?, 0, ?, 'FINAL')");
        for (int n = from; n <= to; n++) {
            person.add(n, n % 2 == 0 ? "F" : "M", java.sql.Date.valueOf(LocalDate.of(1950, 1, 1).plusDays(
                    (n * 37L) % 20_000)), at, SyntheticClinicalSource.patientUuid(n));
            patient.add(n, at);
            name.add(n, n, GIVEN[n % GIVEN.length], FAMILY[(n / GIVEN.length) % FAMILY.length], at, uuid(1, n));
            identifier.add(2 * n - 1, n, SyntheticClinicalSource.nationalId(n), 1, 1, at, uuid(2, 2 * n - 1));
            identifier.add(2 * n, n, "CL-" + n, 2, 0, at, uuid(2, 2 * n));
            attribute.add(2 * n - 1, n, "+255700" + String.format("%06d", n % 1_000_000), 1, at, uuid(3, 2 * n - 1));
            attribute.add(2 * n, n, FAMILY[n % FAMILY.length], 2, at, uuid(3, 2 * n));
            address.add(n, n, at, uuid(4, n));
            LocalDate enrolled = LocalDate.of(2024, 1, 1).plusDays(n % 365);
            enrollment.add(n, n, Timestamp.valueOf(enrolled.atStartOfDay()),
                    n % 5 == 0 ? Timestamp.valueOf(enrolled.plusDays(120).atStartOfDay()) : null, at,
                    SyntheticClinicalSource.enrollmentUuid(n));
            for (int k = 0; k < ENCOUNTERS_PER_PATIENT; k++) {
                int e = ENCOUNTERS_PER_PATIENT * (n - 1) + k + 1;
                Timestamp when = Timestamp.valueOf(enrolled.plusDays(7L * (k + 1)).atTime(9, 30));
                String encounterUuid = SyntheticClinicalSource.encounterUuid(e);
                encounter.add(e, n, when, at, encounterUuid);
                int o = OBS_PER_ENCOUNTER * (e - 1);
                obs.add(o + 1, n, 1, e, when, null, null, encounterUuid, at, uuid(5, o + 1));
                obs.add(o + 2, n, 2, e, when, null, 40.0 + (e % 600) / 10.0, null, at, uuid(5, o + 2));
                obs.add(o + 3, n, 3, e, when, e % 3 == 0 ? 4 : 5, null, null, at, uuid(5, o + 3));
            }
        }
        for (Rows rows : List.of(person, patient, name, identifier, attribute, address, enrollment, encounter, obs)) {
            rows.flush();
        }
    }

    private static String uuid(int table, int id) {
        return String.format("c000000%d-0000-4000-8000-%012d", table, id);
    }

    private static void exec(Connection c, String sql, Timestamp at) throws SQLException {
        try (PreparedStatement statement = c.prepareStatement(sql)) {
            statement.setTimestamp(1, at);
            statement.executeUpdate();
        }
    }

    /** One INSERT's rows, sent as one JDBC batch. */
    private static final class Rows {
        private final PreparedStatement statement;
        private final List<Object[]> pending = new ArrayList<>();

        Rows(Connection connection, String sql) throws SQLException {
            this.statement = connection.prepareStatement(sql);
        }

        void add(Object... values) {
            pending.add(values);
        }

        void flush() throws SQLException {
            for (Object[] values : pending) {
                for (int i = 0; i < values.length; i++) {
                    statement.setObject(i + 1, values[i]);
                }
                statement.addBatch();
            }
            statement.executeBatch();
            statement.close();
            pending.clear();
        }
    }
}
