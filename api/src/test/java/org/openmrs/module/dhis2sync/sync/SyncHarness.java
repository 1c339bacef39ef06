package org.openmrs.module.dhis2sync.sync;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import org.openmrs.module.dhis2sync.dhis2.Dhis2Clients;
import org.openmrs.module.dhis2sync.dhis2.Dhis2Connection;
import org.openmrs.module.dhis2sync.dhis2.ApiChoice;
import org.openmrs.module.dhis2sync.dhis2.fake.FakeDhis2;
import org.openmrs.module.dhis2sync.mapping.AttributeMapping;
import org.openmrs.module.dhis2sync.mapping.DataElementMapping;
import org.openmrs.module.dhis2sync.mapping.Dhis2ValueType;
import org.openmrs.module.dhis2sync.mapping.EnrollmentMapping;
import org.openmrs.module.dhis2sync.mapping.InstanceMapping;
import org.openmrs.module.dhis2sync.mapping.MappingConfig;
import org.openmrs.module.dhis2sync.mapping.StageMapping;
import org.openmrs.module.dhis2sync.source.EncounterFeed;
import org.openmrs.module.dhis2sync.source.EncounterRecord;
import org.openmrs.module.dhis2sync.source.EnrollmentRecord;
import org.openmrs.module.dhis2sync.source.ObsValue;
import org.openmrs.module.dhis2sync.source.PatientRecord;
import org.openmrs.module.dhis2sync.testsupport.TestDatabase;
import org.openmrs.module.dhis2sync.testsupport.TrackingDatabase;
import org.openmrs.module.dhis2sync.tracking.OrgUnitMapping;

/**
 * A whole installation for the engine's tests: the module's tables on a real database (the real changelog), the fake
 * DHIS2 over HTTP with the reference metadata, the real client, an in-memory OpenMRS, the real engine and runner, and
 * a clock the test moves.
 */
public final class SyncHarness implements AutoCloseable {

    public static final String PROGRAM_UUID = "a1b2c3d4-0000-4000-8000-00000000p001";
    public static final String NATIONAL_ID_TYPE = "a1b2c3d4-0000-4000-8000-0000000id001";
    public static final String VISIT_TYPE = "a1b2c3d4-0000-4000-8000-0000000et001";
    public static final String CLINIC = "a1b2c3d4-0000-4000-8000-00000000loc1";
    /** A second location, mapped to no org unit unless a test maps it. */
    public static final String OUTREACH = "a1b2c3d4-0000-4000-8000-00000000loc2";
    public static final String WEIGHT = "a1b2c3d4-0000-4000-8000-0000weight001";
    public static final String NOTE = "a1b2c3d4-0000-4000-8000-00000note0001";
    public static final String RESULT = "a1b2c3d4-0000-4000-8000-0000result001";
    public static final String POSITIVE = "a1b2c3d4-0000-4000-8000-000positive01";
    public static final String NEGATIVE = "a1b2c3d4-0000-4000-8000-000negative01";
    public static final String INDETERMINATE = "a1b2c3d4-0000-4000-8000-00000indet01";

    public static final String ORG_UNIT = "OuVerify001";
    public static final String PROGRAM = "PrgVerify01";
    public static final String STAGE = "StgVisit001";

    public final FakeDhis2 dhis2;
    public final TrackingDatabase db;
    public final InMemoryClinicalSource openmrs = new InMemoryClinicalSource();
    public final TrackerStore store;
    public final WithdrawalStore withdrawals;
    public final SyncRunner runner;
    public final SyncEngine engine;
    /** A client factory for this fake DHIS2, for runners a test builds itself. */
    public final java.util.function.Supplier<org.openmrs.module.dhis2sync.dhis2.Dhis2Client> clients;
    public final String mappingUuid = "a1b2c3d4-0000-4000-8000-000mapping001";
    private final AtomicLong clock;
    /** The zone of OpenMRS's wall-clock change dates and of the engine's markers. */
    public final java.time.ZoneId zone;
    private volatile MappingConfig mapping;
    private volatile RunSettings settings = new RunSettings(50, null);
    /** When set, the run dies right after DHIS2 accepted tracked entities, before their trackers are confirmed. */
    public volatile boolean crashWhenConfirming;
    /** When set, the run dies as it writes the first event tracker rows (before any event is sent). */
    public volatile boolean crashWhenSavingEvents;
    /** When set, the run dies when it saves enrollment trackers as confirmed (after DHIS2 accepted them). */
    public volatile boolean crashWhenConfirmingEnrollments;

