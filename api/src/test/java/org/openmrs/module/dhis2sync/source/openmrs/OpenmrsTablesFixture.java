package org.openmrs.module.dhis2sync.source.openmrs;

import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.function.Supplier;

import org.hibernate.SessionFactory;
import org.openmrs.module.dhis2sync.testsupport.OpenmrsSchema;
import org.openmrs.module.dhis2sync.testsupport.TestDatabase;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.orm.hibernate5.HibernateTransactionManager;
import org.springframework.orm.hibernate5.LocalSessionFactoryBuilder;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * OpenMRS's tables ({@link OpenmrsSchema}) on a fresh test database, rows to put in them, and a plain
 * Hibernate SessionFactory whose current session is bound by a HibernateTransactionManager, as OpenMRS's is.
 * Every row is created at {@link #CREATED}; tests move one row's dates past {@link #SINCE} to make a delta.
 */
final class OpenmrsTablesFixture implements AutoCloseable {

    static final LocalDateTime CREATED = LocalDateTime.of(2024, 1, 1, 10, 0);
    static final LocalDateTime SINCE = LocalDateTime.of(2024, 6, 1, 0, 0);
    static final LocalDateTime AFTER = LocalDateTime.of(2024, 6, 2, 9, 30);

    private final TestDatabase database;
    private final JdbcTemplate jdbc;
    private final SessionFactory sessionFactory;
    private final TransactionTemplate transactions;

    private OpenmrsTablesFixture(TestDatabase database) {
        this.database = database;
        this.jdbc = new JdbcTemplate(database.getDataSource());
        for (String statement : OpenmrsSchema.statements()) {
            jdbc.execute(statement);
        }
        this.sessionFactory = new LocalSessionFactoryBuilder(database.getDataSource())
                .setProperty("hibernate.dialect", database.getHibernateDialect())
                .buildSessionFactory();
        this.transactions = new TransactionTemplate(new HibernateTransactionManager(sessionFactory));
    }

    static OpenmrsTablesFixture create(TestDatabase.Kind kind) {
        return new OpenmrsTablesFixture(TestDatabase.create(kind));
    }

    SessionFactory sessionFactory() {
        return sessionFactory;
    }

    <T> T inTransaction(Supplier<T> work) {
        return transactions.execute(status -> work.get());
    }

    static Timestamp at(LocalDateTime time) {
        return Timestamp.valueOf(time);
    }

    JdbcTemplate jdbc() {
        return jdbc;
    }

    void update(String sql, Object... args) {
        jdbc.update(sql, args);
    }

    // ---- metadata

    void program(int id, String uuid) {
        jdbc.update("INSERT INTO program (program_id, concept_id, creator, date_created, retired, name, uuid)"
                + " VALUES (?, 1, 1, ?, 0, ?, ?)", id, at(CREATED), "program " + id, uuid);
    }

    void encounterType(int id, String uuid) {
        jdbc.update("INSERT INTO encounter_type (encounter_type_id, name, creator, date_created, retired, uuid)"
                + " VALUES (?, ?, 1, ?, 0, ?)", id, "type " + id, at(CREATED), uuid);
    }

    void form(int id, String name) {
        jdbc.update("INSERT INTO form (form_id, name, version, published, creator, date_created, retired, uuid)"
                + " VALUES (?, ?, '1', 1, 1, ?, 0, ?)", id, name, at(CREATED), "form-" + id);
    }

    void concept(int id, String uuid, boolean isSet) {
        jdbc.update("INSERT INTO concept (concept_id, retired, datatype_id, class_id, is_set, creator, date_created,"
                + " uuid) VALUES (?, 0, 1, 1, ?, 1, ?, ?)", id, isSet ? 1 : 0, at(CREATED), uuid);
    }

    void identifierType(int id, String name) {
        jdbc.update("INSERT INTO patient_identifier_type (patient_identifier_type_id, name, check_digit, creator,"
                + " date_created, required, retired, uuid) VALUES (?, ?, 0, 1, ?, 0, 0, ?)", id, name, at(CREATED),
                "identifier-type-" + id);
    }

    void location(int id, String uuid) {
        jdbc.update("INSERT INTO location (location_id, name, creator, date_created, retired, uuid)"
                + " VALUES (?, ?, 1, ?, 0, ?)", id, "location " + id, at(CREATED), uuid);
    }

    // ---- patients

    /** An extra name of a person (the fixture's first name row has no name parts). */
    void name(int id, int personId, String given, String middle, String family, boolean preferred, boolean voided) {
        jdbc.update("INSERT INTO person_name (person_name_id, preferred, person_id, given_name, middle_name,"
                + " family_name, creator, date_created, voided, uuid) VALUES (?, ?, ?, ?, ?, ?, 1, ?, ?, ?)",
                id, preferred ? 1 : 0, personId, given, middle, family, at(CREATED), voided ? 1 : 0, "name-" + id);
    }

    /** A patient with a name, identifier, attribute and address (row ids = patient id), all created at CREATED. */
    void patient(int id) {
        jdbc.update("INSERT INTO person (person_id, birthdate_estimated, dead, date_created, voided, uuid,"
                + " deathdate_estimated) VALUES (?, 0, 0, ?, 0, ?, 0)", id, at(CREATED),
                patientUuid(id));
        jdbc.update("INSERT INTO patient (patient_id, creator, date_created, voided, allergy_status)"
                + " VALUES (?, 1, ?, 0, 'Unknown')", id, at(CREATED));
        jdbc.update("INSERT INTO person_name (person_name_id, preferred, person_id, creator, date_created, voided, uuid)"
                + " VALUES (?, 1, ?, 1, ?, 0, ?)",
                id, id, at(CREATED), "name-" + id);
        identifier(id, id, "ID-" + id, CREATED);
        jdbc.update("INSERT INTO person_attribute (person_attribute_id, person_id, value, person_attribute_type_id,"
                + " creator, date_created, voided, uuid) VALUES (?, ?, 'value', 1, 1, ?, 0, ?)",
                id, id, at(CREATED), "attribute-" + id);
        jdbc.update("INSERT INTO person_address (person_address_id, person_id, preferred, creator, date_created, voided,"
                + " uuid) VALUES (?, ?, 1, 1, ?, 0, ?)",
                id, id, at(CREATED), "address-" + id);
    }

    void identifier(int id, int patientId, String identifier, LocalDateTime created) {
        identifier(id, patientId, identifier, 1, false, created);
    }

    void identifier(int id, int patientId, String identifier, int typeId, boolean preferred, LocalDateTime created) {
        jdbc.update("INSERT INTO patient_identifier (patient_identifier_id, patient_id, identifier, identifier_type,"
                + " preferred, creator, date_created, voided, uuid) VALUES (?, ?, ?, ?, ?, 1, ?, 0, ?)",
                id, patientId, identifier, typeId, preferred ? 1 : 0, at(created), "identifier-" + id);
    }

    static String patientUuid(int id) {
        return "patient-" + id;
    }

    void enrollment(int id, int patientId, int programId, LocalDateTime enrolled, boolean voided) {
        jdbc.update("INSERT INTO patient_program (patient_program_id, patient_id, program_id, date_enrolled, creator,"
                + " date_created, voided, date_voided, uuid) VALUES (?, ?, ?, ?, 1, ?, ?, ?, ?)",
                id, patientId, programId, at(enrolled), at(CREATED), voided ? 1 : 0, voided ? at(CREATED) : null,
                "enrollment-" + id);
    }

    // ---- encounters

    void encounter(int id, int patientId, int typeId, Integer formId, LocalDateTime when, boolean voided) {
        jdbc.update("INSERT INTO encounter (encounter_id, encounter_type, patient_id, form_id, encounter_datetime,"
                + " creator, date_created, voided, uuid) VALUES (?, ?, ?, ?, ?, 1, ?, ?, ?)",
                id, typeId, patientId, formId, at(when), at(CREATED), voided ? 1 : 0, "encounter-" + id);
    }

    void obs(int id, int encounterId, int personId, int conceptId, Integer groupId, String formNamespaceAndPath,
            LocalDateTime created) {
        jdbc.update("INSERT INTO obs (obs_id, person_id, concept_id, encounter_id, obs_datetime, obs_group_id,"
                + " creator, date_created, voided, uuid, form_namespace_and_path, status)"
                + " VALUES (?, ?, ?, ?, ?, ?, 1, ?, 0, ?, ?, 'FINAL')",
                id, personId, conceptId, encounterId, at(created), groupId, at(created), "obs-" + id, formNamespaceAndPath);
    }

    @Override
    public void close() {
        sessionFactory.close();
        database.drop();
    }
}
