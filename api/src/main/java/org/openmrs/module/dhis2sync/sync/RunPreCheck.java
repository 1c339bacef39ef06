package org.openmrs.module.dhis2sync.sync;

import org.openmrs.module.dhis2sync.dhis2.Dhis2Client;

/**
 * What a run checks before it reads or sends anything (the mapping health check): it throws, with a message naming
 * what is wrong, to stop the run as FAILED with nothing sent and the markers where they were.
 */
public interface RunPreCheck {

    /** Checks nothing. */
    RunPreCheck NONE = (request, client, settings) -> { };

    void check(RunRequest request, Dhis2Client client, RunSettings settings);
}
