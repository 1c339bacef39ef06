package org.openmrs.module.dhis2sync.web.dto;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;

/** Body of {@code POST org-units}. */
public final class OrgUnitRequest {

    private final String locationUuid;
    private final String orgUnitUid;

    @JsonCreator
    public OrgUnitRequest(@JsonProperty("locationUuid") String locationUuid,
            @JsonProperty("orgUnitUid") String orgUnitUid) {
        this.locationUuid = locationUuid;
        this.orgUnitUid = orgUnitUid;
    }

    public String getLocationUuid() {
        return locationUuid;
    }

    public String getOrgUnitUid() {
        return orgUnitUid;
    }
}
