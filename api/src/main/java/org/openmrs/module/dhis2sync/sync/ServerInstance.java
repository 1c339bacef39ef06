package org.openmrs.module.dhis2sync.sync;

import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.openmrs.module.dhis2sync.tracking.RunLock;

/**
 * This start of the module on this server, as the run locks name it: the server's name, stable across restarts
 * (in OpenMRS: the host name and the application data directory), and an instance id, new at every start of the
 * module. Only one instance of a server runs at a time, so a lock of the same server but another instance is a
 * leftover of a previous life (OpenMRS was killed or restarted, the module reloaded): none of its runs can be
 * going, and the lock is freed at once. A lock of this very instance is going only if its run is among the runs
 * this instance has claimed. A lock of another server is never judged here: it is respected until its heartbeat is
 * stale.
 * <p>
 * Two OpenMRS servers sharing one database must therefore have different names (different hosts or data
 * directories), which they have unless one copies the other's host name and data directory path.
 */
public final class ServerInstance {

    /** The width of {@code dhis2sync_run_lock.server_name}; a longer name is cut to it. */
    public static final int MAX_SERVER_NAME = 255;

    private final String serverName;
    private final String instanceId;
    private final Set<String> runs = ConcurrentHashMap.newKeySet();

    public ServerInstance(String serverName, String instanceId) {
        if (serverName == null || serverName.trim().isEmpty()) {
            throw new IllegalArgumentException("serverName is required");
        }
        if (instanceId == null || instanceId.trim().isEmpty() || instanceId.length() > 38) {
            throw new IllegalArgumentException("instanceId must be 1 to 38 characters, was '" + instanceId + "'");
        }
        this.serverName = serverName.length() > MAX_SERVER_NAME ? serverName.substring(0, MAX_SERVER_NAME)
                : serverName;
        this.instanceId = instanceId;
    }

    /** A new instance of the named server: what the module makes at each start. */
    public static ServerInstance startingNow(String serverName) {
        return new ServerInstance(serverName, UUID.randomUUID().toString());
    }

    /**
     * An instance that claims no server name of its own (a name nobody else has): every lock it did not take
     * itself is judged by its heartbeat only, as before instances were known.
     */
    public static ServerInstance ofUnnamedServer() {
        String id = UUID.randomUUID().toString();
        return new ServerInstance("unnamed server " + id, id);
    }

    public String getServerName() {
        return serverName;
    }

    public String getInstanceId() {
        return instanceId;
    }

    /** The run is starting or going here; claimed before its lock is asked for. */
    void claim(String runId) {
        runs.add(runId);
    }

    /** The run has ended (or was refused). */
    void forget(String runId) {
        runs.remove(runId);
    }

    /** Whether the lock's run belongs to this server (this or a previous instance). */
    public boolean isOfThisServer(RunLock lock) {
        return serverName.equals(lock.getServerName());
    }

    /** Whether the lock's run belongs to this very instance. */
    public boolean isOfThisInstance(RunLock lock) {
        return isOfThisServer(lock) && instanceId.equals(lock.getInstanceId());
    }

    /**
     * Whether the lock's run is certainly not going: it belongs to a previous instance of this server, or to this
     * instance but is not among its runs (its end could not give the lock back). False for other servers' locks.
     */
    public boolean isLeft(RunLock lock) {
        if (!isOfThisServer(lock)) {
            return false;
        }
        return !instanceId.equals(lock.getInstanceId()) || !runs.contains(lock.getRunId());
    }

    @Override
    public String toString() {
        return "server '" + serverName + "', instance " + instanceId;
    }
}
