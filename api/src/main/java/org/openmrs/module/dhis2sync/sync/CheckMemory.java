package org.openmrs.module.dhis2sync.sync;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.openmrs.module.dhis2sync.dhis2.Enrollment;
import org.openmrs.module.dhis2sync.dhis2.Event;
import org.openmrs.module.dhis2sync.dhis2.TrackedEntity;
import org.openmrs.module.dhis2sync.tracking.EnrollmentTracker;
import org.openmrs.module.dhis2sync.tracking.EventTracker;
import org.openmrs.module.dhis2sync.tracking.InstanceTracker;
import org.openmrs.module.dhis2sync.tracking.SyncCategory;

/**
 * What a check of the pending records has found DHIS2 would accept so far, in memory only: the UID each patient and
 * enrollment would be sent under, the events judged (so that, as in a sync, an event is checked once) (so that the enrollments and events that follow find them, as they find the trackers
 * a sync stores), and the payloads of those DHIS2 does not hold yet, sent again as the parents of their enrollments
 * and events so that DHIS2 validates them together. About a kilobyte per new patient and 200 bytes per new enrollment
 * while the check runs; forgotten when it ends.
 */
final class CheckMemory {

    private final Map<String, InstanceTracker> patients = new HashMap<>();
    private final Map<String, EnrollmentTracker> enrollments = new HashMap<>();
    private final Map<String, TrackedEntity> newEntities = new HashMap<>();
    private final Map<String, Enrollment> newEnrollments = new HashMap<>();
    private final Map<String, List<EventTracker>> events = new HashMap<>();

    /**
     * DHIS2 judged this record: an event is then tracked as a sync would track it (so it is not checked twice); a
     * patient or enrollment it accepted may be referred to by later records.
     */
    void judged(SyncCategory category, String openmrsUuid, String uid, boolean isNew, Object payload,
            boolean accepted) {
        if (category == SyncCategory.EVENT) {
            Event event = (Event) payload;
            EventTracker tracker = new EventTracker();
            tracker.setEncounterUuid(openmrsUuid);
            tracker.setProgramStageUid(event.getProgramStageUid());
            tracker.setEventUid(uid);
            tracker.setEnrollmentUid(event.getEnrollmentUid());
            tracker.setInstanceUid(event.getTrackedEntityUid());
            tracker.setProgramUid(event.getProgramUid());
            tracker.setConfirmed(accepted);
            events.computeIfAbsent(openmrsUuid, k -> new ArrayList<>()).add(tracker);
            return;
        }
        if (!accepted) {
            return;
        }
        if (category == SyncCategory.INSTANCE) {
            InstanceTracker tracker = new InstanceTracker();
            tracker.setPatientUuid(openmrsUuid);
            tracker.setInstanceUid(uid);
            tracker.setConfirmed(true);
            patients.put(openmrsUuid, tracker);
            if (isNew) {
                TrackedEntity entity = (TrackedEntity) payload;
                newEntities.put(uid, new TrackedEntity(uid, entity.getTrackedEntityType(), entity.getOrgUnit(),
                        entity.getAttributes(), java.util.Collections.<Enrollment>emptyList()));
            }
        } else if (category == SyncCategory.ENROLLMENT) {
            Enrollment enrollment = (Enrollment) payload;
            EnrollmentTracker tracker = new EnrollmentTracker();
            tracker.setPatientProgramUuid(openmrsUuid);
            tracker.setEnrollmentUid(uid);
            tracker.setInstanceUid(enrollment.getTrackedEntityUid());
            tracker.setProgramUid(enrollment.getProgramUid());
            tracker.setStatus(enrollment.getStatus() == null ? null : enrollment.getStatus().name());
            tracker.setConfirmed(true);
            enrollments.put(openmrsUuid, tracker);
            if (isNew || newEntities.containsKey(enrollment.getTrackedEntityUid())) {
                newEnrollments.put(uid, withoutEvents(enrollment));
            }
        }
    }

    /** The events of the encounter the check has judged, as trackers. */
    List<EventTracker> events(String encounterUuid) {
        return events.getOrDefault(encounterUuid, java.util.Collections.<EventTracker>emptyList());
    }

    InstanceTracker patient(String patientUuid) {
        return patients.get(patientUuid);
    }

    EnrollmentTracker enrollment(String patientProgramUuid) {
        return enrollments.get(patientProgramUuid);
    }

    Iterable<EnrollmentTracker> enrollments() {
        return enrollments.values();
    }

    /** The payload of a tracked entity DHIS2 does not hold yet, or null. */
    TrackedEntity newEntity(String uid) {
        return newEntities.get(uid);
    }

    /** The payload of an enrollment DHIS2 does not hold yet, or null. */
    Enrollment newEnrollment(String uid) {
        return newEnrollments.get(uid);
    }

    static Enrollment withoutEvents(Enrollment e) {
        return new Enrollment(e.getUid(), e.getTrackedEntityUid(), e.getProgramUid(), e.getOrgUnit(), e.getStatus(),
                e.getEnrolledAt(), e.getOccurredAt(), e.getCompletedAt(), java.util.Collections.emptyList());
    }
}
