package org.openmrs.module.dhis2sync.sync;

import java.util.Date;

import org.openmrs.module.dhis2sync.dhis2.ImportMode;
import org.openmrs.module.dhis2sync.mapping.MappingConfig;

/** What every step of one run needs to know: the mapping, the mode, the settings, and where to count. */
final class RunContext {

    private final String mappingUuid;
    private final MappingConfig config;
    private final RunMode mode;
    private final OrgUnitResolver orgUnits;
    private final int batchSize;
    private final RunTally tally;
    private final java.util.function.Supplier<Date> clock;
    private final CheckMemory checked;
    /** The tracked entities DHIS2 created in this run, at this run's request. */
    private final java.util.Set<String> createdInstances = new java.util.HashSet<>();

    RunContext(String mappingUuid, MappingConfig config, RunMode mode, OrgUnitResolver orgUnits, int batchSize,
            RunTally tally, java.util.function.Supplier<Date> clock) {
        this(mappingUuid, config, mode, orgUnits, batchSize, tally, clock, null);
    }

    /** @param checked what a check (VALIDATE) has accepted so far; null for other modes */
    RunContext(String mappingUuid, MappingConfig config, RunMode mode, OrgUnitResolver orgUnits, int batchSize,
            RunTally tally, java.util.function.Supplier<Date> clock, CheckMemory checked) {
        this.checked = checked;
        this.mappingUuid = mappingUuid;
        this.config = config;
        this.mode = mode;
        this.orgUnits = orgUnits;
        this.batchSize = batchSize;
        this.tally = tally;
        this.clock = clock;
    }

    /** Notes a tracked entity DHIS2 has just created at this run's request (a sync's, never a check's). */
    void instanceCreated(String instanceUid) {
        createdInstances.add(instanceUid);
    }

    /**
     * Whether DHIS2 created this tracked entity in this run, at its request: it holds no enrollment but those this
     * run sends, so there is nothing of DHIS2's to read for it.
     */
    boolean createdInThisRun(String instanceUid) {
        return createdInstances.contains(instanceUid);
    }

    String mappingUuid() {
        return mappingUuid;
    }

    MappingConfig config() {
        return config;
    }

    RunMode mode() {
        return mode;
    }

    ImportMode importMode() {
        return mode == RunMode.VALIDATE ? ImportMode.VALIDATE : ImportMode.COMMIT;
    }

    OrgUnitResolver orgUnits() {
        return orgUnits;
    }

    int batchSize() {
        return batchSize;
    }

    RunTally tally() {
        return tally;
    }

    /** What the check has accepted so far (VALIDATE only, else null). */
    CheckMemory checked() {
        return checked;
    }

    Date now() {
        return clock.get();
    }
}
