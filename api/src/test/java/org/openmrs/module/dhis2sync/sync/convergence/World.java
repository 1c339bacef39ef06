package org.openmrs.module.dhis2sync.sync.convergence;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.openmrs.module.dhis2sync.dhis2.ApiChoice;
import org.openmrs.module.dhis2sync.dhis2.Dhis2Client;
import org.openmrs.module.dhis2sync.dhis2.Dhis2Clients;
import org.openmrs.module.dhis2sync.dhis2.Dhis2Connection;
import org.openmrs.module.dhis2sync.dhis2.fake.FakeDhis2;
import org.openmrs.module.dhis2sync.dhis2.fake.Metadata;
import org.openmrs.module.dhis2sync.mapping.DataElementMapping;
import org.openmrs.module.dhis2sync.mapping.Dhis2ValueType;
import org.openmrs.module.dhis2sync.mapping.StageMapping;
import org.openmrs.module.dhis2sync.source.EncounterFeed;
import org.openmrs.module.dhis2sync.mapping.MappingConfig;
import org.openmrs.module.dhis2sync.source.ClinicalSource;
import org.openmrs.module.dhis2sync.sync.InMemoryClinicalSource;
import org.openmrs.module.dhis2sync.sync.RunRequest;
import org.openmrs.module.dhis2sync.sync.RunSettings;
import org.openmrs.module.dhis2sync.sync.RunState;
import org.openmrs.module.dhis2sync.sync.SyncEngine;
import org.openmrs.module.dhis2sync.sync.SyncHarness;
import org.openmrs.module.dhis2sync.sync.SyncRunner;
import org.openmrs.module.dhis2sync.sync.TrackerStore;
import org.openmrs.module.dhis2sync.testsupport.TestDatabase;
import org.openmrs.module.dhis2sync.testsupport.TrackingDatabase;
import org.openmrs.module.dhis2sync.tracking.OrgUnitMapping;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * One installation for one history: a fake DHIS2 of a version and API and the module's tables (one of each for the
 * whole test, emptied when a history starts), the in-memory OpenMRS seen through a source that can be made to die at
 * its n-th read, a client that can be made to die before or after its n-th call, the real engine and runner, and a
 * clock that only the history moves.
 */
final class World implements AutoCloseable {

    /** The API generations the histories rotate through. */
    enum Setup {
        V2_41_LEGACY(FakeDhis2.Version.V2_41, ApiChoice.LEGACY),
        V2_41_TRACKER(FakeDhis2.Version.V2_41, ApiChoice.TRACKER),
        V2_42_TRACKER(FakeDhis2.Version.V2_42, ApiChoice.AUTO);

        final FakeDhis2.Version version;
        final ApiChoice api;

        Setup(FakeDhis2.Version version, ApiChoice api) {
            this.version = version;
            this.api = api;
        }

        /** Whether DHIS2 keeps the completion date sent (README: not the tracker API of 2.41). */
        boolean keepsCompletionDate() {
            return this != V2_41_TRACKER;
        }
    }

    /** How the next run dies, if it does. */
    enum Kill { NONE, IN_SOURCE, BEFORE_CALL, AFTER_CALL }

    private static TrackingDatabase database;
    /** One fake DHIS2 per setup for the whole test, emptied between histories. */
    private static final java.util.Map<Setup, FakeDhis2> FAKES = new java.util.EnumMap<>(Setup.class);

    final Setup setup;
    final FakeDhis2 dhis2;
    final InMemoryClinicalSource openmrs = new InMemoryClinicalSource();
    final String mappingUuid;
    private final SyncRunner runner;
    private final AtomicLong clock;
    private final int batchSize;
    private volatile Kill kill = Kill.NONE;
    private final AtomicInteger callsLeft = new AtomicInteger();
    /** The stage fed by the Bahmni form {@link Clinic#FORM}, besides the harness's visit stage. */
    static final String INTAKE_STAGE = "StgIntake01";

    private MappingConfig mapping = defaultMapping();

    World(Setup setup, int batchSize, String mappingUuid) {
        this.setup = setup;
        this.batchSize = batchSize;
        this.mappingUuid = mappingUuid;
        ZoneId zone = ZoneId.systemDefault();
        clock = new AtomicLong(LocalDateTime.of(2026, 1, 1, 8, 0).atZone(zone).toInstant().toEpochMilli());
        openmrs.setZone(zone);
        openmrs.setNow(now());
        dhis2 = emptiedFake(setup);
        TrackingDatabase db = emptiedDatabase();
        TrackerStore store = new TrackerStore(db.getTransactions(), db.instanceTrackerDao(), db.enrollmentTrackerDao(),
                db.eventTrackerDao(), db.markerDao(), db.failedRecordDao(), db.orgUnitMappingDao());
        ClinicalSource source = dying(ClinicalSource.class, openmrs, Kill.IN_SOURCE);
        SyncEngine engine = new SyncEngine(source, store, this::now, () -> zone);
        Dhis2Connection connection = Dhis2Connection.withPassword(dhis2.baseUrl(), "admin", "district")
                .withApi(setup.api).withRetries(1, Duration.ofMillis(1));
        runner = new SyncRunner(engine, db.getTransactions(), db.syncLogDao(), db.runLockDao(),
                () -> dying(Dhis2Client.class, Dhis2Clients.create(connection), null),
                () -> new RunSettings(this.batchSize, null), Runnable::run, this::now);
    }

