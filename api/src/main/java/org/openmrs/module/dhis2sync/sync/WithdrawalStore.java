package org.openmrs.module.dhis2sync.sync;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.openmrs.module.dhis2sync.tracking.EnrollmentTracker;
import org.openmrs.module.dhis2sync.tracking.EnrollmentTrackerDao;
import org.openmrs.module.dhis2sync.tracking.EventTracker;
import org.openmrs.module.dhis2sync.tracking.EventTrackerDao;
import org.openmrs.module.dhis2sync.tracking.InstanceTracker;
import org.openmrs.module.dhis2sync.tracking.InstanceTrackerDao;
import org.openmrs.module.dhis2sync.tracking.PendingDeletion;
import org.openmrs.module.dhis2sync.tracking.PendingDeletionDao;
import org.openmrs.module.dhis2sync.tracking.SyncCategory;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The module's tables as {@link Withdrawals} sees them: trackers of what OpenMRS voided, and the deletions pending
 * in DHIS2. Every call is its own committed transaction; a tracker row leaves in the same transaction that records
 * its pending deletion, so a run killed in between neither forgets the deletion nor re-sends under the old UID.
 */
public class WithdrawalStore {

    private final TransactionTemplate tx;
    private final InstanceTrackerDao instances;
    private final EnrollmentTrackerDao enrollments;
    private final EventTrackerDao events;
    private final PendingDeletionDao deletions;

    public WithdrawalStore(TransactionTemplate tx, InstanceTrackerDao instances, EnrollmentTrackerDao enrollments,
            EventTrackerDao events, PendingDeletionDao deletions) {
        this.tx = tx;
        this.instances = instances;
        this.enrollments = enrollments;
        this.events = events;
        this.deletions = deletions;
    }

    /** The events of the program tracked for those encounters. */
    List<EventTracker> eventsOfEncounters(Collection<String> encounterUuids, String programUid) {
        return tx.execute(status -> ofProgram(events.findByEncounterUuids(encounterUuids), programUid));
    }

    /** The events of the program tracked inside the enrollments tracked for those patient programs. */
    List<EventTracker> eventsOfEnrollments(Collection<String> patientProgramUuids, String programUid) {
        return tx.execute(status -> {
            Set<String> enrollmentUids = new LinkedHashSet<>();
            for (EnrollmentTracker tracker : enrollments.findByPatientProgramUuids(patientProgramUuids).values()) {
                if (programUid.equals(tracker.getProgramUid())) {
                    enrollmentUids.add(tracker.getEnrollmentUid());
                }
            }
            return ofProgram(events.findByEnrollmentUids(enrollmentUids), programUid);
        });
    }

    /** The events of the program tracked for one tracked entity. */
    List<EventTracker> eventsOfInstance(String instanceUid, String programUid) {
        return tx.execute(status -> ofProgram(events.findByInstanceUid(instanceUid), programUid));
    }

    private static List<EventTracker> ofProgram(List<EventTracker> trackers, String programUid) {
        List<EventTracker> kept = new ArrayList<>();
        for (EventTracker tracker : trackers) {
            if (programUid.equals(tracker.getProgramUid())) {
                kept.add(tracker);
            }
        }
        return kept;
    }

    /** The instance trackers of those patients. */
    List<InstanceTracker> instancesOf(Collection<String> patientUuids) {
        return tx.execute(status -> new ArrayList<>(instances.findByPatientUuids(patientUuids).values()));
    }

    /**
     * Records the deletion of each event (resend: its encounter stands and is offered to the events step once the
     * event is gone, for a new event under a new UID wherever it now belongs) and removes its tracker row, in one
     * transaction.
     */
    void withdrawEvents(String mappingUuid, List<EventTracker> trackers, boolean resend, Date now) {
        if (trackers.isEmpty()) {
            return;
        }
        tx.executeWithoutResult(status -> {
            for (EventTracker tracker : trackers) {
                pend(mappingUuid, PendingDeletion.ObjectKind.EVENT, tracker.getEventUid(), SyncCategory.EVENT,
                        tracker.getEncounterUuid(), tracker.getProgramStageUid(), resend, now);
                EventTracker attached = events.find(tracker.getEncounterUuid(), tracker.getProgramStageUid());
                if (attached != null) {
                    events.delete(attached);
                }
            }
        });
    }

    /** The encounters' events pending deletion are to be followed by their encounters once DHIS2 confirms. */
    void resendWhenDeleted(String mappingUuid, Collection<String> encounterUuids) {
        if (encounterUuids.isEmpty()) {
            return;
        }
        tx.executeWithoutResult(status -> {
            for (PendingDeletion deletion : deletions.findByMapping(mappingUuid)) {
                if (deletion.getObjectKind() == PendingDeletion.ObjectKind.EVENT && !deletion.isResend()
                        && encounterUuids.contains(deletion.getOpenmrsUuid())) {
                    deletion.setResend(true);
                    deletions.save(deletion);
                }
            }
        });
    }

