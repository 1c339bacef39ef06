package org.openmrs.module.dhis2sync.testsupport;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Properties;
import java.util.function.Supplier;

import org.hibernate.SessionFactory;
import org.openmrs.module.dhis2sync.mapping.Mapping;
import org.openmrs.module.dhis2sync.mapping.MappingDao;
import org.openmrs.module.dhis2sync.tracking.EnrollmentTracker;
import org.openmrs.module.dhis2sync.tracking.EnrollmentTrackerDao;
import org.openmrs.module.dhis2sync.tracking.EventTracker;
import org.openmrs.module.dhis2sync.tracking.EventTrackerDao;
import org.openmrs.module.dhis2sync.tracking.FailedRecord;
import org.openmrs.module.dhis2sync.tracking.FailedRecordDao;
import org.openmrs.module.dhis2sync.tracking.InstanceTracker;
import org.openmrs.module.dhis2sync.tracking.InstanceTrackerDao;
import org.openmrs.module.dhis2sync.tracking.Marker;
import org.openmrs.module.dhis2sync.tracking.MarkerDao;
import org.openmrs.module.dhis2sync.tracking.OrgUnitMapping;
import org.openmrs.module.dhis2sync.tracking.OrgUnitMappingDao;
import org.openmrs.module.dhis2sync.tracking.PendingDeletion;
import org.openmrs.module.dhis2sync.tracking.PendingDeletionDao;
import org.openmrs.module.dhis2sync.tracking.RunLock;
import org.openmrs.module.dhis2sync.tracking.RunLockDao;
import org.openmrs.module.dhis2sync.tracking.SyncLog;
import org.openmrs.module.dhis2sync.tracking.SyncLogDao;
import org.springframework.orm.hibernate5.HibernateTransactionManager;
import org.springframework.orm.hibernate5.LocalSessionFactoryBuilder;
import org.springframework.transaction.support.TransactionTemplate;

import liquibase.Contexts;
import liquibase.LabelExpression;
import liquibase.Liquibase;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.core.H2Database;
import liquibase.database.jvm.JdbcConnection;
import liquibase.exception.LiquibaseException;
import liquibase.resource.ClassLoaderResourceAccessor;

/**
 * The module's tables on a fresh {@link TestDatabase}: the real {@code liquibase.xml} applied with Liquibase, then
 * Hibernate started on it with {@code hbm2ddl.auto=validate} (so entities and changelog must agree), with a
 * transaction manager, a {@link TransactionTemplate} and every DAO. {@link #close()} drops the database.
 */
public final class TrackingDatabase implements AutoCloseable {

    public static final String CHANGELOG = "liquibase.xml";

    /** Every entity the module maps; what OpenMRS finds in the packages config.xml names. */
    public static final Class<?>[] ENTITIES = {
        Mapping.class, InstanceTracker.class, EnrollmentTracker.class, EventTracker.class, Marker.class,
        SyncLog.class, FailedRecord.class, OrgUnitMapping.class, RunLock.class, PendingDeletion.class
    };

    private final TestDatabase database;
    private final SessionFactory sessionFactory;
    private final HibernateTransactionManager transactionManager;
    private final TransactionTemplate transactions;

    private TrackingDatabase(TestDatabase database, SessionFactory sessionFactory) {
        this.database = database;
        this.sessionFactory = sessionFactory;
        this.transactionManager = new HibernateTransactionManager(sessionFactory);
        this.transactions = new TransactionTemplate(transactionManager);
    }

    /** A new database of that kind with the module's tables; MariaDB skips (or fails in CI) when unreachable. */
    public static TrackingDatabase create(TestDatabase.Kind kind) {
        TestDatabase database = TestDatabase.create(kind);
        try {
            applyChangelog(database);
            return new TrackingDatabase(database, buildSessionFactory(database));
        } catch (RuntimeException | Error e) {
            database.drop();
            throw e;
        }
    }

    /** The module's tables on a database made elsewhere (e.g. {@link TestDatabase#h2File}): changelog, then Hibernate. */
    public static TrackingDatabase create(TestDatabase database) {
        applyChangelog(database);
        return new TrackingDatabase(database, buildSessionFactory(database));
    }

    /**
     * Hibernate on a database that already has the module's tables (another process applied the changelog): what a
     * restarted server does. {@link #close()} still drops the database; a process that must leave it just exits.
     */
    public static TrackingDatabase attach(TestDatabase database) {
        return new TrackingDatabase(database, buildSessionFactory(database));
    }

    /**
     * The module's tables on a database that also holds other tables mapped by the given hbm.xml resources, all in
     * the one SessionFactory (as OpenMRS maps its own entities and the module's together), with more Hibernate
     * settings (e.g. OpenMRS's own). The schema is not
     * validated against the other mappings (their tables are made by whoever made the database).
     */
    public static TrackingDatabase createWith(TestDatabase database, Properties hibernate, String... hbmResources) {
        applyChangelog(database);
        return new TrackingDatabase(database, buildSessionFactory(database, hibernate, hbmResources));
    }

