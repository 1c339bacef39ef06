package org.openmrs.module.dhis2sync.sync;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

import org.openmrs.module.dhis2sync.dhis2.Dhis2Client;
import org.openmrs.module.dhis2sync.dhis2.Enrollment;
import org.openmrs.module.dhis2sync.dhis2.Event;
import org.openmrs.module.dhis2sync.dhis2.ImportResult;
import org.openmrs.module.dhis2sync.dhis2.ObjectResult;
import org.openmrs.module.dhis2sync.dhis2.ObjectType;
import org.openmrs.module.dhis2sync.dhis2.Outcome;
import org.openmrs.module.dhis2sync.source.ClinicalSource;
import org.openmrs.module.dhis2sync.source.EncounterRecord;
import org.openmrs.module.dhis2sync.tracking.EventTracker;
import org.openmrs.module.dhis2sync.tracking.InstanceTracker;
import org.openmrs.module.dhis2sync.tracking.PendingDeletion;
import org.openmrs.module.dhis2sync.tracking.SyncCategory;

/**
 * The one way the module deletes in DHIS2 what it sent: what OpenMRS voids or merges (README, "Voids and merges"),
 * and the events whose encounter left the enrollment they were sent in (its dates were corrected, README "Events");
 * only what the module sent is ever deleted, and only in a sync run (preview and validation change nothing).
 * <ul>
 * <li>a voided encounter: every event it fed is deleted, and its tracker rows go (an unvoid sends it anew);</li>
 * <li>a voided enrollment: its events are deleted (the enrollments step sends it CANCELLED), and their encounters
 * are offered to the events step again, for another enrollment that covers them;</li>
 * <li>a voided patient (the non-preferred patient of a merge included): its enrollments read as voided (the same),
 * its events are deleted, and its tracked entity is deleted only if the module created it, no other patient
 * holds it and DHIS2 holds no enrollment of it the module did not send;</li>
 * <li>an event whose encounter left its enrollment (asked by the events step, {@link #withdrawEvents}): deleted, and
 * its encounter offered to the events step again once DHIS2 confirmed, for a new event (new UID) in the enrollment
 * that now covers it, if any: DHIS2 does not move events between enrollments nor take a deleted UID back.</li>
 * </ul>
 * A merge needs no more: OpenMRS moves the encounters to the preferred patient (so they are sent there as new
 * events, DHIS2 refusing to move an event between enrollments), copies the enrollments to it (new enrollments) and
 * voids the non-preferred patient.
 * <p>
 * Found by the voids since the markers (or asked by the events step), the deletions are kept in the pending
 * deletions first (with the tracker rows removed in the same transaction) and then sent; a refusal is a failure row with DHIS2's message and the deletion
 * is sent again by every run until DHIS2 confirms. DHIS2 saying it never had the object (or had deleted it) counts as
 * done.
 */
final class Withdrawals {

    private final ClinicalSource source;
    private final WithdrawalStore store;
    private final Dhis2Client client;
    private final BatchSender failures;
    /** The objects this run already asked DHIS2 to delete (each is asked once per run). */
    private final Set<String> attempted = new java.util.HashSet<>();
    /** The event UIDs the steps withdrew during this run (a selected run sends only those). */
    private final Set<String> asked = new java.util.HashSet<>();

    Withdrawals(ClinicalSource source, WithdrawalStore store, Dhis2Client client, BatchSender failures) {
        this.source = source;
        this.store = store;
        this.client = client;
        this.failures = failures;
    }

