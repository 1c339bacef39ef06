package org.openmrs.module.dhis2sync.web;

import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

import org.openmrs.module.dhis2sync.api.Dhis2SyncPrivileges;
import org.openmrs.module.dhis2sync.api.Dhis2SyncService;
import org.openmrs.module.dhis2sync.names.RecordNames;
import org.openmrs.module.dhis2sync.tracking.SyncCategory;

/**
 * Collects the records a reply lists (by category) and names them all in one call, when the user may read patients
 * ("Get Patients"); without that privilege the reply carries uuids only.
 */
final class RecordNaming {

    private final Dhis2SyncService service;
    private final RequestAuthorization authorization;
    private final Map<SyncCategory, Set<String>> uuids = new EnumMap<>(SyncCategory.class);

    RecordNaming(Dhis2SyncService service, RequestAuthorization authorization) {
        this.service = service;
        this.authorization = authorization;
        for (SyncCategory category : SyncCategory.values()) {
            uuids.put(category, new LinkedHashSet<String>());
        }
    }

    RecordNaming add(SyncCategory category, String openmrsUuid) {
        if (category != null && openmrsUuid != null) {
            uuids.get(category).add(openmrsUuid);
        }
        return this;
    }

    /** @return the names, or null when the user may not read patients or nothing was added */
    RecordNames names() {
        if (!authorization.hasPrivilege(Dhis2SyncPrivileges.GET_PATIENTS)) {
            return null;
        }
        int count = 0;
        for (Set<String> each : uuids.values()) {
            count += each.size();
        }
        if (count == 0) {
            return null;
        }
        return service.getRecordNames(uuids.get(SyncCategory.INSTANCE), uuids.get(SyncCategory.ENROLLMENT),
                uuids.get(SyncCategory.EVENT));
    }
}
