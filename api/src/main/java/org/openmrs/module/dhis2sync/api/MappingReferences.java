package org.openmrs.module.dhis2sync.api;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.openmrs.module.dhis2sync.dhis2.Dhis2Client;
import org.openmrs.module.dhis2sync.health.HealthReport;
import org.openmrs.module.dhis2sync.health.MappingHealth;
import org.openmrs.module.dhis2sync.mapping.Mapping;
import org.openmrs.module.dhis2sync.mapping.MappingConfig;
import org.openmrs.module.dhis2sync.names.MappingNames;
import org.openmrs.module.dhis2sync.names.MappingNamesReader;
import org.openmrs.module.dhis2sync.settings.SettingsStore;
import org.openmrs.module.dhis2sync.tracking.OrgUnitMapping;
import org.openmrs.module.dhis2sync.tracking.OrgUnitMappingDao;

/**
 * What the mappings refer to in OpenMRS and DHIS2 (with the installation's org unit table and default org unit):
 * named for the pages that show them, checked against DHIS2's live metadata.
 */
public class MappingReferences {

    private final MappingRequests mappings;
    private final OrgUnitMappingDao orgUnits;
    private final SettingsStore settingsStore;
    private final MappingNamesReader names;
    private final MappingHealth health;
    private final Supplier<Dhis2Client> clients;

    /** @param clients a new DHIS2 client for each request (the settings may have changed) */
    public MappingReferences(MappingRequests mappings, OrgUnitMappingDao orgUnits, SettingsStore settingsStore,
            MappingNamesReader names, MappingHealth health, Supplier<Dhis2Client> clients) {
        this.mappings = mappings;
        this.orgUnits = orgUnits;
        this.settingsStore = settingsStore;
        this.names = names;
        this.health = health;
        this.clients = clients;
    }

    /** @param mappingUuids the mappings to name; null or empty for every unretired one */
    public MappingNames names(List<String> mappingUuids) {
        Map<String, MappingConfig> configs = new LinkedHashMap<>();
        if (mappingUuids == null || mappingUuids.isEmpty()) {
            for (Mapping mapping : mappings.all(false)) {
                configs.put(mapping.getUuid(), mappings.configOf(mapping));
            }
        } else {
            for (String uuid : new LinkedHashSet<>(mappingUuids)) {
                configs.put(uuid, mappings.config(uuid));
            }
        }
        Map<String, String> table = new LinkedHashMap<>();
        for (OrgUnitMapping row : orgUnits.findAll()) {
            table.put(row.getLocationUuid(), row.getOrgUnitUid());
        }
        return names.read(configs, table, settingsStore.read().getDefaultOrgUnitUid(), clients);
    }

    public HealthReport checkHealth(String mappingUuid) {
        return checkHealth(mappings.config(mappingUuid));
    }

    /** The mapping (saved or not) against DHIS2's live metadata and OpenMRS's, with the default org unit. */
    public HealthReport checkHealth(MappingConfig config) {
        if (config == null) {
            throw new IllegalArgumentException("a mapping is required");
        }
        String defaultOrgUnit = settingsStore.read().getDefaultOrgUnitUid();
        try (Dhis2Client client = clients.get()) {
            return health.check(config, client, defaultOrgUnit);
        }
    }
}
