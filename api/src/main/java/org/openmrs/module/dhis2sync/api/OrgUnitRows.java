package org.openmrs.module.dhis2sync.api;

import java.util.List;

import org.openmrs.module.dhis2sync.dhis2.Uid;
import org.openmrs.module.dhis2sync.tracking.OrgUnitMapping;
import org.openmrs.module.dhis2sync.tracking.OrgUnitMappingDao;

/** The installation's location → org unit table, one row a location, as the service's requests edit it. */
public class OrgUnitRows {

    private final OrgUnitMappingDao orgUnits;

    public OrgUnitRows(OrgUnitMappingDao orgUnits) {
        this.orgUnits = orgUnits;
    }

    public List<OrgUnitMapping> all() {
        return orgUnits.findAll();
    }

    /** The location's row, new or changed. */
    public OrgUnitMapping save(String locationUuid, String orgUnitUid) {
        if (locationUuid == null || locationUuid.trim().isEmpty()) {
            throw new FieldException("locationUuid", "an OpenMRS location is required");
        }
        if (!Uid.isValid(orgUnitUid)) {
            throw new FieldException("orgUnitUid", "'" + orgUnitUid + "' is not a DHIS2 UID (11 letters and digits, a"
                    + " letter first)");
        }
        OrgUnitMapping row = orgUnits.findByLocationUuid(locationUuid.trim());
        if (row == null) {
            row = new OrgUnitMapping();
            row.setLocationUuid(locationUuid.trim());
        }
        row.setOrgUnitUid(orgUnitUid);
        return orgUnits.save(row);
    }

    public void delete(String locationUuid) {
        OrgUnitMapping row = orgUnits.findByLocationUuid(locationUuid);
        if (row == null) {
            throw new NotFoundException("org unit mapping for location", locationUuid);
        }
        orgUnits.delete(row);
    }
}