    /** Applies the module's changelog, as OpenMRS does when the module starts. */
    public static void applyChangelog(TestDatabase database) {
        try (Connection connection = database.getDataSource().getConnection()) {
            Database liquibaseDatabase;
            if (database.getKind() == TestDatabase.Kind.H2) {
                liquibaseDatabase = new NameKeepingH2Database();
                liquibaseDatabase.setConnection(new JdbcConnection(connection));
            } else {
                liquibaseDatabase = DatabaseFactory.getInstance()
                        .findCorrectDatabaseImplementation(new JdbcConnection(connection));
            }
            new Liquibase(CHANGELOG, new ClassLoaderResourceAccessor(), liquibaseDatabase)
                    .update(new Contexts(), new LabelExpression());
        } catch (SQLException | LiquibaseException e) {
            throw new IllegalStateException("could not apply " + CHANGELOG + " on " + database + ": " + e, e);
        }
    }

    /**
     * Liquibase's H2 support upper-cases unquoted names when it looks objects up, but TestDatabase's H2 keeps names
     * as written (DATABASE_TO_UPPER=FALSE, like MySQL): without this, tableExists/indexExists would never find the
     * module's lower-case tables and a second run would try to create them again.
     */
    private static final class NameKeepingH2Database extends H2Database {
        NameKeepingH2Database() {
            unquotedObjectsAreUppercased = null;
        }
    }

    private static SessionFactory buildSessionFactory(TestDatabase database, String... hbmResources) {
        return buildSessionFactory(database, new Properties(), hbmResources);
    }

    private static SessionFactory buildSessionFactory(TestDatabase database, Properties hibernate,
            String... hbmResources) {
        LocalSessionFactoryBuilder builder = new LocalSessionFactoryBuilder(database.getDataSource());
        builder.addAnnotatedClasses(ENTITIES);
        for (String resource : hbmResources) {
            builder.addResource(resource);
        }
        Properties properties = new Properties();
        properties.setProperty("hibernate.dialect", database.getHibernateDialect());
        properties.setProperty("hibernate.hbm2ddl.auto", hbmResources.length == 0 ? "validate" : "none");
        if (database.getKind() == TestDatabase.Kind.H2) {
            // H2 1.4.200 reports upper-case identifier storage even with DATABASE_TO_UPPER=FALSE, so Hibernate
            // would look for DHIS2SYNC_MAPPING; quoting makes it use the lower-case names Liquibase created.
            properties.setProperty("hibernate.globally_quoted_identifiers", "true");
        }
        properties.putAll(hibernate);
        builder.addProperties(properties);
        return builder.buildSessionFactory();
    }

    public TestDatabase getDatabase() {
        return database;
    }

    public TestDatabase.Kind getKind() {
        return database.getKind();
    }

    public SessionFactory getSessionFactory() {
        return sessionFactory;
    }

    public HibernateTransactionManager getTransactionManager() {
        return transactionManager;
    }

    /** Runs work in a transaction, as the module's service does; each call commits (or rolls back) at its end. */
    public TransactionTemplate getTransactions() {
        return transactions;
    }

    /** Runs the work in a transaction of its own, committed at its end (rolled back if it throws). */
    public <T> T inTransaction(Supplier<T> work) {
        return transactions.execute(status -> work.get());
    }

    public MappingDao mappingDao() {
        return new MappingDao(sessionFactory);
    }

    public InstanceTrackerDao instanceTrackerDao() {
        return new InstanceTrackerDao(sessionFactory);
    }

    public EnrollmentTrackerDao enrollmentTrackerDao() {
        return new EnrollmentTrackerDao(sessionFactory);
    }

    public EventTrackerDao eventTrackerDao() {
        return new EventTrackerDao(sessionFactory);
    }

    public MarkerDao markerDao() {
        return new MarkerDao(sessionFactory);
    }

    public SyncLogDao syncLogDao() {
        return new SyncLogDao(sessionFactory);
    }

    public FailedRecordDao failedRecordDao() {
        return new FailedRecordDao(sessionFactory);
    }

    public OrgUnitMappingDao orgUnitMappingDao() {
        return new OrgUnitMappingDao(sessionFactory);
    }

    public PendingDeletionDao pendingDeletionDao() {
        return new PendingDeletionDao(sessionFactory);
    }

    public RunLockDao runLockDao() {
        return new RunLockDao(sessionFactory);
    }

    @Override
    public void close() {
        sessionFactory.close();
        database.drop();
    }

    @Override
    public String toString() {
        return database.toString();
    }
}
