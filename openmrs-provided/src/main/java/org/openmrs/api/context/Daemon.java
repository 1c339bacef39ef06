package org.openmrs.api.context;

import org.openmrs.module.DaemonToken;

/** Declaration of OpenMRS core 2.5.x {@code org.openmrs.api.context.Daemon} (compile only). */
public final class Daemon {

    private Daemon() {
    }

    /** Runs the runnable in a new thread with an OpenMRS session, authenticated as the daemon user. */
    public static Thread runInDaemonThread(final Runnable runnable, DaemonToken token) {
        throw notAvailable();
    }

    /**
     * Runs the runnable in a new daemon thread and waits for it to end (2.5/2.6 join the thread, 2.7 waits on the
     * pool's future; both return early, without a sign, when the waiting thread is interrupted).
     */
    public static void runInDaemonThreadAndWait(final Runnable runnable, DaemonToken token) {
        throw notAvailable();
    }

    /** @return true in a thread started by this class, which has every privilege */
    public static boolean isDaemonThread() {
        throw notAvailable();
    }

    private static UnsupportedOperationException notAvailable() {
        return new UnsupportedOperationException("compile-only declaration: OpenMRS provides Daemon at run time");
    }
}
