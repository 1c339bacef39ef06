package org.openmrs.module.dhis2sync.api;

/** What "Test connection" found: whether DHIS2 answered, its version, the API the module will use, the user. */
public final class ConnectionTest {

    private final boolean reachable;
    private final String version;
    private final String apiGeneration;
    private final String user;
    private final String message;
    private final String completionDateNotice;

    public ConnectionTest(boolean reachable, String version, String apiGeneration, String user, String message) {
        this(reachable, version, apiGeneration, user, message, null);
    }

    public ConnectionTest(boolean reachable, String version, String apiGeneration, String user, String message,
            String completionDateNotice) {
        this.reachable = reachable;
        this.version = version;
        this.apiGeneration = apiGeneration;
        this.user = user;
        this.message = message;
        this.completionDateNotice = completionDateNotice;
    }

    public boolean isReachable() {
        return reachable;
    }

    public String getVersion() {
        return version;
    }

    /** LEGACY or TRACKER. */
    public String getApiGeneration() {
        return apiGeneration;
    }

    /** The DHIS2 user the module authenticated as. */
    public String getUser() {
        return user;
    }

    /** What went wrong, in words an implementer can act on; null when all is well. */
    public String getMessage() {
        return message;
    }

    /**
     * Set when this DHIS2, through the API in use, stores the sync time instead of an enrollment's completion date
     * (the tracker API of 2.41): see {@link org.openmrs.module.dhis2sync.dhis2.CompletionDates}; else null.
     */
    public String getCompletionDateNotice() {
        return completionDateNotice;
    }
}
