package org.openmrs.module.dhis2sync.tracking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Date;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.openmrs.module.dhis2sync.dhis2.Uid;
import org.openmrs.module.dhis2sync.testsupport.TestDatabase;
import org.openmrs.module.dhis2sync.testsupport.TrackingDatabase;
import org.openmrs.module.dhis2sync.testsupport.TrackingDatabases;

class EnrollmentTrackerDaoTest {

    private static final TrackingDatabases DATABASES = new TrackingDatabases();

    @AfterAll
    static void dropDatabases() {
        DATABASES.close();
    }

    private static EnrollmentTracker tracker(String patientProgramUuid, String instanceUid, String status) {
        EnrollmentTracker tracker = new EnrollmentTracker();
        tracker.setPatientProgramUuid(patientProgramUuid);
        tracker.setInstanceUid(instanceUid);
        tracker.setEnrollmentUid(Uid.generate());
        tracker.setProgramUid("PrgVerify01");
        tracker.setStatus(status);
        tracker.setEnrollmentDate(Date.valueOf(LocalDate.of(2024, 3, 15)));
        return tracker;
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(TestDatabase.Kind.class)
    void roundTripsByEachKey(TestDatabase.Kind kind) {
        TrackingDatabase db = DATABASES.get(kind);
        EnrollmentTrackerDao dao = db.enrollmentTrackerDao();
        String instance = Uid.generate();
        String completed = UUID.randomUUID().toString();
        String active = UUID.randomUUID().toString();
        EnrollmentTracker first = db.inTransaction(() -> dao.save(tracker(completed, instance, "COMPLETED")));
        EnrollmentTracker second = db.inTransaction(() -> dao.save(tracker(active, instance, "ACTIVE")));

        Map<String, EnrollmentTracker> byUuid = db.inTransaction(
                () -> dao.findByPatientProgramUuids(Arrays.asList(completed, active, UUID.randomUUID().toString())));
        assertThat(byUuid).containsOnlyKeys(completed, active);
        assertThat(byUuid.get(completed).getStatus()).isEqualTo("COMPLETED");
        assertThat(byUuid.get(completed).getProgramUid()).isEqualTo("PrgVerify01");
        assertThat(new Date(byUuid.get(completed).getEnrollmentDate().getTime()).toLocalDate())
                .isEqualTo(LocalDate.of(2024, 3, 15));

        List<EnrollmentTracker> ofInstance = db.inTransaction(() -> dao.findByInstanceUid(instance));
        assertThat(ofInstance).extracting(EnrollmentTracker::getPatientProgramUuid).containsExactly(completed, active);
        assertThat(db.inTransaction(() -> dao.findByInstanceUid(Uid.generate()))).isEmpty();
        String other = Uid.generate();
        db.inTransaction(() -> dao.save(tracker(UUID.randomUUID().toString(), other, "ACTIVE")));
        assertThat(db.inTransaction(() -> dao.findByInstanceUids(Arrays.asList(instance, other, Uid.generate()))))
                .extracting(EnrollmentTracker::getInstanceUid).containsExactly(instance, instance, other);

        assertThat(db.inTransaction(() -> dao.findByEnrollmentUid(second.getEnrollmentUid())).getPatientProgramUuid())
                .isEqualTo(active);
        assertThat(db.inTransaction(() -> dao.findByEnrollmentUid(Uid.generate()))).isNull();
        assertThat(first.getId()).isLessThan(second.getId());
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(TestDatabase.Kind.class)
    void updatesStatusAndConfirmation(TestDatabase.Kind kind) {
        TrackingDatabase db = DATABASES.get(kind);
        EnrollmentTrackerDao dao = db.enrollmentTrackerDao();
        String uuid = UUID.randomUUID().toString();
        db.inTransaction(() -> dao.save(tracker(uuid, Uid.generate(), "ACTIVE")));

        db.inTransaction(() -> {
            EnrollmentTracker loaded = dao.findByPatientProgramUuids(Arrays.asList(uuid)).get(uuid);
            loaded.setStatus("COMPLETED");
            loaded.setConfirmed(true);
            return dao.save(loaded);
        });

        EnrollmentTracker reloaded = db.inTransaction(() -> dao.findByPatientProgramUuids(Arrays.asList(uuid)).get(uuid));
        assertThat(reloaded.getStatus()).isEqualTo("COMPLETED");
        assertThat(reloaded.isConfirmed()).isTrue();
        assertThat(reloaded.getDateChanged()).isNotNull();
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(TestDatabase.Kind.class)
    void aSecondTrackerForThePatientProgramIsADuplicate(TestDatabase.Kind kind) {
        TrackingDatabase db = DATABASES.get(kind);
        EnrollmentTrackerDao dao = db.enrollmentTrackerDao();
        String uuid = UUID.randomUUID().toString();
        db.inTransaction(() -> dao.save(tracker(uuid, Uid.generate(), "ACTIVE")));

        assertThatThrownBy(() -> db.inTransaction(() -> dao.save(tracker(uuid, Uid.generate(), "ACTIVE"))))
                .isInstanceOf(DuplicateRecordException.class)
                .hasMessage("dhis2sync_enrollment_tracker already has a row with patient_program_uuid=" + uuid)
                .satisfies(e -> assertThat(((DuplicateRecordException) e).getTable())
                        .isEqualTo("dhis2sync_enrollment_tracker"));
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(TestDatabase.Kind.class)
    void refusesAMissingStatusByName(TestDatabase.Kind kind) {
        TrackingDatabase db = DATABASES.get(kind);
        EnrollmentTracker noStatus = tracker(UUID.randomUUID().toString(), Uid.generate(), null);

        assertThatThrownBy(() -> db.inTransaction(() -> db.enrollmentTrackerDao().save(noStatus)))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("status is required");
    }
}
