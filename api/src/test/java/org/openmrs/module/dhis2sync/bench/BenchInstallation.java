package org.openmrs.module.dhis2sync.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Date;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

import org.openmrs.module.dhis2sync.dhis2.Dhis2Client;
import org.openmrs.module.dhis2sync.dhis2.Dhis2Clients;
import org.openmrs.module.dhis2sync.dhis2.ApiChoice;
import org.openmrs.module.dhis2sync.dhis2.Dhis2Connection;
import org.openmrs.module.dhis2sync.source.ClinicalSource;
import org.openmrs.module.dhis2sync.sync.RunRequest;
import org.openmrs.module.dhis2sync.sync.RunSettings;
import org.openmrs.module.dhis2sync.sync.RunState;
import org.openmrs.module.dhis2sync.sync.ServerInstance;
import org.openmrs.module.dhis2sync.sync.SyncEngine;
import org.openmrs.module.dhis2sync.sync.SyncRunner;
import org.openmrs.module.dhis2sync.sync.TrackerStore;
import org.openmrs.module.dhis2sync.sync.WithdrawalStore;
import org.openmrs.module.dhis2sync.testsupport.TestDatabase;
import org.openmrs.module.dhis2sync.testsupport.TrackingDatabase;
import org.openmrs.module.dhis2sync.tracking.OrgUnitMapping;

/**
 * The module as a server wires it, for the benchmark and the drills: the real engine and runner on the module's
 * tables, reading a {@link ClinicalSource}, talking to DHIS2 through the real client.
 */
public final class BenchInstallation implements AutoCloseable {

    public final TrackingDatabase db;
    public final TrackerStore store;
    public final SyncRunner runner;
    /** The one client of a benchmark (closed with this installation), or null when each run opens its own. */
    private final Dhis2Client owned;

    /** Each run opens its own client and closes it at its end, as in the module; a server of its own. */
    public BenchInstallation(TrackingDatabase db, ClinicalSource source, Dhis2Connection connection, int batchSize,
            Supplier<Date> clock, Executor executor) {
        this(db, source, connection, batchSize, clock, executor, ServerInstance.ofUnnamedServer());
    }

    /** @param instance the server instance this module runs as (a restarted server: same name, new instance) */
    public BenchInstallation(TrackingDatabase db, ClinicalSource source, Dhis2Connection connection, int batchSize,
            Supplier<Date> clock, Executor executor, ServerInstance instance) {
        this(db, source, () -> Dhis2Clients.create(connection), null, batchSize, clock, executor, instance);
    }

    /** @param client the benchmark's counting client, for its one run; closed with this installation */
    public BenchInstallation(TrackingDatabase db, ClinicalSource source, Dhis2Client client, int batchSize,
            Supplier<Date> clock, Executor executor) {
        this(db, source, () -> client, client, batchSize, clock, executor, ServerInstance.ofUnnamedServer());
    }

    private BenchInstallation(TrackingDatabase db, ClinicalSource source, Supplier<Dhis2Client> clients,
            Dhis2Client owned, int batchSize, Supplier<Date> clock, Executor executor, ServerInstance instance) {
        this.db = db;
        this.owned = owned;
        this.store = new TrackerStore(db.getTransactions(), db.instanceTrackerDao(), db.enrollmentTrackerDao(),
                db.eventTrackerDao(), db.markerDao(), db.failedRecordDao(), db.orgUnitMappingDao());
        RunSettings settings = new RunSettings(batchSize, null);
        this.runner = new SyncRunner(new SyncEngine(source, store,
                new WithdrawalStore(db.getTransactions(), db.instanceTrackerDao(), db.enrollmentTrackerDao(),
                        db.eventTrackerDao(), db.pendingDeletionDao()), clock), db.getTransactions(), db.syncLogDao(),
                db.runLockDao(), clients, () -> settings, executor, clock, instance);
    }

    /** The connection the benchmark and drills use: the fake's admin user, the tracker API. */
    public static Dhis2Connection connection(String baseUrl) {
        return Dhis2Connection.withPassword(baseUrl, "admin", "district").withApi(ApiChoice.TRACKER);
    }

    public static RunRequest request(String user) {
        return new RunRequest(BenchMapping.MAPPING_UUID, BenchMapping.mapping(), user, "benchmark");
    }

    public RunState runNow(String owner) {
        return runner.runNow(request(owner), owner);
    }

    /** The installation's one org unit mapping: the clinic's location to the DHIS2 org unit. */
    public static void mapClinic(TrackingDatabase db) {
        db.inTransaction(() -> {
            OrgUnitMapping clinic = new OrgUnitMapping();
            clinic.setLocationUuid(BenchMapping.CLINIC);
            clinic.setOrgUnitUid(BenchMapping.ORG_UNIT);
            db.orgUnitMappingDao().save(clinic);
            return null;
        });
    }

    /**
     * A new database with the module's tables and the clinic mapped: on MariaDB when its server answers (what a
     * Bahmni clinic runs), else in an H2 file under {@code h2Dir} — not in memory, where the module's tables would
     * sit on the heap being measured.
     *
     * @param oneConnection one connection kept open for every transaction, as a server's pool gives a single
     *                      thread (for the benchmark); false for several threads at once
     */
    public static TrackingDatabase newDatabase(Path h2Dir, boolean oneConnection) {
        TestDatabase database;
        if (TestDatabase.isMariadbReachable()) {
            database = TestDatabase.create(TestDatabase.Kind.MARIADB);
        } else {
            try {
                Files.createDirectories(h2Dir);
                Path file = Files.createTempFile(h2Dir, "dhis2sync", "");
                Files.delete(file);
                database = TestDatabase.h2File(file);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException("cannot make an H2 file under " + h2Dir, e);
            }
        }
        TrackingDatabase db = TrackingDatabase.create(oneConnection ? database.withOneConnection() : database);
        mapClinic(db);
        return db;
    }

    /** How another process finds the same database: {@code mariadb:<name>} or {@code h2:<file>}. */
    public static String address(TrackingDatabase db) {
        return (db.getKind() == TestDatabase.Kind.MARIADB ? "mariadb:" : "h2:") + db.getDatabase().getName();
    }

    /** The database at an {@link #address}, as a restarted server finds it. */
    public static TrackingDatabase attach(String address) {
        int colon = address.indexOf(':');
        String kind = address.substring(0, colon);
        String name = address.substring(colon + 1);
        return TrackingDatabase.attach(kind.equals("mariadb") ? TestDatabase.existingMariadb(name)
                : TestDatabase.h2File(Path.of(name)));
    }

    /** What the run's numbers were measured on, for the report. */
    public static String describe(TrackingDatabase db) {
        return db.getKind() == TestDatabase.Kind.MARIADB ? "MariaDB at " + TestDatabase.MARIADB_HOST + ":"
                + TestDatabase.MARIADB_PORT : "H2 file database (MariaDB unreachable)";
    }

    @Override
    public void close() {
        if (owned != null) {
            owned.close();
        }
    }
}
