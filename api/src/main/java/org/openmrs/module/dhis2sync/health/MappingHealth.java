package org.openmrs.module.dhis2sync.health;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import org.openmrs.module.dhis2sync.dhis2.Dhis2Client;
import org.openmrs.module.dhis2sync.mapping.FieldError;
import org.openmrs.module.dhis2sync.mapping.MappingConfig;
import org.openmrs.module.dhis2sync.metadata.MappingMetadata;
import org.openmrs.module.dhis2sync.metadata.MappingMetadataReader;
import org.openmrs.module.dhis2sync.sync.RunPreCheck;
import org.openmrs.module.dhis2sync.sync.RunRequest;
import org.openmrs.module.dhis2sync.sync.RunSettings;
import org.openmrs.module.dhis2sync.sync.TrackerStore;

/**
 * The mapping health check as a whole: reads DHIS2's metadata once (program, option sets, org units, the user's
 * capture org units) and OpenMRS's concepts, then {@link MappingHealthCheck}. As a {@link RunPreCheck} it stops a
 * run whose mapping is broken before anything is read or sent.
 */
public final class MappingHealth implements RunPreCheck {

    private final MappingMetadataReader reader;
    private final TrackerStore store;
    private final Supplier<Date> clock;
    private final MappingHealthCheck check = new MappingHealthCheck();

    /** @param store where the installation's location → org unit table is read, fresh for each check */
    public MappingHealth(MappingMetadataReader reader, TrackerStore store, Supplier<Date> clock) {
        this.reader = reader;
        this.store = store;
        this.clock = clock;
    }

    /** @param defaultOrgUnit the settings' default org unit, or null */
    public HealthReport check(MappingConfig config, Dhis2Client client, String defaultOrgUnit) {
        Map<String, String> table = store.orgUnitByLocation();
        Set<String> orgUnits = new LinkedHashSet<>(table.values());
        if (defaultOrgUnit != null && !defaultOrgUnit.isEmpty()) {
            orgUnits.add(defaultOrgUnit);
        }
        MappingMetadata metadata = reader.read(Collections.singletonList(config), new ArrayList<>(orgUnits), client,
                true);
        List<FieldError> problems = check.check(config, metadata, table, defaultOrgUnit);
        return new HealthReport(problems, clock.get());
    }

    @Override
    public void check(RunRequest request, Dhis2Client client, RunSettings settings) {
        HealthReport report = check(request.getConfig(), client, settings.getDefaultOrgUnit());
        if (!report.isHealthy()) {
            throw new MappingBrokenException(request.getMappingName(), report.getProblems());
        }
    }
}
