package org.openmrs.module.dhis2sync.reconcile;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.openmrs.module.dhis2sync.dhis2.Uid;
import org.openmrs.module.dhis2sync.tracking.EnrollmentTracker;
import org.openmrs.module.dhis2sync.tracking.EnrollmentTrackerDao;
import org.openmrs.module.dhis2sync.tracking.EventTracker;
import org.openmrs.module.dhis2sync.tracking.EventTrackerDao;
import org.openmrs.module.dhis2sync.tracking.InstanceTracker;
import org.openmrs.module.dhis2sync.tracking.InstanceTrackerDao;
import org.openmrs.module.dhis2sync.tracking.SyncCategory;
import org.springframework.transaction.support.TransactionTemplate;

/** The tracker tables as a reconcile reads them (page by page) and as a resend renews the UIDs of missing records. */
public class ReconcileStore {

    private final TransactionTemplate tx;
    private final InstanceTrackerDao instances;
    private final EnrollmentTrackerDao enrollments;
    private final EventTrackerDao events;

    public ReconcileStore(TransactionTemplate tx, InstanceTrackerDao instances, EnrollmentTrackerDao enrollments,
            EventTrackerDao events) {
        this.tx = tx;
        this.instances = instances;
        this.enrollments = enrollments;
        this.events = events;
    }

    /** How many tracked entities have an enrollment tracked in the program. */
    int countInstances(String programUid) {
        return tx.execute(status -> enrollments.countInstancesOfProgram(programUid));
    }

    /**
     * The next page: tracked entities with an enrollment tracked in the program, after {@code afterInstanceUid}
     * (null: the first page), with their trackers in that program; empty when there are no more.
     */
    TrackedPage page(String programUid, String afterInstanceUid, int size) {
        return tx.execute(status -> {
            List<String> uids = enrollments.instanceUidsOfProgram(programUid, afterInstanceUid, size);
            if (uids.isEmpty()) {
                return new TrackedPage(uids, new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
            }
            List<EnrollmentTracker> inProgram = new ArrayList<>();
            for (EnrollmentTracker tracker : enrollments.findByInstanceUids(uids)) {
                if (programUid.equals(tracker.getProgramUid())) {
                    inProgram.add(tracker);
                }
            }
            List<EventTracker> eventsInProgram = new ArrayList<>();
            for (EventTracker tracker : events.findByInstanceUids(uids)) {
                if (programUid.equals(tracker.getProgramUid())) {
                    eventsInProgram.add(tracker);
                }
            }
            return new TrackedPage(uids, instances.findByInstanceUids(uids), inProgram, eventsInProgram);
        });
    }

    /**
     * Gives every missing record a new DHIS2 UID (unconfirmed), so that the next send creates it: DHIS2 refuses a UID
     * it deleted (tracker API E1114/E1113/E1082, deprecated API "deleted earlier"), and a new one works as well where
     * DHIS2 never had it (restored from a backup). The rows under a renewed tracked entity or enrollment follow it.
     */
    void renew(Collection<Drift> missing) {
        tx.executeWithoutResult(status -> {
            Map<String, String> renamedInstances = new HashMap<>();
            for (Drift drift : missing) {
                if (drift.getKind() == DriftKind.MISSING && drift.getCategory() == SyncCategory.INSTANCE) {
                    renamedInstances.put(drift.getDhis2Uid(), Uid.generate());
                }
            }
            if (!renamedInstances.isEmpty()) {
                for (InstanceTracker tracker : instances.findByInstanceUids(renamedInstances.keySet())) {
                    tracker.setInstanceUid(renamedInstances.get(tracker.getInstanceUid()));
                    tracker.setConfirmed(false);
                    instances.save(tracker);
                }
                for (EnrollmentTracker tracker : enrollments.findByInstanceUids(renamedInstances.keySet())) {
                    tracker.setInstanceUid(renamedInstances.get(tracker.getInstanceUid()));
                    enrollments.save(tracker);
                }
                for (EventTracker tracker : events.findByInstanceUids(renamedInstances.keySet())) {
                    tracker.setInstanceUid(renamedInstances.get(tracker.getInstanceUid()));
                    events.save(tracker);
                }
            }
            Map<String, String> renamedEnrollments = new HashMap<>();
            List<String> instancesOfRenamed = new ArrayList<>();
            for (Drift drift : missing) {
                if (drift.getKind() == DriftKind.MISSING && drift.getCategory() == SyncCategory.ENROLLMENT) {
                    EnrollmentTracker tracker = enrollments.findByEnrollmentUid(drift.getDhis2Uid());
                    if (tracker != null) {
                        String uid = Uid.generate();
                        renamedEnrollments.put(tracker.getEnrollmentUid(), uid);
                        instancesOfRenamed.add(tracker.getInstanceUid());
                        tracker.setEnrollmentUid(uid);
                        tracker.setConfirmed(false);
                        enrollments.save(tracker);
                    }
                }
            }
            Map<String, Drift> missingEvents = new HashMap<>();
            for (Drift drift : missing) {
                if (drift.getKind() == DriftKind.MISSING && drift.getCategory() == SyncCategory.EVENT) {
                    missingEvents.put(drift.getOpenmrsUuid() + "|" + drift.getProgramStageUid(), drift);
                }
            }
            List<EventTracker> candidates = new ArrayList<>();
            if (!instancesOfRenamed.isEmpty()) {
                candidates.addAll(events.findByInstanceUids(instancesOfRenamed));
            }
            for (Drift drift : missingEvents.values()) {
                EventTracker tracker = events.find(drift.getOpenmrsUuid(), drift.getProgramStageUid());
                if (tracker != null) {
                    candidates.add(tracker);
                }
            }
            Map<Long, EventTracker> byId = new HashMap<>();
            for (EventTracker tracker : candidates) {
                byId.putIfAbsent(tracker.getId(), tracker);
            }
            for (EventTracker tracker : byId.values()) {
                boolean changed = false;
                String enrollment = renamedEnrollments.get(tracker.getEnrollmentUid());
                if (enrollment != null) {
                    tracker.setEnrollmentUid(enrollment);
                    changed = true;
                }
                if (missingEvents.containsKey(tracker.getEncounterUuid() + "|" + tracker.getProgramStageUid())) {
                    tracker.setEventUid(Uid.generate());
                    tracker.setConfirmed(false);
                    changed = true;
                }
                if (changed) {
                    events.save(tracker);
                }
            }
        });
    }
}
