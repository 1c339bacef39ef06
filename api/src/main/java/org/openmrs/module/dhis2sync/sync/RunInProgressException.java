package org.openmrs.module.dhis2sync.sync;

import java.text.SimpleDateFormat;
import java.util.Date;

import org.openmrs.module.dhis2sync.tracking.RunLock;

/**
 * A run of the mapping is going (started by hand or by the scheduler, on this server or another one sharing the
 * database). The message says who started it, where and when, and — for another server's run — when it last
 * showed a sign of life; it never names a run this server knows is not going.
 */
public class RunInProgressException extends RuntimeException {

    private final transient RunLock holder;

    /**
     * @param holder the lock as the database holds it
     * @param here   the server instance refusing the start
     * @param staleAfterMillis how long another server's run may show no sign of life before its lock is taken over
     */
    public RunInProgressException(String mappingName, RunLock holder, ServerInstance here, long staleAfterMillis) {
        super(message(mappingName, holder, here, staleAfterMillis));
        this.holder = holder;
    }

    /** The lock of the run that is going. */
    public RunLock getHolder() {
        return holder;
    }

    private static String message(String mappingName, RunLock holder, ServerInstance here, long staleAfterMillis) {
        StringBuilder text = new StringBuilder("a sync of mapping '").append(mappingName).append("' is already running");
        if (here.isOfThisInstance(holder)) {
            text.append(" on this server (started by ").append(holder.getOwner()).append(" at ")
                    .append(format(holder.getStartedAt())).append("); wait for it to finish");
            return text.toString();
        }
        text.append(holder.getServerName() == null ? " on another server"
                : " on server '" + holder.getServerName() + "'");
        text.append(" (");
        if (holder.getInstanceId() != null) {
            text.append("instance ").append(holder.getInstanceId()).append("; ");
        }
        text.append("started by ").append(holder.getOwner()).append(" at ").append(format(holder.getStartedAt()))
                .append(", last sign of life at ").append(format(holder.getHeartbeatAt()))
                .append("); wait for it to finish. If that server stopped, its lock is taken over once it has shown no")
                .append(" sign of life for ").append(staleAfterMillis / 60_000L).append(" minutes");
        return text.toString();
    }

    private static String format(Date date) {
        return date == null ? "?" : new SimpleDateFormat("yyyy-MM-dd HH:mm:ss").format(date);
    }
}
