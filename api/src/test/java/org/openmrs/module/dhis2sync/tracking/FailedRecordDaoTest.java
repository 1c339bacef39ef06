package org.openmrs.module.dhis2sync.tracking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Date;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.openmrs.module.dhis2sync.testsupport.TestDatabase;
import org.openmrs.module.dhis2sync.testsupport.TrackingDatabase;
import org.openmrs.module.dhis2sync.testsupport.TrackingDatabases;

class FailedRecordDaoTest {

    private static final TrackingDatabases DATABASES = new TrackingDatabases();

    @AfterAll
    static void dropDatabases() {
        DATABASES.close();
    }

    private static FailedRecord failure(String mappingUuid, SyncCategory category, String openmrsUuid, Date when) {
        FailedRecord record = new FailedRecord();
        record.setMappingUuid(mappingUuid);
        record.setCategory(category);
        record.setOpenmrsUuid(openmrsUuid);
        record.setErrorCode("E1064");
        record.setMessage("Non-unique attribute value `123` for attribute `NationalId1`");
        record.setAttempts(1);
        record.setFirstFailure(when);
        record.setLastFailure(when);
        return record;
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(TestDatabase.Kind.class)
    void recordsARetriedFailureAndDeletesItOnceSent(TestDatabase.Kind kind) {
        TrackingDatabase db = DATABASES.get(kind);
        FailedRecordDao dao = db.failedRecordDao();
        String mapping = UUID.randomUUID().toString();
        String patient = UUID.randomUUID().toString();
        FailedRecord saved = db.inTransaction(
                () -> dao.save(failure(mapping, SyncCategory.INSTANCE, patient, new Date(1_700_000_000_000L))));

        db.inTransaction(() -> {
            FailedRecord again = dao.find(mapping, SyncCategory.INSTANCE, patient);
            again.setAttempts(again.getAttempts() + 1);
            again.setLastFailure(new Date(1_700_000_600_000L));
            again.setDhis2Uid("TeiUid00001");
            return dao.save(again);
        });

        FailedRecord found = db.inTransaction(() -> dao.find(saved.getId()));
        assertThat(found.getAttempts()).isEqualTo(2);
        assertThat(found.getDhis2Uid()).isEqualTo("TeiUid00001");
        assertThat(found.getErrorCode()).isEqualTo("E1064");
        assertThat(found.getMessage()).contains("Non-unique attribute value");
        assertThat(found.getFirstFailure()).hasSameTimeAs(new Date(1_700_000_000_000L));
        assertThat(found.getLastFailure()).hasSameTimeAs(new Date(1_700_000_600_000L));
        assertThat(db.inTransaction(() -> dao.find(mapping, SyncCategory.ENROLLMENT, patient))).isNull();

        db.inTransaction(() -> {
            dao.delete(dao.find(saved.getId()));
            return null;
        });
        assertThat(db.inTransaction(() -> dao.find(mapping, SyncCategory.INSTANCE, patient))).isNull();
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(TestDatabase.Kind.class)
    void findsTheFailuresAmongManyRecordsInOneCategoryOfOneMapping(TestDatabase.Kind kind) {
        TrackingDatabase db = DATABASES.get(kind);
        FailedRecordDao dao = db.failedRecordDao();
        String mapping = UUID.randomUUID().toString();
        String failed = UUID.randomUUID().toString();
        String otherCategory = UUID.randomUUID().toString();
        String fine = UUID.randomUUID().toString();
        Date when = new Date(1_700_000_000_000L);
        db.inTransaction(() -> {
            dao.save(failure(mapping, SyncCategory.EVENT, failed, when));
            dao.save(failure(mapping, SyncCategory.ENROLLMENT, otherCategory, when));
            dao.save(failure(UUID.randomUUID().toString(), SyncCategory.EVENT, fine, when));
            return null;
        });

        List<FailedRecord> found = db.inTransaction(
                () -> dao.findByOpenmrsUuids(mapping, SyncCategory.EVENT, List.of(failed, otherCategory, fine)));

        assertThat(found).extracting(FailedRecord::getOpenmrsUuid).containsExactly(failed);
        assertThatThrownBy(() -> db.inTransaction(() -> dao.findByOpenmrsUuids(mapping, SyncCategory.EVENT, null)))
                .hasMessageContaining("openmrsUuids");
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(TestDatabase.Kind.class)
    void listsByMappingCategoryAndPage(TestDatabase.Kind kind) {
        TrackingDatabase db = DATABASES.get(kind);
        FailedRecordDao dao = db.failedRecordDao();
        String mapping = UUID.randomUUID().toString();
        long before = db.inTransaction(dao::count);
        // far in the future so these are the most recent failures in the shared database
        long t = 4_000_000_000_000L;
        db.inTransaction(() -> {
            dao.save(failure(mapping, SyncCategory.EVENT, "enc-1", new Date(t + 3000)));
            dao.save(failure(mapping, SyncCategory.INSTANCE, "patient-1", new Date(t + 1000)));
            dao.save(failure(mapping, SyncCategory.EVENT, "enc-2", new Date(t + 2000)));
            dao.save(failure(UUID.randomUUID().toString(), SyncCategory.EVENT, "enc-1", new Date(t)));
            return null;
        });

        assertThat(db.inTransaction(() -> dao.findByMapping(mapping)))
                .extracting(FailedRecord::getOpenmrsUuid).containsExactly("patient-1", "enc-2", "enc-1");
        assertThat(db.inTransaction(() -> dao.findByMappingAndCategory(mapping, SyncCategory.EVENT)))
                .extracting(FailedRecord::getOpenmrsUuid).containsExactly("enc-2", "enc-1");
        assertThat(db.inTransaction(dao::count)).isEqualTo(before + 4);
        List<FailedRecord> newest = db.inTransaction(() -> dao.findAll(0, 2));
        assertThat(newest).extracting(FailedRecord::getOpenmrsUuid).containsExactly("enc-1", "enc-2");
        assertThat(db.inTransaction(() -> dao.findAll(1, 1))).extracting(FailedRecord::getOpenmrsUuid)
                .containsExactly("enc-2");
        assertThatThrownBy(() -> db.inTransaction(() -> dao.findAll(0, 0)))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("maxResults must be 1 or more, was 0");
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(TestDatabase.Kind.class)
    void aRecordFailsOncePerMappingCategoryAndStage(TestDatabase.Kind kind) {
        TrackingDatabase db = DATABASES.get(kind);
        FailedRecordDao dao = db.failedRecordDao();
        String mapping = UUID.randomUUID().toString();
        String encounter = UUID.randomUUID().toString();
        db.inTransaction(() -> dao.save(stage(failure(mapping, SyncCategory.EVENT, encounter, new Date()), "StgVisit001")));
        // the same encounter's event in another stage fails on its own
        db.inTransaction(() -> dao.save(stage(failure(mapping, SyncCategory.EVENT, encounter, new Date()), "StgLab00001")));

        assertThatThrownBy(() -> db.inTransaction(
                () -> dao.save(stage(failure(mapping, SyncCategory.EVENT, encounter, new Date()), "StgVisit001"))))
                .isInstanceOf(DuplicateRecordException.class)
                .hasMessage("dhis2sync_failed_record already has a row with mapping_uuid=" + mapping
                        + ", category=EVENT, openmrs_uuid=" + encounter + ", program_stage_uid=StgVisit001");
        assertThat(db.inTransaction(() -> dao.find(mapping, FailureKey.event(encounter, "StgLab00001")).getProgramStageUid()))
                .isEqualTo("StgLab00001");
        assertThat(db.inTransaction(() -> dao.findByOpenmrsUuids(mapping, SyncCategory.EVENT, List.of(encounter))))
                .extracting(FailedRecord::key)
                .containsExactlyInAnyOrder(FailureKey.event(encounter, "StgVisit001"), FailureKey.event(encounter, "StgLab00001"));
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(TestDatabase.Kind.class)
    void aPatientFailsOncePerMappingAndCategory(TestDatabase.Kind kind) {
        TrackingDatabase db = DATABASES.get(kind);
        FailedRecordDao dao = db.failedRecordDao();
        String mapping = UUID.randomUUID().toString();
        String patient = UUID.randomUUID().toString();
        db.inTransaction(() -> dao.save(failure(mapping, SyncCategory.INSTANCE, patient, new Date())));

        assertThatThrownBy(() -> db.inTransaction(
                () -> dao.save(failure(mapping, SyncCategory.INSTANCE, patient, new Date()))))
                .isInstanceOf(DuplicateRecordException.class)
                .hasMessage("dhis2sync_failed_record already has a row with mapping_uuid=" + mapping
                        + ", category=INSTANCE, openmrs_uuid=" + patient);
        assertThat(db.inTransaction(() -> dao.find(mapping, SyncCategory.INSTANCE, patient).getProgramStageUid()))
                .isNull();
    }

    private static FailedRecord stage(FailedRecord record, String stageUid) {
        record.setProgramStageUid(stageUid);
        return record;
    }
}
