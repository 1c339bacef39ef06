package org.openmrs.module.dhis2sync.sync;

/** A run of the mapping is already going (started by hand or by the scheduler, here or before a restart). */
public class RunInProgressException extends RuntimeException {

    public RunInProgressException(String mappingName, String owner) {
        super("a sync of mapping '" + mappingName + "' is already running"
                + (owner == null ? "" : " (started by " + owner + ")") + "; wait for it to finish");
    }
}
