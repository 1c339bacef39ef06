package org.openmrs.module.dhis2sync.sync;

import java.util.Collections;
import java.util.HashMap;
import java.util.Map;

/**
 * OpenMRS location → DHIS2 org unit, through the installation's table, else the default org unit setting.
 * Loaded once per run: the table is small (one row per clinic location).
 */
public final class OrgUnitResolver {

    private final Map<String, String> orgUnitByLocationUuid;
    private final String defaultOrgUnit;

    public OrgUnitResolver(Map<String, String> orgUnitByLocationUuid, String defaultOrgUnit) {
        this.orgUnitByLocationUuid = Collections.unmodifiableMap(new HashMap<>(orgUnitByLocationUuid));
        this.defaultOrgUnit = defaultOrgUnit == null || defaultOrgUnit.trim().isEmpty() ? null : defaultOrgUnit.trim();
    }

    /** The org unit of the first location (in preference order) that is mapped, else the default, else null. */
    public String resolve(String... locationUuidsInPreferenceOrder) {
        for (String locationUuid : locationUuidsInPreferenceOrder) {
            if (locationUuid != null && orgUnitByLocationUuid.containsKey(locationUuid)) {
                return orgUnitByLocationUuid.get(locationUuid);
            }
        }
        return defaultOrgUnit;
    }

    /** The org unit the table maps the location to, without the default; null when unmapped. */
    public String mapped(String locationUuid) {
        return locationUuid == null ? null : orgUnitByLocationUuid.get(locationUuid);
    }

    /** The default org unit setting, or null. */
    public String defaultOrgUnit() {
        return defaultOrgUnit;
    }

    /** The per-record error for a record whose locations resolve to nothing. */
    public static String noOrgUnitMessage(String what, String locationUuid) {
        return "no DHIS2 org unit for " + what + (locationUuid == null ? " (no location)" : " at location " + locationUuid)
                + ": map the location in the org unit table or set dhis2sync.orgUnit.default";
    }
}
