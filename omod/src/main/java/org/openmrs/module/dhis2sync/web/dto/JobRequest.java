package org.openmrs.module.dhis2sync.web.dto;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;

/** Body of {@code POST jobs}: what to do (PREVIEW, CHECK), of which mapping, and why (optional). */
public final class JobRequest {

    private final String kind;
    private final String mappingUuid;
    private final String reason;

    @JsonCreator
    public JobRequest(@JsonProperty("kind") String kind, @JsonProperty("mappingUuid") String mappingUuid,
            @JsonProperty("reason") String reason) {
        this.kind = kind;
        this.mappingUuid = mappingUuid;
        this.reason = reason;
    }

    public String getKind() {
        return kind;
    }

    public String getMappingUuid() {
        return mappingUuid;
    }

    public String getReason() {
        return reason;
    }
}
