package org.openmrs.module.dhis2sync.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.openmrs.module.dhis2sync.dhis2.fake.FakeDhis2;
import org.openmrs.module.dhis2sync.dhis2.fake.FakeEnrollment;
import org.openmrs.module.dhis2sync.dhis2.fake.FakeEvent;
import org.openmrs.module.dhis2sync.dhis2.fake.FakeTrackedEntity;
import org.openmrs.module.dhis2sync.testsupport.TrackingDatabase;
import org.openmrs.module.dhis2sync.tracking.EnrollmentTracker;
import org.openmrs.module.dhis2sync.tracking.EventTracker;
import org.openmrs.module.dhis2sync.tracking.InstanceTracker;

/** What every drill asserts at its end: each record in DHIS2 exactly once, and the module's trackers pointing at it. */
final class DrillChecks {

    private DrillChecks() {
    }

    /**
     * Every patient 1..{@code patients} is exactly one tracked entity (by national id) with exactly one enrollment,
     * every encounter exactly one event (by the encounter uuid data element), nothing else is there, and the
     * confirmed tracker rows hold those UIDs.
     */
    static void assertExactlyOnce(FakeDhis2 dhis2, TrackingDatabase db, int patients) {
        Dhis2Census census = Dhis2Census.of(dhis2);
        assertThat(census.exactlyOnce(patients)).as("DHIS2 holds each record exactly once: %s", census).isTrue();

        Map<String, String> entityByNationalId = new HashMap<>();
        for (FakeTrackedEntity te : dhis2.trackedEntities()) {
            entityByNationalId.put(te.attributes().get(BenchMapping.NATIONAL_ID_ATTRIBUTE), te.uid());
        }
        Map<String, String> enrollmentByEntity = new HashMap<>();
        for (FakeEnrollment en : dhis2.enrollments()) {
            enrollmentByEntity.put(en.trackedEntity(), en.uid());
        }
        Map<String, String> eventByEncounter = new HashMap<>();
        for (FakeEvent ev : dhis2.events()) {
            eventByEncounter.put(ev.dataValues().get(BenchMapping.ENCOUNTER_UUID_ELEMENT), ev.uid());
        }

        List<String> patientUuids = new ArrayList<>();
        List<String> enrollmentUuids = new ArrayList<>();
        List<String> encounterUuids = new ArrayList<>();
        for (int id = 1; id <= patients; id++) {
            patientUuids.add(SyntheticClinicalSource.patientUuid(id));
            enrollmentUuids.add(SyntheticClinicalSource.enrollmentUuid(id));
            for (int k = 1; k <= SyntheticClinicalSource.ENCOUNTERS_PER_PATIENT; k++) {
                encounterUuids.add(SyntheticClinicalSource.encounterUuid(
                        (id - 1) * SyntheticClinicalSource.ENCOUNTERS_PER_PATIENT + k));
            }
        }
        Map<String, InstanceTracker> instances = db.inTransaction(
                () -> db.instanceTrackerDao().findByPatientUuids(patientUuids));
        Map<String, EnrollmentTracker> enrollments = db.inTransaction(
                () -> db.enrollmentTrackerDao().findByPatientProgramUuids(enrollmentUuids));
        Map<String, EventTracker> events = new HashMap<>();
        for (EventTracker tracker : db.inTransaction(() -> db.eventTrackerDao().findByEncounterUuids(encounterUuids))) {
            assertThat(events.put(tracker.getEncounterUuid(), tracker)).as("one event tracker per encounter").isNull();
        }

        for (int id = 1; id <= patients; id++) {
            InstanceTracker instance = instances.get(SyntheticClinicalSource.patientUuid(id));
            String entity = entityByNationalId.get(SyntheticClinicalSource.nationalId(id));
            assertThat(instance).as("instance tracker of patient %d", id).isNotNull();
            assertThat(instance.isConfirmed()).as("patient %d confirmed", id).isTrue();
            assertThat(instance.getInstanceUid()).as("patient %d's tracked entity", id).isEqualTo(entity);

            EnrollmentTracker enrollment = enrollments.get(SyntheticClinicalSource.enrollmentUuid(id));
            assertThat(enrollment).as("enrollment tracker of patient %d", id).isNotNull();
            assertThat(enrollment.isConfirmed()).as("enrollment %d confirmed", id).isTrue();
            assertThat(enrollment.getEnrollmentUid()).as("enrollment of patient %d", id)
                    .isEqualTo(enrollmentByEntity.get(entity));
        }
        for (String encounter : encounterUuids) {
            EventTracker event = events.get(encounter);
            assertThat(event).as("event tracker of encounter %s", encounter).isNotNull();
            assertThat(event.isConfirmed()).as("event of encounter %s confirmed", encounter).isTrue();
            assertThat(event.getEventUid()).as("event of encounter %s", encounter).isEqualTo(eventByEncounter.get(encounter));
        }
    }
}
