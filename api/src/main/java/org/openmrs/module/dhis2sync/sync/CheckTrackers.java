package org.openmrs.module.dhis2sync.sync;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.openmrs.module.dhis2sync.tracking.EnrollmentTracker;
import org.openmrs.module.dhis2sync.tracking.EventTracker;
import org.openmrs.module.dhis2sync.tracking.FailureKey;
import org.openmrs.module.dhis2sync.tracking.InstanceTracker;
import org.openmrs.module.dhis2sync.tracking.SyncCategory;
import org.openmrs.module.dhis2sync.tracking.TrackerRow;

/**
 * The trackers as a check of the pending records sees them: the stored ones, plus the patients and enrollments the
 * check has found DHIS2 would accept ({@link CheckMemory}), as if a sync had stored them. It writes nothing: a check
 * leaves the module's tables as they were.
 */
final class CheckTrackers extends TrackerStore {

    private final CheckMemory memory;

    CheckTrackers(TrackerStore tables, CheckMemory memory) {
        super(tables);
        this.memory = memory;
    }

    @Override
    public Map<String, InstanceTracker> instanceTrackers(Collection<String> patientUuids) {
        Map<String, InstanceTracker> trackers = new HashMap<>(super.instanceTrackers(patientUuids));
        for (String uuid : patientUuids) {
            InstanceTracker checked = memory.patient(uuid);
            if (checked != null && !trackers.containsKey(uuid)) {
                trackers.put(uuid, checked);
            }
        }
        return trackers;
    }

    @Override
    public Map<String, EnrollmentTracker> enrollmentTrackers(Collection<String> patientProgramUuids) {
        Map<String, EnrollmentTracker> trackers = new HashMap<>(super.enrollmentTrackers(patientProgramUuids));
        for (String uuid : patientProgramUuids) {
            EnrollmentTracker checked = memory.enrollment(uuid);
            if (checked != null && !trackers.containsKey(uuid)) {
                trackers.put(uuid, checked);
            }
        }
        return trackers;
    }

    @Override
    public List<EnrollmentTracker> enrollmentTrackersOfInstance(String instanceUid) {
        List<EnrollmentTracker> trackers = new ArrayList<>(super.enrollmentTrackersOfInstance(instanceUid));
        for (EnrollmentTracker checked : memory.enrollments()) {
            if (instanceUid.equals(checked.getInstanceUid())) {
                trackers.add(checked);
            }
        }
        return trackers;
    }

    @Override
    public List<EventTracker> eventTrackers(Collection<String> encounterUuids) {
        List<EventTracker> trackers = new ArrayList<>(super.eventTrackers(encounterUuids));
        java.util.Set<String> stored = new java.util.HashSet<>();
        for (EventTracker tracker : trackers) {
            stored.add(tracker.getEncounterUuid() + "|" + tracker.getProgramStageUid());
        }
        for (String uuid : encounterUuids) {
            for (EventTracker judged : memory.events(uuid)) {
                if (stored.add(judged.getEncounterUuid() + "|" + judged.getProgramStageUid())) {
                    trackers.add(judged);
                }
            }
        }
        return trackers;
    }

    @Override
    void markConfirmed(SyncCategory category, Collection<? extends TrackerRow> trackers) {
        // a check stores nothing
    }

    @Override
    public void saveInstanceTrackers(Collection<InstanceTracker> trackers) {
        // a check stores nothing: what it accepted is in its memory
    }

    @Override
    public void saveEnrollmentTrackers(Collection<EnrollmentTracker> trackers) {
        // as above
    }

    @Override
    public void saveEventTrackers(Collection<EventTracker> trackers) {
        // as above
    }

    @Override
    void saveTrackers(SyncCategory category, Collection<? extends TrackerRow> trackers) {
        // as above
    }

    @Override
    public void recordFailure(String mappingUuid, FailureKey key, String dhis2Uid, String errorCode, String message,
            Date now) {
        // a refusal found by a check is its verdict, not a failure of a run
    }

    @Override
    public void clearFailures(String mappingUuid, Collection<FailureKey> keys) {
        // the failures stay until a sync sends the records
    }

    @Override
    public void clearFailures(String mappingUuid, SyncCategory category, Collection<String> openmrsUuids) {
        // as above
    }

    @Override
    public void advanceMarkers(String mappingUuid, Date syncedUpTo) {
        // only a sync moves the markers
    }

    @Override
    public int moveMarkersBack(String mappingUuid, Date to) {
        return 0; // as above
    }
}