    /** Records the deletion of a tracked entity the module created for a voided patient (its trackers stay for now). */
    void withdrawTrackedEntity(String mappingUuid, InstanceTracker tracker, Date now) {
        tx.executeWithoutResult(status -> pend(mappingUuid, PendingDeletion.ObjectKind.TRACKED_ENTITY,
                tracker.getInstanceUid(), SyncCategory.INSTANCE, tracker.getPatientUuid(), null, false, now));
    }

    private void pend(String mappingUuid, PendingDeletion.ObjectKind kind, String uid, SyncCategory category,
            String openmrsUuid, String stageUid, boolean resend, Date now) {
        if (deletions.find(mappingUuid, kind, uid) == null) {
            deletions.save(new PendingDeletion(mappingUuid, kind, uid, category, openmrsUuid, stageUid, resend, now));
        }
    }

    /** Every deletion of the mapping not yet finished, oldest first. */
    List<PendingDeletion> pending(String mappingUuid) {
        return tx.execute(status -> deletions.findByMapping(mappingUuid));
    }

    /** The OpenMRS uuids whose DHIS2 objects of that category are still pending deletion for the mapping. */
    public Set<String> pendingUuids(String mappingUuid, SyncCategory category) {
        Set<String> uuids = new LinkedHashSet<>();
        for (PendingDeletion deletion : pending(mappingUuid)) {
            if (deletion.getCategory() == category && !deletion.isDeleted()) {
                uuids.add(deletion.getOpenmrsUuid());
            }
        }
        return uuids;
    }

    /** DHIS2 confirmed the deletion: the row goes, or stays marked deleted while its encounter waits to be re-sent. */
    void deleted(PendingDeletion deletion) {
        tx.executeWithoutResult(status -> {
            PendingDeletion attached = deletions.find(deletion.getMappingUuid(), deletion.getObjectKind(),
                    deletion.getDhis2Uid());
            if (attached == null) {
                return;
            }
            if (attached.isResend()) {
                attached.setDeleted(true);
                deletions.save(attached);
            } else {
                deletions.delete(attached);
            }
        });
    }

    /** Forgets a pending deletion (done, or given up for a documented reason). */
    void forget(PendingDeletion deletion) {
        tx.executeWithoutResult(status -> {
            PendingDeletion attached = deletions.find(deletion.getMappingUuid(), deletion.getObjectKind(),
                    deletion.getDhis2Uid());
            if (attached != null) {
                deletions.delete(attached);
            }
        });
    }

    /** The patients (other than the given one) whose tracker holds that tracked entity UID. */
    List<String> otherPatientsOf(String instanceUid, String patientUuid) {
        return tx.execute(status -> {
            List<String> others = new ArrayList<>();
            for (InstanceTracker tracker : instances.findAllByInstanceUid(instanceUid)) {
                if (!tracker.getPatientUuid().equals(patientUuid)) {
                    others.add(tracker.getPatientUuid());
                }
            }
            return others;
        });
    }

    /** The enrollment UIDs the module tracks for a tracked entity (any program). */
    Set<String> trackedEnrollmentUids(String instanceUid) {
        return tx.execute(status -> {
            Set<String> uids = new LinkedHashSet<>();
            for (EnrollmentTracker tracker : enrollments.findByInstanceUid(instanceUid)) {
                uids.add(tracker.getEnrollmentUid());
            }
            return uids;
        });
    }

    /** Those of the event UIDs the module sent (a tracker holds them, or their deletion is pending). */
    Set<String> sentEventUids(String mappingUuid, Collection<String> eventUids) {
        return tx.execute(status -> {
            Set<String> sent = new LinkedHashSet<>(events.trackedEventUids(eventUids));
            for (PendingDeletion deletion : deletions.findByMapping(mappingUuid)) {
                if (eventUids.contains(deletion.getDhis2Uid())) {
                    sent.add(deletion.getDhis2Uid());
                }
            }
            return sent;
        });
    }

    /**
     * A tracked entity is gone from DHIS2: every tracker row of it (patient, enrollments, events) goes, so that an
     * unvoided patient is sent anew under new UIDs.
     */
    void forgetTrackedEntity(String instanceUid) {
        tx.executeWithoutResult(status -> {
            for (EventTracker tracker : events.findByInstanceUid(instanceUid)) {
                events.delete(tracker);
            }
            for (EnrollmentTracker tracker : enrollments.findByInstanceUid(instanceUid)) {
                enrollments.delete(tracker);
            }
            for (InstanceTracker tracker : instances.findAllByInstanceUid(instanceUid)) {
                instances.delete(tracker);
            }
        });
    }
}
