package org.openmrs.module.dhis2sync.sync;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.openmrs.module.dhis2sync.dhis2.DataValue;
import org.openmrs.module.dhis2sync.dhis2.Dhis2Client;
import org.openmrs.module.dhis2sync.dhis2.Event;
import org.openmrs.module.dhis2sync.dhis2.EventStatus;
import org.openmrs.module.dhis2sync.dhis2.ObjectType;
import org.openmrs.module.dhis2sync.dhis2.Uid;
import org.openmrs.module.dhis2sync.mapping.DataValueConverter;
import org.openmrs.module.dhis2sync.mapping.EventValues;
import org.openmrs.module.dhis2sync.mapping.StageMapping;
import org.openmrs.module.dhis2sync.source.ClinicalSource;
import org.openmrs.module.dhis2sync.source.EncounterRecord;
import org.openmrs.module.dhis2sync.source.EnrollmentRecord;
import org.openmrs.module.dhis2sync.tracking.EnrollmentTracker;
import org.openmrs.module.dhis2sync.tracking.EventTracker;
import org.openmrs.module.dhis2sync.tracking.FailureKey;
import org.openmrs.module.dhis2sync.tracking.SyncCategory;

/**
 * Encounters to events: one event per encounter and program stage it feeds, sent COMPLETED, dated by the encounter,
 * in the org unit of the encounter's location, inside the enrollment whose dates cover it ({@link EventPlacement}).
 * Event UIDs are assigned and stored before sending ({@link Delivery}); each event goes through or fails on its own,
 * under the key (encounter, stage). An update sends every mapped data element of the stage, the ones without a value
 * as empty, so that a voided obs disappears from the event in DHIS2 — and an event whose stage no longer selects its
 * encounter (a Bahmni form cleared: all its obs voided) is sent with every data element empty. An event whose
 * encounter left the enrollment it was sent in (the enrollment's dates were corrected) is deleted in DHIS2
 * ({@link Withdrawals}, as a void's) and, when another enrollment covers the encounter, created there under a new UID
 * once DHIS2 confirmed the deletion.
 * Several obs of one concept are joined or chosen by {@link EventValues}, whose warnings go to the preview and the
 * run's log.
 */
final class EventStep {

    private final Dhis2Client client;
    private final ClinicalSource source;
    private final TrackerStore store;
    private final Delivery delivery;
    private final Backfill backfill;
    private final Withdrawals withdrawals;
    private final DataValueConverter converter = new DataValueConverter();

    EventStep(Dhis2Client client, ClinicalSource source, TrackerStore store, Delivery delivery, Backfill backfill,
            Withdrawals withdrawals) {
        this.client = client;
        this.source = source;
        this.store = store;
        this.delivery = delivery;
        this.backfill = backfill;
        this.withdrawals = withdrawals;
    }

