package org.openmrs.module.dhis2sync.api.openmrs;

import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

import org.openmrs.api.context.Daemon;
import org.openmrs.module.DaemonToken;

/**
 * Runs background sync runs the way OpenMRS requires: in a thread with an OpenMRS session of its own, as the daemon
 * user, with the token OpenMRS handed to the module's activator.
 */
public class DaemonExecutor implements Executor {

    private final DaemonTokenHolder tokens;

    public DaemonExecutor(DaemonTokenHolder tokens) {
        this.tokens = tokens;
    }

    @Override
    public void execute(Runnable command) {
        DaemonToken token = tokens.current().orElseThrow(() -> new RejectedExecutionException(
                "the dhis2sync module has not been started by OpenMRS (no daemon token): restart the module"));
        Daemon.runInDaemonThread(command, token);
    }
}