    /** The harness's mapping ("open latest completed enrollment" No) with a second stage fed by the intake form. */
    static MappingConfig defaultMapping() {
        MappingConfig base = SyncHarness.mapping(false);
        List<StageMapping> stages = new ArrayList<>(base.getEvents());
        stages.add(new StageMapping(INTAKE_STAGE, EncounterFeed.form(Clinic.FORM), List.of(
                new DataElementMapping(SyncHarness.WEIGHT, "DeWeightKg1", Dhis2ValueType.NUMBER, null),
                new DataElementMapping(SyncHarness.NOTE, "DeNoteText1", Dhis2ValueType.TEXT, null))));
        return new MappingConfig(base.getName(), base.getOpenmrsProgramUuid(), base.getDhis2ProgramUid(),
                base.getTrackedEntityTypeUid(), base.getInstance(), base.getEnrollment(), stages);
    }

    private static synchronized FakeDhis2 emptiedFake(Setup setup) {
        FakeDhis2 fake = FAKES.get(setup);
        if (fake == null) {
            fake = FakeDhis2.start(setup.version);
            Metadata.Program program = fake.metadata().program(SyncHarness.PROGRAM).orElseThrow();
            List<Metadata.ProgramStage> stages = new ArrayList<>(program.stages());
            stages.add(new Metadata.ProgramStage(INTAKE_STAGE, "Verify Intake", true,
                    List.of("DeWeightKg1", "DeNoteText1")));
            fake.metadata().addProgram(new Metadata.Program(program.id(), program.name(), program.trackedEntityType(),
                    program.onlyEnrollOnce(), program.displayIncidentDate(), program.attributes(), stages,
                    program.orgUnits()));
            fake.recordRequestBodies(false);
            FAKES.put(setup, fake);
            Runtime.getRuntime().addShutdownHook(new Thread(fake::close));
        }
        fake.clearData();
        return fake;
    }

    private static synchronized TrackingDatabase emptiedDatabase() {
        if (database == null) {
            database = TrackingDatabase.create(TestDatabase.Kind.H2);
            Runtime.getRuntime().addShutdownHook(new Thread(database::close));
            database.inTransaction(() -> {
                OrgUnitMapping clinic = new OrgUnitMapping();
                clinic.setLocationUuid(SyncHarness.CLINIC);
                clinic.setOrgUnitUid(SyncHarness.ORG_UNIT);
                database.orgUnitMappingDao().save(clinic);
                return null;
            });
        }
        JdbcTemplate jdbc = new JdbcTemplate(database.getDatabase().getDataSource());
        for (String table : new String[] {"instance_tracker", "enrollment_tracker", "event_tracker", "marker", "log",
            "failed_record", "run_lock"}) {
            jdbc.update("DELETE FROM dhis2sync_" + table);
        }
        return database;
    }

    /**
     * The object seen through a proxy that throws at the n-th call once {@link #killAt} armed it: for the source
     * ({@code only} IN_SOURCE) before the read; for the client before or after the call, as armed.
     */
    private <T> T dying(Class<T> type, T target, Kill only) {
        InvocationHandler handler = (proxy, method, args) -> {
            Kill armed = kill;
            boolean counts = armed != Kill.NONE && !method.getName().equals("close")
                    && (only == null ? armed != Kill.IN_SOURCE : armed == only);
            boolean due = counts && callsLeft.decrementAndGet() == 0;
            if (due && armed != Kill.AFTER_CALL) {
                throw new IllegalStateException("killed (test) before " + method.getName());
            }
            Object result;
            try {
                result = method.invoke(target, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
            if (due) {
                throw new IllegalStateException("killed (test) after " + method.getName());
            }
            return result;
        };
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, handler));
    }

    /** The next run dies at its n-th call of that kind (counted from 1). */
    void killAt(Kill how, int call) {
        callsLeft.set(call);
        kill = how;
    }

    Date now() {
        return new Date(clock.get());
    }

    void tick(Duration duration) {
        clock.addAndGet(duration.toMillis());
        openmrs.setNow(now());
    }

    MappingConfig mapping() {
        return mapping;
    }

    void setMapping(MappingConfig mapping) {
        this.mapping = mapping;
    }

    /** One run, an hour after the last change, with whatever fault is armed; the fault is disarmed after it. */
    RunState sync() {
        tick(Duration.ofHours(1));
        try {
            return runner.runNow(new RunRequest(mappingUuid, mapping, "admin", "convergence"), "test");
        } finally {
            kill = Kill.NONE;
            dhis2.failNext(0, 503);
            tick(Duration.ofMinutes(5));
        }
    }

    /** The fake and the database stay for the next history (each empties them when it starts). */
    @Override
    public void close() {
        kill = Kill.NONE;
        dhis2.failNext(0, 503);
    }
}
