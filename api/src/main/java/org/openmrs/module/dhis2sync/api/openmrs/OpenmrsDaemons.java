package org.openmrs.module.dhis2sync.api.openmrs;

import java.util.concurrent.RejectedExecutionException;

import org.openmrs.api.context.Daemon;
import org.openmrs.module.DaemonToken;

/** OpenMRS's daemon threads, with the token OpenMRS handed to the module's activator. */
public class OpenmrsDaemons implements DaemonCalls.Daemons {

    private final DaemonTokenHolder tokens;

    public OpenmrsDaemons(DaemonTokenHolder tokens) {
        this.tokens = tokens;
    }

    @Override
    public boolean inDaemonThread() {
        return Daemon.isDaemonThread();
    }

    @Override
    public void runAndWait(Runnable work) {
        DaemonToken token = tokens.current().orElseThrow(() -> new RejectedExecutionException(
            "the dhis2sync module has not been started by OpenMRS (no daemon token): restart the module"));
        Daemon.runInDaemonThreadAndWait(work, token);
    }
}
