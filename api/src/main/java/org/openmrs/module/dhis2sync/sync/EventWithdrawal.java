package org.openmrs.module.dhis2sync.sync;

import java.util.ArrayList;
import java.util.List;

import org.openmrs.module.dhis2sync.dhis2.Dhis2Client;
import org.openmrs.module.dhis2sync.dhis2.ImportResult;
import org.openmrs.module.dhis2sync.dhis2.ObjectResult;
import org.openmrs.module.dhis2sync.dhis2.ObjectType;
import org.openmrs.module.dhis2sync.dhis2.Outcome;
import org.openmrs.module.dhis2sync.tracking.EventTracker;
import org.openmrs.module.dhis2sync.tracking.FailureKey;

/**
 * Deletes in DHIS2 the events whose encounter left the enrollment they were sent in (its dates were corrected):
 * DHIS2 refuses moving an event to another enrollment, and a deleted UID can never be used again, so a moved event is
 * deleted and created anew under a new UID. The tracker row keeps the old UID until DHIS2 confirmed the delete, so a
 * run that dies in between deletes it again (DHIS2 then says it is already gone) before going on.
 */
final class EventWithdrawal {

    private final Dhis2Client client;
    private final BatchSender sender;

    EventWithdrawal(Dhis2Client client, BatchSender sender) {
        this.client = client;
        this.sender = sender;
    }

    /**
     * @return the trackers whose event DHIS2 no longer holds (deleted now or before, or never had); a refused delete
     *         is that event's failure, retried with its encounter on the next run
     */
    List<EventTracker> delete(RunContext run, List<EventTracker> trackers) {
        List<EventTracker> gone = new ArrayList<>();
        if (trackers.isEmpty() || run.mode() != RunMode.SYNC) {
            return gone;
        }
        List<String> uids = new ArrayList<>();
        for (EventTracker tracker : trackers) {
            uids.add(tracker.getEventUid());
        }
        ImportResult result = client.deleteEvents(uids);
        for (EventTracker tracker : trackers) {
            ObjectResult verdict = result.resultFor(ObjectType.EVENT, tracker.getEventUid());
            if (verdict != null && (verdict.getOutcome() == Outcome.DELETED || verdict.getOutcome() == Outcome.IGNORED)) {
                gone.add(tracker);
            } else {
                sender.fail(run, FailureKey.event(tracker.getEncounterUuid(), tracker.getProgramStageUid()),
                        tracker.getEventUid(), verdict == null ? null : verdict.getErrorCode(),
                        "stage " + tracker.getProgramStageUid() + ": DHIS2 did not delete event "
                                + tracker.getEventUid() + ", which its encounter left (enrollment dates corrected): "
                                + (verdict == null ? "no verdict" : verdict.getMessage()));
            }
        }
        return gone;
    }
}