    /**
     * @param settling true for the encounters an enrollment owes ({@link Backfill}): an event already in place (in the
     *                 enrollment that covers its encounter) is left alone
     */
    void sync(RunContext run, List<EncounterRecord> encounters, boolean settling) {
        if (encounters.isEmpty()) {
            return;
        }
        List<String> encounterUuids = new ArrayList<>();
        for (EncounterRecord encounter : encounters) {
            encounterUuids.add(encounter.getUuid());
        }
        Map<String, EventTracker> trackers = new HashMap<>();
        for (EventTracker tracker : store.eventTrackers(encounterUuids)) {
            trackers.put(key(tracker.getEncounterUuid(), tracker.getProgramStageUid()), tracker);
        }
        EventPlacement placement = EventPlacement.of(run, source, store, encounters);
        Set<String> awaitingDeletion = withdrawals.awaitingDeletion(run);
        List<Planned> planned = new ArrayList<>();
        List<EventTracker> leaving = new ArrayList<>();
        List<EventTracker> moving = new ArrayList<>();
        List<FailureKey> nothingToSend = new ArrayList<>();
        Set<String> heldBack = new HashSet<>();
        for (EncounterRecord encounter : encounters) {
            if (placement.isUndecided(encounter)) {
                continue; // its patient's enrollment without a date fails on its own; nothing moves meanwhile
            }
            EnrollmentRecord enrollment = placement.enrollmentOf(encounter);
            EnrollmentTracker enrollmentTracker = placement.trackerOf(enrollment);
            for (StageMapping stage : run.config().getEvents()) {
                FailureKey key = FailureKey.event(encounter.getUuid(), stage.getProgramStageUid());
                EventTracker tracker = trackers.get(key(encounter.getUuid(), stage.getProgramStageUid()));
                if (tracker == null && awaitingDeletion.contains(encounter.getUuid())) {
                    heldBack.add(encounter.getUuid()); // offered again once DHIS2 deleted its old event
                    continue;
                }
                if (tracker == null && (enrollment == null || !stage.select(encounter))) {
                    nothingToSend.add(key); // not part of the program, or not of this stage
                    continue;
                }
                if (enrollment == null) {
                    leaving.add(tracker);
                    continue;
                }
                boolean misplaced = tracker != null && enrollmentTracker != null
                        && !tracker.getEnrollmentUid().equals(enrollmentTracker.getEnrollmentUid());
                if (settling && tracker != null && !misplaced) {
                    continue;
                }
                if (misplaced) {
                    moving.add(tracker);
                }
                planned.add(new Planned(encounter, stage, enrollment, enrollmentTracker, tracker, misplaced));
            }
        }
        if (run.mode() == RunMode.SYNC) {
            store.clearFailures(run.mappingUuid(), nothingToSend);
        }
        withdrawals.offerOnceDeleted(run, heldBack);
        withdraw(run, leaving, moving, planned);

        List<Outgoing<Event>> batch = new ArrayList<>();
        for (Planned plan : planned) {
            Outgoing<Event> outgoing = prepare(run, plan, placement);
            if (outgoing != null) {
                batch.add(outgoing);
            }
        }
        if (run.mode() == RunMode.PREVIEW) {
            return;
        }
        delivery.deliver(run, SyncCategory.EVENT, ObjectType.EVENT, batch, client::importEvents);
    }

    /**
     * Events whose encounter left their enrollment: withdrawn (deleted in DHIS2 by the run's end, as a void's); a moved
     * one's encounter is offered again once DHIS2 confirmed, and goes as new under a new UID. In PREVIEW they are
     * shown; VALIDATE checks the moved events as new ones.
     */
    private void withdraw(RunContext run, List<EventTracker> leaving, List<EventTracker> moving, List<Planned> planned) {
        if (run.mode() == RunMode.PREVIEW) {
            for (EventTracker tracker : leaving) {
                run.tally().pending(new PendingRecord(SyncCategory.EVENT, tracker.getEncounterUuid(), Decision.DELETE,
                        tracker.getEventUid(), null, Collections.<String, String>emptyMap(), null,
                        Collections.singletonList("stage " + tracker.getProgramStageUid() + ": the encounter lies in"
                                + " no enrollment of the program any more: its event is deleted in DHIS2")));
            }
        }
        if (run.mode() != RunMode.SYNC) {
            return;
        }
        withdrawals.withdrawEvents(run, leaving, false);
        withdrawals.withdrawEvents(run, moving, true);
        planned.removeIf(plan -> plan.moved);
    }

