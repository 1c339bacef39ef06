package org.openmrs.module.dhis2sync.sync;

import org.openmrs.module.dhis2sync.mapping.MappingConfig;

/** What a run is asked to do: which mapping, by whom, why. */
public final class RunRequest {

    private final String mappingUuid;
    private final MappingConfig config;
    private final String user;
    private final String comment;
    private final RunJob job;

    public RunRequest(String mappingUuid, MappingConfig config, String user, String comment) {
        this(mappingUuid, config, user, comment, null);
    }

    /** @param job what the run does instead of a sync of the delta (null: a sync) */
    public RunRequest(String mappingUuid, MappingConfig config, String user, String comment, RunJob job) {
        this.mappingUuid = mappingUuid;
        this.config = config;
        this.user = user;
        this.comment = comment;
        this.job = job;
    }

    /** What the run does instead of a sync, or null for a sync. */
    public RunJob getJob() {
        return job;
    }

    /** SYNC, or the job's kind. */
    public String getKind() {
        return job == null ? "SYNC" : job.kind();
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
