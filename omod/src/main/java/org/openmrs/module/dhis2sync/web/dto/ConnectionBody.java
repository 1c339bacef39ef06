package org.openmrs.module.dhis2sync.web.dto;

import org.openmrs.module.dhis2sync.api.ConnectionTest;

/** What "Test connection" found. */
public final class ConnectionBody {

    private final boolean reachable;
    private final String version;
    private final String apiGeneration;
    private final String user;
    private final String message;
    private final String completionDateNotice;

    private ConnectionBody(ConnectionTest test) {
        this.reachable = test.isReachable();
        this.version = test.getVersion();
        this.apiGeneration = test.getApiGeneration();
        this.user = test.getUser();
        this.message = test.getMessage();
        this.completionDateNotice = test.getCompletionDateNotice();
    }

    public static ConnectionBody of(ConnectionTest test) {
        return new ConnectionBody(test);
    }

    public boolean isReachable() {
        return reachable;
    }

    public String getVersion() {
        return version;
    }

    public String getApiGeneration() {
        return apiGeneration;
    }

    public String getUser() {
        return user;
    }

    public String getMessage() {
        return message;
    }

    /** Set when this DHIS2 keeps the sync time instead of an enrollment's completion date; else null. */
    public String getCompletionDateNotice() {
        return completionDateNotice;
    }
}