    /** Finds what was voided since the markers, then sends every pending deletion of the mapping. */
    void withdraw(RunContext run, Date encountersSince, Date enrollmentsSince, Date patientsSince) {
        if (run.mode() != RunMode.SYNC) {
            return;
        }
        String program = run.config().getOpenmrsProgramUuid();
        String programUid = run.config().getDhis2ProgramUid();
        for (List<String> page : pages((after, limit) -> source.voidedEncounterUuids(program, encountersSince, after,
                limit), run.batchSize())) {
            store.withdrawEvents(run.mappingUuid(), store.eventsOfEncounters(page, programUid), false, run.now());
        }
        for (List<String> page : pages((after, limit) -> source.voidedEnrollmentUuids(program, enrollmentsSince,
                after, limit), run.batchSize())) {
            store.withdrawEvents(run.mappingUuid(), store.eventsOfEnrollments(page, programUid), true, run.now());
        }
        for (List<String> page : pages((after, limit) -> source.voidedPatientUuids(program, patientsSince, after,
                limit), run.batchSize())) {
            for (InstanceTracker instance : store.instancesOf(page)) {
                store.withdrawEvents(run.mappingUuid(), store.eventsOfInstance(instance.getInstanceUid(), programUid),
                        true, run.now());
                if (instance.isCreatedByModule()) {
                    store.withdrawTrackedEntity(run.mappingUuid(), instance, run.now());
                }
            }
        }
        sendPending(run, deletion -> true);
    }

    /**
     * Withdraws events the events step found out of place (their encounter left the enrollment they were sent in):
     * kept as pending deletions (their tracker rows leave), sent by {@link #finish} or by a later run until DHIS2
     * confirms, exactly as a void's.
     *
     * @param resend true when another enrollment covers the encounter: it is offered to the events step again once
     *               its old event is deleted, and gets a new event there
     */
    void withdrawEvents(RunContext run, List<EventTracker> trackers, boolean resend) {
        if (run.mode() != RunMode.SYNC || trackers.isEmpty()) {
            return;
        }
        store.withdrawEvents(run.mappingUuid(), trackers, resend, run.now());
        for (EventTracker tracker : trackers) {
            asked.add(tracker.getEventUid());
        }
    }

    /**
     * The encounters of the mapping with an event DHIS2 has not deleted yet: none gets a new event before (see
     * {@link #offerOnceDeleted}); empty outside a sync run.
     */
    Set<String> awaitingDeletion(RunContext run) {
        return run.mode() != RunMode.SYNC ? Collections.<String>emptySet()
                : store.pendingUuids(run.mappingUuid(), SyncCategory.EVENT);
    }

    /**
     * Encounters the events step held back because an old event of theirs awaits deletion (e.g. unvoided, or covered
     * again, meanwhile): offered to it again once DHIS2 confirmed the deletion.
     */
    void offerOnceDeleted(RunContext run, Collection<String> encounterUuids) {
        if (run.mode() == RunMode.SYNC) {
            store.resendWhenDeleted(run.mappingUuid(), encounterUuids);
        }
    }

    /**
     * The encounters whose events were deleted with their enrollment or patient, to the events step again (an
     * encounter now covered by another enrollment gets a new event there); then their pending rows go.
     */
    void resend(RunContext run, EventStep events) {
        resend(run, events, deletion -> true);
    }

    private void resend(RunContext run, EventStep events, Predicate<PendingDeletion> which) {
        if (run.mode() != RunMode.SYNC) {
            return;
        }
        List<PendingDeletion> done = new ArrayList<>();
        List<String> encounters = new ArrayList<>();
        for (PendingDeletion deletion : store.pending(run.mappingUuid())) {
            if (deletion.isDeleted() && which.test(deletion)) {
                done.add(deletion);
                if (!encounters.contains(deletion.getOpenmrsUuid())) {
                    encounters.add(deletion.getOpenmrsUuid());
                }
            }
        }
        for (int from = 0; from < encounters.size(); from += run.batchSize()) {
            List<EncounterRecord> chunk = source.loadEncountersByUuid(
                    encounters.subList(from, Math.min(encounters.size(), from + run.batchSize())));
            events.sync(run, chunk, true);
            run.tally().alsoLookedAt(SyncCategory.EVENT, chunk.size());
        }
        for (PendingDeletion deletion : done) {
            store.forget(deletion);
        }
    }