    private SyncHarness(FakeDhis2.Version version, ApiChoice api, TestDatabase.Kind kind, java.time.ZoneId zone,
            java.time.Instant start) {
        this.zone = zone;
        this.clock = new AtomicLong(start.toEpochMilli());
        openmrs.setZone(zone);
        dhis2 = FakeDhis2.start(version);
        db = TrackingDatabase.create(kind);
        Dhis2Connection connection = Dhis2Connection.withPassword(dhis2.baseUrl(), "admin", "district").withApi(api)
                .withRetries(2, Duration.ofMillis(10));
        store = new TrackerStore(db.getTransactions(), db.instanceTrackerDao(), db.enrollmentTrackerDao(),
                db.eventTrackerDao(), db.markerDao(), db.failedRecordDao(), db.orgUnitMappingDao()) {
            @Override
            public void saveInstanceTrackers(java.util.Collection<org.openmrs.module.dhis2sync.tracking.InstanceTracker> trackers) {
                if (crashWhenConfirming && !trackers.isEmpty()
                        && trackers.stream().allMatch(org.openmrs.module.dhis2sync.tracking.InstanceTracker::isConfirmed)) {
                    throw new IllegalStateException("simulated crash between sending and confirming");
                }
                super.saveInstanceTrackers(trackers);
            }

            @Override
            public void saveEnrollmentTrackers(java.util.Collection<org.openmrs.module.dhis2sync.tracking.EnrollmentTracker> trackers) {
                if (crashWhenConfirmingEnrollments && !trackers.isEmpty()
                        && trackers.stream().allMatch(org.openmrs.module.dhis2sync.tracking.EnrollmentTracker::isConfirmed)) {
                    throw new IllegalStateException("simulated crash between sending and confirming enrollments");
                }
                super.saveEnrollmentTrackers(trackers);
            }

            /** A chunk's first confirmations (pending rows DHIS2 accepted) take this path, updates the two above. */
            @Override
            void markConfirmed(org.openmrs.module.dhis2sync.tracking.SyncCategory category,
                    java.util.Collection<? extends org.openmrs.module.dhis2sync.tracking.TrackerRow> trackers) {
                if (!trackers.isEmpty() && (crashWhenConfirming
                        && category == org.openmrs.module.dhis2sync.tracking.SyncCategory.INSTANCE
                        || crashWhenConfirmingEnrollments
                                && category == org.openmrs.module.dhis2sync.tracking.SyncCategory.ENROLLMENT)) {
                    throw new IllegalStateException("simulated crash between sending and confirming " + category);
                }
                super.markConfirmed(category, trackers);
            }

            @Override
            public void saveEventTrackers(java.util.Collection<org.openmrs.module.dhis2sync.tracking.EventTracker> trackers) {
                if (crashWhenSavingEvents && !trackers.isEmpty()) {
                    throw new IllegalStateException("simulated crash as the events are written");
                }
                super.saveEventTrackers(trackers);
            }
        };
        withdrawals = new WithdrawalStore(db.getTransactions(), db.instanceTrackerDao(), db.enrollmentTrackerDao(),
                db.eventTrackerDao(), db.pendingDeletionDao());
        engine = new SyncEngine(openmrs, store, withdrawals, this::now, () -> zone);
        clients = () -> Dhis2Clients.create(connection);
        runner = new SyncRunner(engine, db.getTransactions(), db.syncLogDao(), db.runLockDao(), clients,
                () -> settings, Runnable::run, this::now);
        mapping = mapping(true);
        openmrs.setNow(now());
        db.inTransaction(() -> {
            OrgUnitMapping clinic = new OrgUnitMapping();
            clinic.setLocationUuid(CLINIC);
            clinic.setOrgUnitUid(ORG_UNIT);
            db.orgUnitMappingDao().save(clinic);
            return null;
        });
    }

    /** Maps an OpenMRS location to a DHIS2 org unit (replacing its mapping), as the admin page's org unit table does. */
    public void mapLocation(String locationUuid, String orgUnitUid) {
        db.inTransaction(() -> {
            OrgUnitMapping mapping = db.orgUnitMappingDao().findByLocationUuid(locationUuid);
            if (mapping == null) {
                mapping = new OrgUnitMapping();
                mapping.setLocationUuid(locationUuid);
            }
            mapping.setOrgUnitUid(orgUnitUid);
            db.orgUnitMappingDao().save(mapping);
            return null;
        });
    }

    /** The clock at 2026-01-01 08:00 of the JVM's zone. */
    public static SyncHarness start(FakeDhis2.Version version, ApiChoice api) {
        return start(version, api, TestDatabase.Kind.H2);
    }

    public static SyncHarness start(FakeDhis2.Version version, ApiChoice api, TestDatabase.Kind kind) {
        java.time.ZoneId zone = java.time.ZoneId.systemDefault();
        return new SyncHarness(version, api, kind, zone, LocalDateTime.of(2026, 1, 1, 8, 0).atZone(zone).toInstant());
    }

