package org.openmrs.module.dhis2sync.web.dto;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;

/** Body of {@code POST failures/retry}: the mapping whose failures to retry, null for all. */
public final class RetryRequest {

    private final String mappingUuid;

    @JsonCreator
    public RetryRequest(@JsonProperty("mappingUuid") String mappingUuid) {
        this.mappingUuid = mappingUuid;
    }

    public String getMappingUuid() {
        return mappingUuid;
    }
}
