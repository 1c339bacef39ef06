package org.openmrs.module.dhis2sync.sync;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.openmrs.module.dhis2sync.dhis2.EnrollmentStatus;
import org.openmrs.module.dhis2sync.source.ClinicalSource;
import org.openmrs.module.dhis2sync.source.EncounterWindow;
import org.openmrs.module.dhis2sync.source.EnrollmentRecord;
import org.openmrs.module.dhis2sync.tracking.EnrollmentTracker;
import org.openmrs.module.dhis2sync.tracking.SyncCategory;

/**
 * The encounters an enrollment owes DHIS2 once DHIS2 holds it, which the delta of encounters does not bring: those
 * recorded before the enrollment (or before its first send was refused, or its run died) and those whose place its
 * corrected dates change.
 * <ul>
 * <li>An enrollment DHIS2 confirms for the first time (its tracker row was pending: refused before, or written by a
 * run that died) owes the encounters its dates cover.</li>
 * <li>An enrollment whose enrollment date or status changed owes every encounter of the patient from the earlier of
 * its old and new enrollment dates on: those it now covers are sent, those it no longer covers move to the
 * enrollment that covers them or leave DHIS2 ({@link EventStep}).</li>
 * </ul>
 * Its confirmation (the tracker row: confirmed, with the dates DHIS2 was told) is saved only once its encounters were
 * handed to the events step, so a run that dies in between leaves it owing them to the next run. A mapping's first
 * run owes nothing: every encounter is in its delta.
 */
final class Backfill {

    private final boolean enabled;
    private final ZoneId zone = ZoneId.systemDefault();
    /** Patient program uuid → the dates of the encounters it will owe: from, and to (null: open). */
    private final Map<String, LocalDate[]> expected = new LinkedHashMap<>();
    private final Map<String, Owed> owed = new LinkedHashMap<>();
    /** The encounters (ids) the delta brought to the events step in this run: placed there already, never owed. */
    private final Set<Integer> inDelta = new java.util.HashSet<>();

    /** @param enabled false for a mapping's first run (no event marker yet) */
    Backfill(boolean enabled) {
        this.enabled = enabled;
    }

    /**
     * Called before the enrollment is sent, with its tracker row as it stands (null when new): notes from which date
     * on it will owe encounters if DHIS2 accepts it.
     */
    void expect(EnrollmentRecord enrollment, EnrollmentTracker tracker, EnrollmentStatus status) {
        if (!enabled || status == EnrollmentStatus.CANCELLED || enrollment.getDateEnrolled() == null) {
            return;
        }
        if (tracker == null || !tracker.isConfirmed()) {
            expected.put(enrollment.getUuid(), new LocalDate[] {enrollment.getDateEnrolled(),
                    enrollment.getDateCompleted()});
            return;
        }
        LocalDate before = toLocalDate(tracker.getEnrollmentDate());
        boolean moved = before == null || !before.equals(enrollment.getDateEnrolled());
        if (moved || !status.name().equals(tracker.getStatus())) {
            expected.put(enrollment.getUuid(), new LocalDate[] {before == null
                    || enrollment.getDateEnrolled().isBefore(before) ? enrollment.getDateEnrolled() : before, null});
        }
    }

    /** Whether DHIS2's acceptance of this enrollment is held until its encounters follow. */
    boolean holds(Outgoing<?> outgoing) {
        return expected.containsKey(outgoing.openmrsUuid());
    }

    /** DHIS2 accepted a held enrollment: its encounters are owed. */
    void owe(EnrollmentRecord enrollment, EnrollmentTracker tracker) {
        LocalDate[] dates = expected.get(enrollment.getUuid());
        owed.put(enrollment.getUuid(), new Owed(enrollment, tracker, dates[0], dates[1]));
    }

    /**
     * Notes the encounters of a chunk of the delta as they go to the events step, which runs after every enrollment
     * of the run was sent and so places them as the settling would.
     */
    void inDelta(List<Integer> encounterIds) {
        if (enabled) {
            inDelta.addAll(encounterIds);
        }
    }

    /** Whether DHIS2 accepted this enrollment in this run (its row is saved confirmed only later). */
    boolean isHeld(String patientProgramUuid) {
        return owed.containsKey(patientProgramUuid);
    }

    /**
     * Hands the owed enrollments' encounters to the events step, a chunk of enrollments at a time (their encounter
     * ids in one read, the encounters in chunks of the batch size), then saves that chunk's enrollments confirmed.
     * An encounter the delta brought in this run is not read again: the events step has placed it already.
     */
    void settle(RunContext run, ClinicalSource source, EventStep events, Delivery delivery, Runnable heartbeat) {
        List<Owed> all = new ArrayList<>(owed.values());
        for (int first = 0; first < all.size(); first += run.batchSize()) {
            List<Owed> group = all.subList(first, Math.min(all.size(), first + run.batchSize()));
            List<EncounterWindow> windows = new ArrayList<>();
            List<EnrollmentTracker> trackers = new ArrayList<>();
            for (Owed one : group) {
                windows.add(new EncounterWindow(one.enrollment.getPatientUuid(), one.from, one.to));
                trackers.add(one.tracker);
            }
            Set<Integer> ids = new LinkedHashSet<>();
            for (List<Integer> ofOne : source.encounterIdsOfPatients(windows, run.config().feeds())) {
                ids.addAll(ofOne);
            }
            ids.removeAll(inDelta); // the delta brought them: the events step has placed them already
            List<Integer> owedIds = new ArrayList<>(ids);
            for (int from = 0; from < owedIds.size(); from += run.batchSize()) {
                List<Integer> chunk = owedIds.subList(from, Math.min(owedIds.size(), from + run.batchSize()));
                events.sync(run, source.loadEncounters(chunk), true);
                run.tally().alsoLookedAt(SyncCategory.EVENT, chunk.size());
                heartbeat.run();
            }
            delivery.confirm(run, SyncCategory.ENROLLMENT, trackers);
        }
    }

    private LocalDate toLocalDate(Date date) {
        if (date == null) {
            return null;
        }
        return date instanceof java.sql.Date ? ((java.sql.Date) date).toLocalDate()
                : date.toInstant().atZone(zone).toLocalDate();
    }

    private static final class Owed {
        final EnrollmentRecord enrollment;
        final EnrollmentTracker tracker;
        final LocalDate from;
        final LocalDate to;

        Owed(EnrollmentRecord enrollment, EnrollmentTracker tracker, LocalDate from, LocalDate to) {
            this.enrollment = enrollment;
            this.tracker = tracker;
            this.from = from;
            this.to = to;
        }
    }
}