    /** The event to send, or null when the record cannot go (counted as failed, or shown so in preview). */
    private Outgoing<Event> prepare(RunContext run, Planned plan, EventPlacement placement) {
        EncounterRecord encounter = plan.encounter;
        StageMapping stage = plan.stage;
        EventTracker tracker = plan.tracker;
        String existingUid = tracker == null || plan.moved ? null : tracker.getEventUid();
        EventValues eventValues = EventValues.of(stage, encounter, converter, existingUid != null);
        Map<String, String> values = new LinkedHashMap<>(eventValues.getValues());
        String error = eventValues.getError();
        List<String> warnings = new ArrayList<>();
        for (String warning : eventValues.getWarnings()) {
            warnings.add("stage " + stage.getProgramStageUid() + ": " + warning);
        }
        if (plan.moved) {
            warnings.add("stage " + stage.getProgramStageUid() + ": the encounter moved to enrollment "
                    + plan.enrollment.getUuid() + " (dates corrected): event " + tracker.getEventUid()
                    + " is deleted in DHIS2 and created again there under a new UID");
        }
        String orgUnit = placement.orgUnitOf(run, encounter);
        if (error == null && orgUnit == null) {
            error = OrgUnitResolver.noOrgUnitMessage("encounter " + encounter.getUuid(), encounter.getLocationUuid());
        }
        EnrollmentTracker enrollmentTracker = plan.enrollmentTracker;
        boolean enrollmentInDhis2 = enrollmentTracker != null && (enrollmentTracker.isConfirmed()
                || run.mode() != RunMode.SYNC || backfill.isHeld(plan.enrollment.getUuid()));
        if (error == null && !enrollmentInDhis2 && run.mode() != RunMode.PREVIEW) {
            error = "its enrollment " + plan.enrollment.getUuid() + (run.mode() == RunMode.VALIDATE
                    ? " is refused by this check (see the enrollment's verdict): DHIS2 would refuse the event"
                    : " is not in DHIS2 yet (see its failure); retried next run");
        }
        if (run.mode() == RunMode.PREVIEW) {
            run.tally().pending(new PendingRecord(SyncCategory.EVENT, encounter.getUuid(),
                    error == null ? (existingUid == null ? Decision.NEW : Decision.UPDATE) : null, existingUid,
                    EventStatus.COMPLETED.name(), values, error, warnings));
            return null;
        }
        FailureKey key = FailureKey.event(encounter.getUuid(), stage.getProgramStageUid());
        if (error != null) {
            delivery.sender().fail(run, key, existingUid, null, "stage " + stage.getProgramStageUid() + ": " + error);
            return null;
        }
        for (String warning : eventValues.getWarnings()) {
            run.tally().warning(SyncCategory.EVENT, encounter.getUuid(), "stage " + stage.getProgramStageUid() + ": "
                    + warning);
        }
        String uid = existingUid == null ? Uid.generate() : existingUid;
        List<DataValue> dataValues = new ArrayList<>();
        for (Map.Entry<String, String> value : values.entrySet()) {
            dataValues.add(new DataValue(value.getKey(), value.getValue()));
        }
        LocalDate date = encounter.getEncounterDatetime().toLocalDate();
        Event event = new Event(uid, enrollmentTracker.getEnrollmentUid(), enrollmentTracker.getInstanceUid(),
                run.config().getDhis2ProgramUid(), stage.getProgramStageUid(), orgUnit, EventStatus.COMPLETED, date,
                dataValues);
        if (tracker == null) {
            tracker = new EventTracker();
            tracker.setEncounterUuid(encounter.getUuid());
            tracker.setProgramStageUid(stage.getProgramStageUid());
            tracker.setProgramUid(run.config().getDhis2ProgramUid());
            tracker.setDateCreated(run.now());
        }
        if (existingUid == null) {
            // a new event, or a moved one whose old UID DHIS2 deleted: pending under its new UID until DHIS2 confirms
            tracker.setEventUid(uid);
            tracker.setConfirmed(false);
        }
        tracker.setInstanceUid(event.getTrackedEntityUid());
        tracker.setEnrollmentUid(event.getEnrollmentUid());
        return new Outgoing<>(key, uid, existingUid == null, event, tracker);
    }

    private static String key(String encounterUuid, String stageUid) {
        return encounterUuid + "|" + stageUid;
    }

    /** One event to send: its encounter and stage, the enrollment it goes in, its tracker row if any. */
    private static final class Planned {
        final EncounterRecord encounter;
        final StageMapping stage;
        final EnrollmentRecord enrollment;
        final EnrollmentTracker enrollmentTracker;
        final EventTracker tracker;
        final boolean moved;

        Planned(EncounterRecord encounter, StageMapping stage, EnrollmentRecord enrollment,
                EnrollmentTracker enrollmentTracker, EventTracker tracker, boolean moved) {
            this.encounter = encounter;
            this.stage = stage;
            this.enrollment = enrollment;
            this.enrollmentTracker = enrollmentTracker;
            this.tracker = tracker;
            this.moved = moved;
        }
    }
}
