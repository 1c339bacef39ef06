package org.openmrs.module.dhis2sync.tracking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import org.hibernate.persister.entity.AbstractEntityPersister;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.openmrs.module.dhis2sync.dhis2.Uid;
import org.openmrs.module.dhis2sync.testsupport.CountingDataSource;
import org.openmrs.module.dhis2sync.testsupport.TestDatabase;
import org.openmrs.module.dhis2sync.testsupport.TrackingDatabase;

/**
 * A chunk of tracker rows is written in a few statements (multi-row inserts, the ids read back, one update marking
 * them confirmed), on H2 and MariaDB, and what lands is exactly what Hibernate would have written and reads back.
 */
class TrackerTableTest {

    private static final java.util.Map<TestDatabase.Kind, TrackingDatabase> DATABASES =
            new java.util.EnumMap<>(TestDatabase.Kind.class);
    private static final java.util.Map<TestDatabase.Kind, CountingDataSource> COUNTERS =
            new java.util.EnumMap<>(TestDatabase.Kind.class);

    @BeforeAll
    static void noDatabasesYet() {
        DATABASES.clear();
    }

    @AfterAll
    static void dropDatabases() {
        DATABASES.values().forEach(TrackingDatabase::close);
    }

    private static synchronized TrackingDatabase db(TestDatabase.Kind kind) {
        return DATABASES.computeIfAbsent(kind, k -> {
            TestDatabase database = TestDatabase.create(k);
            CountingDataSource counter = new CountingDataSource(database.getDataSource());
            COUNTERS.put(k, counter);
            return TrackingDatabase.create(database.through(counter.dataSource()));
        });
    }

