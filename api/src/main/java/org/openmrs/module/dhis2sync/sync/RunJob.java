package org.openmrs.module.dhis2sync.sync;

import org.openmrs.module.dhis2sync.dhis2.Dhis2Client;
import org.openmrs.module.dhis2sync.tracking.SyncStatus;

/**
 * What a run does under its mapping's lock when it is not a sync of the delta (a reconcile, a resend): it gets the
 * run's lock, log row, progress and DHIS2 client as a sync does, through {@link SyncRunner#start}.
 */
public interface RunJob {

    /** The kind written to the run's log row ({@code RECONCILE}, {@code RESEND}, …). */
    String kind();

    /**
     * Does the job in the run's thread; a failure of DHIS2 propagates and the run is logged FAILED.
     *
     * @param heartbeat call after every chunk: keeps the lock alive, throws when it was lost
     */
    void run(SyncEngine engine, Dhis2Client client, RunSettings settings, RunTally tally, Runnable heartbeat);

    /** The status of a run that did not fail, or null for the sync's rule (PARTIAL when records failed). */
    SyncStatus status();

    /** What the log row's status info says, or null for the sync's. */
    String outcome();

    /** Lines for the log row's details before the sync's own, or null. */
    String details();
}
