package org.openmrs.module.dhis2sync.sync;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import org.openmrs.module.dhis2sync.dhis2.ImportResult;
import org.openmrs.module.dhis2sync.dhis2.ObjectResult;
import org.openmrs.module.dhis2sync.dhis2.ObjectType;
import org.openmrs.module.dhis2sync.dhis2.Outcome;
import org.openmrs.module.dhis2sync.tracking.FailureKey;
import org.openmrs.module.dhis2sync.tracking.SyncCategory;

/**
 * Sends one batch and reads DHIS2's verdict on every record by its UID (never by position). Records DHIS2 refused
 * are kept in the failed records with DHIS2's code and message, each under the key of its exact DHIS2 object, and the
 * others go on; the accepted ones are handed back for their trackers to be confirmed ({@link Delivery}). In validation
 * mode (a check), verdicts are collected and the accepted records handed back as if sent, remembered by the check
 * only ({@link CheckMemory}).
 */
final class BatchSender {

    private final TrackerStore store;

    BatchSender(TrackerStore store) {
        this.store = store;
    }

    /** @return the records DHIS2 accepted, with whether it created them */
    <T> List<Accepted<T>> send(RunContext run, SyncCategory category, ObjectType type, List<Outgoing<T>> batch,
            Function<List<T>, ImportResult> importer) {
        return send(run, category, type, batch, importer, true);
    }

    /**
     * @param countSuccesses false for a first pass whose records go again (a completed enrollment is sent ACTIVE,
     *                       then COMPLETED): only the second pass counts them as created or updated
     */
    <T> List<Accepted<T>> send(RunContext run, SyncCategory category, ObjectType type, List<Outgoing<T>> batch,
            Function<List<T>, ImportResult> importer, boolean countSuccesses) {
        List<Accepted<T>> accepted = new ArrayList<>();
        if (batch.isEmpty()) {
            return accepted;
        }
        List<T> payloads = new ArrayList<>(batch.size());
        for (Outgoing<T> outgoing : batch) {
            payloads.add(outgoing.payload());
        }
        ImportResult result = importer.apply(payloads);
        List<FailureKey> acceptedKeys = new ArrayList<>();
        for (Outgoing<T> outgoing : batch) {
            ObjectResult verdict = result.resultFor(type, outgoing.uid());
            boolean ok = verdict != null && verdict.isSuccess();
            if (run.mode() == RunMode.VALIDATE) {
                run.tally().verdict(new ValidationVerdict(category, outgoing.openmrsUuid(), outgoing.uid(), ok,
                        verdict == null ? null : verdict.getErrorCode(), messageOf(verdict, outgoing.uid()),
                        outgoing.isNew() ? Decision.NEW : Decision.UPDATE));
                // what follows may refer to it, as it would after a sync: the check remembers it
                if (run.checked() != null) { // null for a reconcile's capture (runSelected), which remembers itself
                    run.checked().judged(category, outgoing.openmrsUuid(), outgoing.uid(), outgoing.isNew(),
                            outgoing.payload(), ok);
                }
                if (ok) {
                    accepted.add(new Accepted<>(outgoing, outgoing.isNew()));
                }
                continue;
            }
            if (ok) {
                // the tracker API reports a mixed batch per type only (ACCEPTED): the UID tells what was new
                boolean created = verdict.getOutcome() == Outcome.CREATED
                        || (verdict.getOutcome() == Outcome.ACCEPTED && outgoing.isNew());
                accepted.add(new Accepted<>(outgoing, created));
                if (!countSuccesses) {
                    continue;
                }
                acceptedKeys.add(outgoing.key());
                if (created) {
                    run.tally().created(category);
                } else {
                    run.tally().updated(category);
                }
            } else {
                fail(run, outgoing.key(), outgoing.uid(),
                        verdict == null ? null : verdict.getErrorCode(), messageOf(verdict, outgoing.uid()));
            }
        }
        store.clearFailures(run.mappingUuid(), acceptedKeys);
        return accepted;
    }

    /**
     * A DHIS2 object that cannot go (no org unit, unmapped answer, DHIS2's refusal): counted, kept for the next run
     * under its own key (an encounter's event in one stage fails without touching its events in other stages).
     */
    void fail(RunContext run, FailureKey key, String dhis2Uid, String errorCode, String message) {
        if (run.mode() == RunMode.VALIDATE) {
            run.tally().verdict(new ValidationVerdict(key.getCategory(), key.getOpenmrsUuid(), dhis2Uid, false,
                    errorCode, message));
            return;
        }
        // the client's message already names DHIS2's error code(s)
        run.tally().failed(key.getCategory(), key.getOpenmrsUuid(), message);
        store.recordFailure(run.mappingUuid(), key, dhis2Uid, errorCode, message, run.now());
    }

    /** Forgets the failure of one DHIS2 object that has now gone through. */
    void clear(RunContext run, FailureKey key) {
        store.clearFailures(run.mappingUuid(), java.util.Collections.singletonList(key));
    }

    private static String messageOf(ObjectResult verdict, String uid) {
        if (verdict == null) {
            return "DHIS2 gave no verdict for " + uid + "; it will be sent again on the next run";
        }
        if (verdict.isSuccess()) {
            return null;
        }
        String message = verdict.getMessage();
        return message == null || message.isEmpty() ? "ignored by DHIS2" : message;
    }

    static final class Accepted<T> {
        private final Outgoing<T> outgoing;
        private final boolean created;

        Accepted(Outgoing<T> outgoing, boolean created) {
            this.outgoing = outgoing;
            this.created = created;
        }

        Outgoing<T> outgoing() {
            return outgoing;
        }

        boolean created() {
            return created;
        }
    }
}