    /**
     * At the end of a run: the deletions asked for during it (not yet tried in this run) are sent, and their
     * encounters offered again.
     */
    void finish(RunContext run, EventStep events) {
        finish(run, events, deletion -> true);
    }

    /**
     * The end of a run of selected records: only the events withdrawn during it are deleted (and their encounters
     * offered again); the mapping's other pending deletions wait for its next sync run.
     */
    void finishSelected(RunContext run, EventStep events) {
        finish(run, events, deletion -> deletion.getObjectKind() == PendingDeletion.ObjectKind.EVENT
                && asked.contains(deletion.getDhis2Uid()));
    }

    private void finish(RunContext run, EventStep events, Predicate<PendingDeletion> which) {
        if (run.mode() != RunMode.SYNC) {
            return;
        }
        sendPending(run, which);
        resend(run, events, which);
    }

    /** Events first (an enrollment or tracked entity with undeleted events needs a cascade authority), then entities. */
    private void sendPending(RunContext run, Predicate<PendingDeletion> which) {
        List<PendingDeletion> events = new ArrayList<>();
        List<PendingDeletion> entities = new ArrayList<>();
        for (PendingDeletion deletion : store.pending(run.mappingUuid())) {
            if (deletion.isDeleted() || !which.test(deletion)
                    || !attempted.add(deletion.getObjectKind() + ":" + deletion.getDhis2Uid())) {
                continue;
            }
            if (deletion.getObjectKind() == PendingDeletion.ObjectKind.EVENT) {
                events.add(deletion);
            } else {
                entities.add(deletion);
            }
        }
        boolean eventsLeft = false;
        for (int from = 0; from < events.size(); from += run.batchSize()) {
            List<PendingDeletion> chunk = events.subList(from, Math.min(events.size(), from + run.batchSize()));
            List<String> uids = new ArrayList<>();
            for (PendingDeletion deletion : chunk) {
                uids.add(deletion.getDhis2Uid());
            }
            ImportResult result = client.deleteEvents(uids);
            for (PendingDeletion deletion : chunk) {
                eventsLeft |= !settle(run, deletion, result.resultFor(ObjectType.EVENT, deletion.getDhis2Uid()));
            }
        }
        if (eventsLeft) {
            return; // a tracked entity waits until its events are gone (they would look like someone else's)
        }
        for (PendingDeletion deletion : entities) {
            deleteTrackedEntity(run, deletion);
        }
    }