    /** OpenMRS and the engine in that zone, the clock at that moment (e.g. just before a daylight-saving change). */
    public static SyncHarness startAt(FakeDhis2.Version version, ApiChoice api, TestDatabase.Kind kind,
            java.time.ZoneId zone, java.time.Instant start) {
        return new SyncHarness(version, api, kind, zone, start);
    }

    /** Sets the clock (and the moment OpenMRS stamps changes with). */
    public void setNow(java.time.Instant now) {
        clock.set(now.toEpochMilli());
        openmrs.setNow(now());
    }

    /** The test mapping: national id searchable, given name comparable, gender, and one stage fed by visits. */
    public static MappingConfig mapping(boolean openLatestCompletedEnrollment) {
        Map<String, String> genderCodes = new LinkedHashMap<>();
        genderCodes.put("M", "MALE");
        genderCodes.put("F", "FEMALE");
        Map<String, String> answers = new LinkedHashMap<>();
        answers.put(POSITIVE, "POSITIVE");
        answers.put(NEGATIVE, "NEGATIVE");
        return new MappingConfig("HTS Service", PROGRAM_UUID, PROGRAM, "TetPerson01",
                new InstanceMapping(List.of(
                        new AttributeMapping("identifier:" + NATIONAL_ID_TYPE, "TeaNatIdNo1", true, false),
                        new AttributeMapping("givenName", "TeaFirstNm1", false, true),
                        new AttributeMapping("familyName", "TeaLastNme1", false, false),
                        new AttributeMapping("gender", "TeaSexAttr1", false, false)), genderCodes),
                new EnrollmentMapping(openLatestCompletedEnrollment),
                List.of(new StageMapping(STAGE, EncounterFeed.encounterType(VISIT_TYPE), List.of(
                        new DataElementMapping(WEIGHT, "DeWeightKg1", Dhis2ValueType.NUMBER, null),
                        new DataElementMapping(NOTE, "DeNoteText1", Dhis2ValueType.TEXT, null),
                        new DataElementMapping(RESULT, "DeResultOs1", Dhis2ValueType.TEXT, answers)))));
    }

    public void setMapping(MappingConfig mapping) {
        this.mapping = mapping;
    }

    public void setSettings(RunSettings settings) {
        this.settings = settings;
    }

    public RunRequest request() {
        return new RunRequest(mappingUuid, mapping, "admin", "test run");
    }

    /** One run in this thread; an hour passes before it so its changes are behind the next run's markers. */
    public RunState sync() {
        tick(Duration.ofHours(1));
        return runner.runNow(request(), "test");
    }

    public RunTally preview() {
        return runner.preview(request());
    }

    public RunTally validate() {
        return runner.validate(request());
    }

    public RunSettings settings() {
        return settings;
    }

    public Date now() {
        return new Date(clock.get());
    }

    /** Moves the clock (and the moment OpenMRS stamps changes with) forward. */
    public void tick(Duration duration) {
        clock.addAndGet(duration.toMillis());
        openmrs.setNow(now());
    }

    // --- OpenMRS data

    public static PatientRecord patient(String uuid, String nationalId, String given, String gender) {
        Map<String, String> ids = new LinkedHashMap<>();
        if (nationalId != null) {
            ids.put(NATIONAL_ID_TYPE, nationalId);
        }
        return new PatientRecord(uuid, given, null, "Doe", gender, LocalDate.of(1990, 5, 4), false, ids, Map.of(),
                Map.of(), CLINIC);
    }

    public static EnrollmentRecord enrollment(String uuid, String patientUuid, String enrolled, String completed) {
        return new EnrollmentRecord(uuid, patientUuid, PROGRAM_UUID, LocalDate.parse(enrolled),
                completed == null ? null : LocalDate.parse(completed), CLINIC, false);
    }

    public static EncounterRecord visit(String uuid, String patientUuid, String date, ObsValue... obs) {
        return new EncounterRecord(uuid, patientUuid, VISIT_TYPE, LocalDate.parse(date).atTime(10, 0), CLINIC, null,
                List.of(obs));
    }

    public static ObsValue weight(String kg) {
        return new ObsValue(WEIGHT, "Weight", ObsValue.Type.NUMERIC, kg, null, null, List.of());
    }

    public static ObsValue note(String text) {
        return new ObsValue(NOTE, "Note", ObsValue.Type.TEXT, text, null, null, List.of());
    }

    public static ObsValue result(String answerUuid, String answerName) {
        return new ObsValue(RESULT, "HIV test result", ObsValue.Type.CODED, answerName, answerUuid, null, List.of());
    }

    @Override
    public void close() {
        dhis2.close();
        db.close();
    }
}
