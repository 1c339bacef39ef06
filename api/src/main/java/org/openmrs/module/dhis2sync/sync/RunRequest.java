package org.openmrs.module.dhis2sync.sync;

import org.openmrs.module.dhis2sync.mapping.MappingConfig;

/** What a run is asked to do: which mapping, by whom, why. */
public final class RunRequest {

    private final String mappingUuid;
    private final MappingConfig config;
    private final String user;
    private final String comment;

    public RunRequest(String mappingUuid, MappingConfig config, String user, String comment) {
        this.mappingUuid = mappingUuid;
        this.config = config;
        this.user = user;
        this.comment = comment;
    }

    public String getMappingUuid() {
        return mappingUuid;
    }

    public MappingConfig getConfig() {
        return config;
    }

    public String getMappingName() {
        return config.getName();
    }

    public String getUser() {
        return user;
    }

    public String getComment() {
        return comment;
    }
}
