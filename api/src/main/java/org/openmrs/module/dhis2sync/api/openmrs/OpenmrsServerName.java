package org.openmrs.module.dhis2sync.api.openmrs;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.function.Supplier;

import org.openmrs.module.dhis2sync.sync.ServerInstance;
import org.openmrs.util.OpenmrsUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The name of this OpenMRS server, stable across its restarts: {@code <host name>:<application data directory>}.
 * Two OpenMRS servers on one database differ in one or the other; a restart (even a container restart) keeps both.
 * A container re-created with a new host name is a new server: the locks of its previous life then wait to go
 * stale, as another server's would. Without a host name (the lookup failed) there is no stable name: the
 * instance is then of an unnamed server, which frees no lock but its own.
 */
public final class OpenmrsServerName implements Supplier<String> {

    private static final Logger log = LoggerFactory.getLogger(OpenmrsServerName.class);

    private final Supplier<String> hostName;
    private final Supplier<String> dataDirectory;

    public OpenmrsServerName() {
        this(OpenmrsServerName::localHostName, OpenmrsUtil::getApplicationDataDirectory);
    }

    OpenmrsServerName(Supplier<String> hostName, Supplier<String> dataDirectory) {
        this.hostName = hostName;
        this.dataDirectory = dataDirectory;
    }

    /** This start of the module: a new instance of this server. */
    public static ServerInstance newInstance() {
        return new OpenmrsServerName().instance();
    }

    ServerInstance instance() {
        String name = get();
        if (name == null) {
            ServerInstance unnamed = ServerInstance.ofUnnamedServer();
            log.warn("The host name of this server is unknown: DHIS2 Sync runs as {}; a run that dies with this"
                    + " server keeps its mapping's lock until it is {} minutes old", unnamed,
                    org.openmrs.module.dhis2sync.sync.SyncRunner.STALE_LOCK_MILLIS / 60_000L);
            return unnamed;
        }
        ServerInstance instance = ServerInstance.startingNow(name);
        log.info("DHIS2 Sync runs as {}", instance);
        return instance;
    }

    /** The name, or null when the host name is unknown. */
    @Override
    public String get() {
        String host = hostName.get();
        if (host == null || host.trim().isEmpty()) {
            return null;
        }
        String directory;
        try {
            directory = dataDirectory.get();
        } catch (RuntimeException e) {
            log.warn("OpenMRS's application data directory is unknown ({}): the server is named by its host only",
                    e.toString());
            directory = null;
        }
        return directory == null || directory.isEmpty() ? host : host + ":" + directory;
    }

    private static String localHostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            String fromEnvironment = System.getenv("HOSTNAME");
            return fromEnvironment == null || fromEnvironment.isEmpty() ? null : fromEnvironment;
        }
    }
}
