package org.openmrs.module.dhis2sync.web.dto;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;

/** Body of {@code POST sync}: the mapping (null for every active one) and why. */
public final class SyncRequest {

    private final String mappingUuid;
    private final String comment;

    @JsonCreator
    public SyncRequest(@JsonProperty("mappingUuid") String mappingUuid, @JsonProperty("comment") String comment) {
        this.mappingUuid = mappingUuid;
        this.comment = comment;
    }

    public String getMappingUuid() {
        return mappingUuid;
    }

    public String getComment() {
        return comment;
    }
}
