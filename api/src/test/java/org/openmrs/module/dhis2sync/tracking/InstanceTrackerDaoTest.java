package org.openmrs.module.dhis2sync.tracking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
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

class InstanceTrackerDaoTest {

    private static final TrackingDatabases DATABASES = new TrackingDatabases();

    @AfterAll
    static void dropDatabases() {
        DATABASES.close();
    }

    private static InstanceTracker tracker(String patientUuid, String instanceUid) {
        InstanceTracker tracker = new InstanceTracker();
        tracker.setPatientUuid(patientUuid);
        tracker.setInstanceUid(instanceUid);
        return tracker;
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(TestDatabase.Kind.class)
    void savesAndFindsByPatientUuidsAndInstanceUid(TestDatabase.Kind kind) {
        TrackingDatabase db = DATABASES.get(kind);
        InstanceTrackerDao dao = db.instanceTrackerDao();
        String patient = UUID.randomUUID().toString();
        String uid = Uid.generate();

        InstanceTracker saved = db.inTransaction(() -> dao.save(tracker(patient, uid)));
        assertThat(saved.getId()).isNotNull();
        assertThat(saved.getDateCreated()).isNotNull();
        assertThat(saved.isConfirmed()).isFalse();

        Map<String, InstanceTracker> found = db.inTransaction(() -> dao.findByPatientUuids(
                Arrays.asList(patient, UUID.randomUUID().toString(), patient)));
        assertThat(found).containsOnlyKeys(patient);
        assertThat(found.get(patient).getInstanceUid()).isEqualTo(uid);
        assertThat(found.get(patient).getDateChanged()).isNull();

        InstanceTracker byUid = db.inTransaction(() -> dao.findByInstanceUid(uid));
        assertThat(byUid.getPatientUuid()).isEqualTo(patient);
        assertThat(db.inTransaction(() -> dao.findByInstanceUid(Uid.generate()))).isNull();
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(TestDatabase.Kind.class)
    void updatesAnExistingTrackerAndStampsDateChanged(TestDatabase.Kind kind) {
        TrackingDatabase db = DATABASES.get(kind);
        InstanceTrackerDao dao = db.instanceTrackerDao();
        String patient = UUID.randomUUID().toString();
        InstanceTracker saved = db.inTransaction(() -> dao.save(tracker(patient, Uid.generate())));

        db.inTransaction(() -> {
            InstanceTracker loaded = dao.findByPatientUuids(Arrays.asList(patient)).get(patient);
            loaded.setConfirmed(true);
            return dao.save(loaded);
        });

        InstanceTracker reloaded = db.inTransaction(() -> dao.findByInstanceUid(saved.getInstanceUid()));
        assertThat(reloaded.isConfirmed()).isTrue();
        assertThat(reloaded.getDateChanged()).isNotNull();
        assertThat(reloaded.getId()).isEqualTo(saved.getId());
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(TestDatabase.Kind.class)
    void aSecondTrackerForThePatientIsADuplicateNamingTableAndKey(TestDatabase.Kind kind) {
        TrackingDatabase db = DATABASES.get(kind);
        InstanceTrackerDao dao = db.instanceTrackerDao();
        String patient = UUID.randomUUID().toString();
        db.inTransaction(() -> dao.save(tracker(patient, Uid.generate())));

        assertThatThrownBy(() -> db.inTransaction(() -> dao.save(tracker(patient, Uid.generate()))))
                .isInstanceOf(DuplicateRecordException.class)
                .hasMessage("dhis2sync_instance_tracker already has a row with patient_uuid=" + patient);
        assertThat(db.inTransaction(() -> dao.findByPatientUuids(Arrays.asList(patient)))).hasSize(1);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(TestDatabase.Kind.class)
    void findsMoreUuidsThanOneInList(TestDatabase.Kind kind) {
        TrackingDatabase db = DATABASES.get(kind);
        InstanceTrackerDao dao = db.instanceTrackerDao();
        List<String> patients = new ArrayList<>();
        db.inTransaction(() -> {
            for (int i = 0; i < HibernateDao.IN_LIST_CHUNK + 3; i++) {
                String patient = UUID.randomUUID().toString();
                patients.add(patient);
                dao.save(tracker(patient, Uid.generate()));
            }
            return null;
        });

        assertThat(db.inTransaction(() -> dao.findByPatientUuids(patients))).hasSize(patients.size());
        assertThat(db.inTransaction(() -> dao.findByPatientUuids(new ArrayList<>()))).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(TestDatabase.Kind.class)
    void refusesMissingOrOverlongFieldsByName(TestDatabase.Kind kind) {
        TrackingDatabase db = DATABASES.get(kind);
        InstanceTrackerDao dao = db.instanceTrackerDao();

        assertThatThrownBy(() -> db.inTransaction(() -> dao.save(tracker(null, Uid.generate()))))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("patientUuid is required");
        assertThatThrownBy(() -> db.getTransactions().execute(
                tx -> dao.save(tracker(UUID.randomUUID().toString(), "TooLongUid123"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("instanceUid must be at most 11 characters, was 13");
    }
}
