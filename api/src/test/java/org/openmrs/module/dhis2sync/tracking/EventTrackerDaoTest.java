package org.openmrs.module.dhis2sync.tracking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.openmrs.module.dhis2sync.dhis2.Uid;
import org.openmrs.module.dhis2sync.testsupport.TestDatabase;
import org.openmrs.module.dhis2sync.testsupport.TrackingDatabase;
import org.openmrs.module.dhis2sync.testsupport.TrackingDatabases;

class EventTrackerDaoTest {

    private static final TrackingDatabases DATABASES = new TrackingDatabases();

    @AfterAll
    static void dropDatabases() {
        DATABASES.close();
    }

    static EventTracker tracker(String encounterUuid, String stageUid) {
        EventTracker tracker = new EventTracker();
        tracker.setEncounterUuid(encounterUuid);
        tracker.setProgramStageUid(stageUid);
        tracker.setInstanceUid(Uid.generate());
        tracker.setEnrollmentUid(Uid.generate());
        tracker.setEventUid(Uid.generate());
        tracker.setProgramUid("PrgVerify01");
        return tracker;
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(TestDatabase.Kind.class)
    void oneEncounterFeedsSeveralStages(TestDatabase.Kind kind) {
        TrackingDatabase db = DATABASES.get(kind);
        EventTrackerDao dao = db.eventTrackerDao();
        String encounter = UUID.randomUUID().toString();
        EventTracker intake = db.inTransaction(() -> dao.save(tracker(encounter, "StageIntake")));
        EventTracker lab = db.inTransaction(() -> dao.save(tracker(encounter, "StageLab001")));
        String other = UUID.randomUUID().toString();
        db.inTransaction(() -> dao.save(tracker(other, "StageIntake")));

        assertThat(db.inTransaction(() -> dao.findByEncounterUuids(Arrays.asList(encounter))))
                .extracting(EventTracker::getEventUid).containsExactly(intake.getEventUid(), lab.getEventUid());
        assertThat(db.inTransaction(() -> dao.findByEncounterUuids(Arrays.asList(encounter, other)))).hasSize(3);
        EventTracker found = db.inTransaction(() -> dao.find(encounter, "StageLab001"));
        assertThat(found.getEventUid()).isEqualTo(lab.getEventUid());
        assertThat(found.getEnrollmentUid()).isEqualTo(lab.getEnrollmentUid());
        assertThat(found.getDateCreated()).isNotNull();
        assertThat(db.inTransaction(() -> dao.find(encounter, "StageOther1"))).isNull();
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(TestDatabase.Kind.class)
    void theSameEncounterAndStageTwiceIsADuplicate(TestDatabase.Kind kind) {
        TrackingDatabase db = DATABASES.get(kind);
        EventTrackerDao dao = db.eventTrackerDao();
        String encounter = UUID.randomUUID().toString();
        db.inTransaction(() -> dao.save(tracker(encounter, "StageIntake")));

        assertThatThrownBy(() -> db.inTransaction(() -> dao.save(tracker(encounter, "StageIntake"))))
                .isInstanceOf(DuplicateRecordException.class)
                .hasMessage("dhis2sync_event_tracker already has a row with encounter_uuid=" + encounter
                        + ", program_stage_uid=StageIntake");
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(TestDatabase.Kind.class)
    void confirmsAnEvent(TestDatabase.Kind kind) {
        TrackingDatabase db = DATABASES.get(kind);
        EventTrackerDao dao = db.eventTrackerDao();
        String encounter = UUID.randomUUID().toString();
        db.inTransaction(() -> dao.save(tracker(encounter, "StageIntake")));

        db.inTransaction(() -> {
            EventTracker loaded = dao.find(encounter, "StageIntake");
            loaded.setConfirmed(true);
            return dao.save(loaded);
        });

        EventTracker reloaded = db.inTransaction(() -> dao.find(encounter, "StageIntake"));
        assertThat(reloaded.isConfirmed()).isTrue();
        assertThat(reloaded.getDateChanged()).isNotNull();
    }
}
