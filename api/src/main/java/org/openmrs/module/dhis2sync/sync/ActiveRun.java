package org.openmrs.module.dhis2sync.sync;

import java.util.Date;

/** A run going now on this server: what it runs, since when, its counts so far, its last sign of life. */
final class ActiveRun {

    final String runId;
    final RunRequest request;
    final Date startDate;
    final RunTally tally = new RunTally();
    volatile long lastHeartbeat;

    ActiveRun(String runId, RunRequest request, Date startDate) {
        this.runId = runId;
        this.request = request;
        this.startDate = startDate;
        this.lastHeartbeat = startDate.getTime();
    }
}
