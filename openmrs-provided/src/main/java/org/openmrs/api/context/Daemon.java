package org.openmrs.api.context;

import org.openmrs.module.DaemonToken;

/** Declaration of OpenMRS core 2.5.x {@code org.openmrs.api.context.Daemon} (compile only). */
public final class Daemon {

    private Daemon() {
    }

    /** Runs the runnable in a new thread with an OpenMRS session, authenticated as the daemon user. */
    public static Thread runInDaemonThread(final Runnable runnable, DaemonToken token) {
        throw new UnsupportedOperationException("compile-only declaration: OpenMRS provides Daemon at run time");
    }
}
