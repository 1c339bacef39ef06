package org.openmrs.module.dhis2sync.sync;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Predicate;

import org.openmrs.module.dhis2sync.dhis2.ImportMode;
import org.openmrs.module.dhis2sync.dhis2.ImportResult;
import org.openmrs.module.dhis2sync.dhis2.ObjectType;
import org.openmrs.module.dhis2sync.tracking.SyncCategory;
import org.openmrs.module.dhis2sync.tracking.TrackerRow;

/**
 * The one protocol by which tracked entities, enrollments and events reach DHIS2:
 * <ol>
 * <li><b>pending</b>: a new object's UID is written to its tracker row, unconfirmed, before anything is sent, so that
 * a run killed at any later point and run again sends the same UID (an update) instead of a second object;</li>
 * <li><b>send</b>: one batch, DHIS2's verdict read per object by UID ({@link BatchSender}); a refusal becomes a
 * failure row keyed by the exact object (an encounter's event in one stage), and the others go on;</li>
 * <li><b>confirm</b>: the rows of the objects DHIS2 accepted are marked confirmed. A row DHIS2 confirms for the first
 * time is reported so ({@link Delivered#isFirstConfirmation()}): that — not the row's creation in this run — is what
 * makes an object new to DHIS2.</li>
 * </ol>
 * Nothing is written in PREVIEW (never called) or VALIDATE (verdicts only).
 */
final class Delivery {

    /** How one batch is sent (one import, or a completed enrollment's two passes). */
    interface Sending<T> {
        List<BatchSender.Accepted<T>> send(List<Outgoing<T>> batch);
    }

    private final TrackerStore store;
    private final BatchSender sender;

    Delivery(TrackerStore store, BatchSender sender) {
        this.store = store;
        this.sender = sender;
    }

    BatchSender sender() {
        return sender;
    }

    /** One import of the batch through {@code importer}. */
    <T> List<Delivered<T>> deliver(RunContext run, SyncCategory category, ObjectType type, List<Outgoing<T>> batch,
            BiFunction<List<T>, ImportMode, ImportResult> importer) {
        return deliver(run, category, batch,
                list -> sender.send(run, category, type, list, payloads -> importer.apply(payloads, run.importMode())),
                o -> false);
    }

    /**
     * @param held objects whose confirmation the caller saves itself, after a follow-up ({@link #confirm}): their
     *             rows are marked confirmed in memory only, so a run that dies before the follow-up is done finds them
     *             as they were (unconfirmed, or with what DHIS2 was told before) and does the follow-up again
     */
    <T> List<Delivered<T>> deliver(RunContext run, SyncCategory category, List<Outgoing<T>> batch, Sending<T> sending,
            Predicate<Outgoing<T>> held) {
        List<Delivered<T>> delivered = new ArrayList<>();
        if (batch.isEmpty()) {
            return delivered;
        }
        List<TrackerRow> pending = new ArrayList<>();
        for (Outgoing<T> outgoing : batch) {
            if (!outgoing.tracker().isConfirmed()) {
                pending.add(outgoing.tracker());
            }
        }
        if (run.mode() == RunMode.SYNC) {
            store.saveTrackers(category, pending);
        }
        List<TrackerRow> firstConfirmed = new ArrayList<>();
        List<TrackerRow> confirmedAgain = new ArrayList<>();
        for (BatchSender.Accepted<T> ok : sending.send(batch)) {
            TrackerRow row = ok.outgoing().tracker();
            boolean first = !row.isConfirmed();
            boolean hold = held.test(ok.outgoing());
            if (!hold) {
                // a pending row is stored as it was sent: only its confirmation is new
                (first ? firstConfirmed : confirmedAgain).add(row);
            }
            row.setConfirmed(true);
            row.setDateChanged(run.now());
            delivered.add(new Delivered<>(ok, first, hold));
        }
        if (run.mode() == RunMode.SYNC) {
            store.markConfirmed(category, firstConfirmed);
        }
        confirm(run, category, confirmedAgain);
        return delivered;
    }

    /** Saves rows DHIS2 accepted as confirmed (for held ones: once the caller's follow-up is done). */
    void confirm(RunContext run, SyncCategory category, Collection<? extends TrackerRow> rows) {
        if (run.mode() == RunMode.SYNC) {
            store.saveTrackers(category, rows);
        }
    }

    /** An object DHIS2 accepted. */
    static final class Delivered<T> {
        private final BatchSender.Accepted<T> accepted;
        private final boolean firstConfirmation;
        private final boolean held;

        Delivered(BatchSender.Accepted<T> accepted, boolean firstConfirmation, boolean held) {
            this.accepted = accepted;
            this.firstConfirmation = firstConfirmation;
            this.held = held;
        }

        Outgoing<T> outgoing() {
            return accepted.outgoing();
        }

        /** Whether DHIS2 created it (else it updated an object it held). */
        boolean created() {
            return accepted.created();
        }

        /** Whether DHIS2 had never confirmed this object before (its row was pending). */
        boolean isFirstConfirmation() {
            return firstConfirmation;
        }

        /** Whether its confirmation waits for the caller ({@link Delivery#confirm}). */
        boolean isHeld() {
            return held;
        }
    }
}