    /**
     * A tracked entity the module created for a now voided patient goes only when nothing else uses it: no other
     * patient tracked to it, no enrollment in DHIS2 the module did not send. Its enrollments are deleted first.
     */
    private void deleteTrackedEntity(RunContext run, PendingDeletion deletion) {
        String uid = deletion.getDhis2Uid();
        String patient = deletion.getOpenmrsUuid();
        List<String> others = store.otherPatientsOf(uid, patient);
        if (!others.isEmpty()) {
            keep(run, deletion, "patient " + patient + " was voided but its tracked entity " + uid
                    + " also stands for patient(s) " + String.join(", ", others) + ": kept in DHIS2");
            return;
        }
        Set<String> ours = store.trackedEnrollmentUids(uid);
        List<String> enrollments = new ArrayList<>();
        Set<String> programs = new LinkedHashSet<>();
        for (Enrollment enrollment : client.enrollmentsOfTrackedEntity(uid)) {
            if (!ours.contains(enrollment.getUid())) {
                keep(run, deletion, "patient " + patient + " was voided but its tracked entity " + uid
                        + " is also enrolled in DHIS2 in what the module did not send (enrollment " + enrollment.getUid()
                        + ", program " + enrollment.getProgramUid() + "): its enrollments were cancelled, the tracked"
                        + " entity kept");
                return;
            }
            enrollments.add(enrollment.getUid());
            programs.add(enrollment.getProgramUid());
        }
        for (String program : programs) {
            for (Enrollment enrollment : client.enrollmentsOf(Collections.singletonList(uid), program)
                    .getOrDefault(uid, Collections.<Enrollment>emptyList())) {
                Set<String> eventUids = new LinkedHashSet<>();
                for (Event event : enrollment.getEvents()) {
                    eventUids.add(event.getUid());
                }
                eventUids.removeAll(store.sentEventUids(run.mappingUuid(), eventUids));
                if (!eventUids.isEmpty()) {
                    keep(run, deletion, "patient " + patient + " was voided but its enrollment "
                            + enrollment.getUid() + " holds events the module did not send (" + String.join(", ",
                                    eventUids) + "): its enrollments were cancelled, the tracked entity " + uid + " kept");
                    return;
                }
            }
        }
        if (!enrollments.isEmpty()) {
            ImportResult result = client.deleteEnrollments(enrollments);
            for (String enrollment : enrollments) {
                ObjectResult verdict = result.resultFor(ObjectType.ENROLLMENT, enrollment);
                if (!gone(verdict)) {
                    failed(run, deletion, verdict);
                    return;
                }
            }
        }
        ObjectResult verdict = client.deleteTrackedEntities(Collections.singletonList(uid))
                .resultFor(ObjectType.TRACKED_ENTITY, uid);
        if (gone(verdict)) {
            store.forgetTrackedEntity(uid);
        }
        settle(run, deletion, verdict);
    }

    private void keep(RunContext run, PendingDeletion deletion, String why) {
        run.tally().warning(deletion.getCategory(), deletion.getOpenmrsUuid(), why);
        store.forget(deletion);
    }

    /**
     * DHIS2's verdict on one deletion: done (deleted, or it never had it), else a failure retried next run.
     *
     * @return whether it is done
     */
    private boolean settle(RunContext run, PendingDeletion deletion, ObjectResult verdict) {
        if (gone(verdict)) {
            store.deleted(deletion);
            failures.clear(run, deletion.failureKey());
            return true;
        }
        failed(run, deletion, verdict);
        return false;
    }

    private void failed(RunContext run, PendingDeletion deletion, ObjectResult verdict) {
        String message = verdict == null ? "DHIS2 gave no verdict" : verdict.getMessage();
        failures.fail(run, deletion.failureKey(), deletion.getDhis2Uid(),
                verdict == null ? null : verdict.getErrorCode(), "deleting " + kindName(deletion) + " "
                        + deletion.getDhis2Uid() + " (" + whyDeleted(deletion) + "): " + message
                        + "; retried next run");
    }

    private static boolean gone(ObjectResult verdict) {
        return verdict != null && (verdict.getOutcome() == Outcome.DELETED || verdict.getOutcome() == Outcome.IGNORED);
    }

    private static String whyDeleted(PendingDeletion deletion) {
        return deletion.getObjectKind() == PendingDeletion.ObjectKind.EVENT
                ? "its encounter, enrollment or patient was voided, or its encounter left its enrollment's dates"
                : "its OpenMRS record was voided";
    }

    private static String kindName(PendingDeletion deletion) {
        switch (deletion.getObjectKind()) {
            case EVENT:
                return "event";
            case ENROLLMENT:
                return "enrollment";
            default:
                return "tracked entity";
        }
    }

    private interface UuidPage {
        List<String> next(String afterUuid, int limit);
    }

    /** Every page of a uuid-paged query, read whole first (voids since the markers are few). */
    private static List<List<String>> pages(UuidPage query, int limit) {
        List<List<String>> pages = new ArrayList<>();
        String after = null;
        while (true) {
            List<String> page = query.next(after, limit);
            if (page.isEmpty()) {
                return pages;
            }
            pages.add(page);
            after = page.get(page.size() - 1);
            if (page.size() < limit) {
                return pages;
            }
        }
    }
}
