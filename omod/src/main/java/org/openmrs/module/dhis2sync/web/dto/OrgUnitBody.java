package org.openmrs.module.dhis2sync.web.dto;

import org.openmrs.module.dhis2sync.tracking.OrgUnitMapping;

/** One row of the location → org unit table. */
public final class OrgUnitBody {

    private final String locationUuid;
    private final String locationName;
    private final String orgUnitUid;

    private OrgUnitBody(OrgUnitMapping row, String locationName) {
        this.locationUuid = row.getLocationUuid();
        this.locationName = locationName;
        this.orgUnitUid = row.getOrgUnitUid();
    }

    /** @param locationName null when the location is unknown (retired, or deleted) */
    public static OrgUnitBody of(OrgUnitMapping row, String locationName) {
        return new OrgUnitBody(row, locationName);
    }

    public String getLocationUuid() {
        return locationUuid;
    }

    public String getLocationName() {
        return locationName;
    }

    public String getOrgUnitUid() {
        return orgUnitUid;
    }
}