    static Stream<Arguments> tables() {
        return Stream.of(Arguments.of(InstanceTracker.class, InstanceTrackerDao.ROWS),
                Arguments.of(EnrollmentTracker.class, EnrollmentTrackerDao.ROWS),
                Arguments.of(EventTracker.class, EventTrackerDao.ROWS));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("tables")
    void everyColumnTheEntityMapsIsWritten(Class<?> entity, TrackerTable<?> rows) {
        AbstractEntityPersister persister = (AbstractEntityPersister) db(TestDatabase.Kind.H2).getSessionFactory()
                .unwrap(org.hibernate.engine.spi.SessionFactoryImplementor.class).getMetamodel()
                .entityPersister(entity);
        Set<String> mapped = new HashSet<>();
        for (String property : persister.getPropertyNames()) {
            for (String column : persister.getPropertyColumnNames(property)) {
                mapped.add(column.replace("`", "").replace("\"", ""));
            }
        }
        assertThat(persister.getTableName().replace("`", "").replace("\"", "")).isEqualTo(rows.name());
        assertThat(new HashSet<>(rows.columnNames())).isEqualTo(mapped);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(TestDatabase.Kind.class)
    void aChunkOfNewRowsTakesAFewStatementsAndReadsBackAsWritten(TestDatabase.Kind kind) {
        TrackingDatabase db = db(kind);
        EventTrackerDao dao = db.eventTrackerDao();
        EventTracker existing = db.inTransaction(
                () -> dao.save(EventTrackerDaoTest.tracker(UUID.randomUUID().toString(), "StageIntake")));
        existing.setEventUid(Uid.generate());
        List<EventTracker> chunk = new ArrayList<>();
        chunk.add(existing);
        for (int i = 0; i < 300; i++) {
            String encounter = UUID.randomUUID().toString();
            chunk.add(EventTrackerDaoTest.tracker(encounter, "StageIntake"));
            chunk.add(EventTrackerDaoTest.tracker(encounter, "StageLab001"));
        }
        chunk.add(chunk.get(5)); // the same row twice is written once

        COUNTERS.get(kind).reset();
        db.inTransaction(() -> {
            dao.saveAll(chunk);
            return null;
        });
        // 600 new rows: 3 inserts of 250, 250, 100 rows; ids read back in 2 queries of up to 500 keys; 1 update
        assertThat(COUNTERS.get(kind).statements()).isLessThanOrEqualTo(8);

        List<String> encounters = new ArrayList<>();
        for (EventTracker row : chunk) {
            assertThat(row.getId()).isNotNull();
            encounters.add(row.getEncounterUuid());
        }
        List<EventTracker> stored = db.inTransaction(() -> dao.findByEncounterUuids(encounters));
        assertThat(stored).hasSize(601);
        java.util.Map<Long, EventTracker> byId = new java.util.HashMap<>();
        chunk.forEach(row -> byId.put(row.getId(), row));
        for (EventTracker row : stored) {
            EventTracker written = byId.get(row.getId());
            assertThat(written).as("row %s", row.getId()).isNotNull();
            assertThat(Arrays.asList(row.getEncounterUuid(), row.getProgramStageUid(), row.getInstanceUid(),
                    row.getEnrollmentUid(), row.getEventUid(), row.getProgramUid(), row.isConfirmed()))
                    .isEqualTo(Arrays.asList(written.getEncounterUuid(), written.getProgramStageUid(),
                            written.getInstanceUid(), written.getEnrollmentUid(), written.getEventUid(),
                            written.getProgramUid(), written.isConfirmed()));
            assertThat(row.getDateCreated()).isCloseTo(written.getDateCreated(), 1000);
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(TestDatabase.Kind.class)
    void everyColumnOfAnEnrollmentRowIsWrittenAndMarkedConfirmedInOneStatement(TestDatabase.Kind kind) {
        TrackingDatabase db = db(kind);
        EnrollmentTrackerDao dao = db.enrollmentTrackerDao();
        List<EnrollmentTracker> chunk = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            EnrollmentTracker row = new EnrollmentTracker();
            row.setPatientProgramUuid(UUID.randomUUID().toString());
            row.setInstanceUid(Uid.generate());
            row.setEnrollmentUid(Uid.generate());
            row.setProgramUid("PrgVerify01");
            row.setStatus(i % 2 == 0 ? "ACTIVE" : "COMPLETED");
            row.setEnrollmentDate(i % 3 == 0 ? null : java.sql.Date.valueOf("2026-0" + (1 + i % 9) + "-15"));
            chunk.add(row);
        }
        db.inTransaction(() -> {
            dao.saveAll(chunk);
            return null;
        });
        COUNTERS.get(kind).reset();
        db.inTransaction(() -> {
            dao.markConfirmed(chunk);
            return null;
        });
        assertThat(COUNTERS.get(kind).statements()).isEqualTo(1);

        for (EnrollmentTracker row : chunk) {
            EnrollmentTracker stored = db.inTransaction(
                    () -> dao.findByPatientProgramUuids(List.of(row.getPatientProgramUuid())))
                    .get(row.getPatientProgramUuid());
            assertThat(stored.getId()).isEqualTo(row.getId());
            assertThat(stored.isConfirmed()).isTrue();
            assertThat(row.isConfirmed()).isTrue();
            assertThat(stored.getDateChanged()).isNotNull();
            assertThat(Arrays.asList(stored.getInstanceUid(), stored.getEnrollmentUid(), stored.getProgramUid(),
                    stored.getStatus())).isEqualTo(Arrays.asList(row.getInstanceUid(), row.getEnrollmentUid(),
                            row.getProgramUid(), row.getStatus()));
            if (row.getEnrollmentDate() == null) {
                assertThat(stored.getEnrollmentDate()).isNull();
            } else {
                assertThat(new java.sql.Date(stored.getEnrollmentDate().getTime()).toString())
                        .isEqualTo(row.getEnrollmentDate().toString());
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(TestDatabase.Kind.class)
    void aClashInAChunkIsADuplicateNamingTheChunksKeysAndWritesNothing(TestDatabase.Kind kind) {
        TrackingDatabase db = db(kind);
        InstanceTrackerDao dao = db.instanceTrackerDao();
        String taken = UUID.randomUUID().toString();
        db.inTransaction(() -> dao.save(instance(taken)));
        String fresh = UUID.randomUUID().toString();

        assertThatThrownBy(() -> db.inTransaction(() -> {
            dao.saveAll(List.of(instance(fresh), instance(taken)));
            return null;
        })).isInstanceOf(DuplicateRecordException.class)
                .hasMessageContaining("dhis2sync_instance_tracker already has a row with one of patient_uuid="
                        + fresh + "; patient_uuid=" + taken);
        assertThat(db.inTransaction(() -> dao.findByPatientUuids(List.of(fresh)))).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(TestDatabase.Kind.class)
    void aRowNeverWrittenCannotBeMarkedConfirmed(TestDatabase.Kind kind) {
        TrackingDatabase db = db(kind);
        assertThatThrownBy(() -> db.inTransaction(() -> {
            db.instanceTrackerDao().markConfirmed(List.of(instance(UUID.randomUUID().toString())));
            return null;
        })).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("never written");
    }

    private static InstanceTracker instance(String patientUuid) {
        InstanceTracker row = new InstanceTracker();
        row.setPatientUuid(patientUuid);
        row.setInstanceUid(Uid.generate());
        row.setCreatedByModule(true);
        row.setDateCreated(new Date());
        return row;
    }
}
