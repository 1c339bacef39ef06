package org.openmrs.module.dhis2sync.dhis2;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Creates the client of the API generation a connection asks for, or that its DHIS2's version calls for. */
public final class Dhis2Clients {

    private static final Logger log = LoggerFactory.getLogger(Dhis2Clients.class);

    /** The first version whose tracker API has the parameter names and reports this client uses. */
    static final int TRACKER_FROM_MAJOR = 2;
    static final int TRACKER_FROM_MINOR = 41;

    private Dhis2Clients() {
    }

    /**
     * The client for this connection. With {@code api=auto} this asks DHIS2 its version ({@code /api/system/info})
     * once, and so throws {@link Dhis2UnavailableException} when DHIS2 cannot be reached.
     */
    public static Dhis2Client create(Dhis2Connection connection) {
        Dhis2Http http = new Dhis2Http(connection);
        try {
            switch (connection.getApi()) {
                case LEGACY:
                    return new LegacyTrackerApi(http);
                case TRACKER:
                    return new TrackerApi(http);
                default:
                    SystemInfo info = BaseDhis2Client.readSystemInfo(http);
                    ApiGeneration generation = generationFor(info);
                    log.info("DHIS2 at {} is version {}: using the {} API", connection.getUrl(), info.getVersion(),
                            generation);
                    return generation == ApiGeneration.TRACKER ? new TrackerApi(http) : new LegacyTrackerApi(http, info);
            }
        } catch (RuntimeException e) {
            http.close();
            throw e;
        }
    }

    /** The generation for a DHIS2 version: the tracker API from 2.41, the deprecated one below. */
    public static ApiGeneration generationFor(SystemInfo info) {
        return info.isAtLeast(TRACKER_FROM_MAJOR, TRACKER_FROM_MINOR) ? ApiGeneration.TRACKER : ApiGeneration.LEGACY;
    }
}
