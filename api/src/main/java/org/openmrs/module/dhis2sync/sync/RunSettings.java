package org.openmrs.module.dhis2sync.sync;

/** The settings a run reads when it starts. */
public final class RunSettings {

    private final int batchSize;
    private final String defaultOrgUnit;

    public RunSettings(int batchSize, String defaultOrgUnit) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch size must be at least 1");
        }
        this.batchSize = batchSize;
        this.defaultOrgUnit = defaultOrgUnit;
    }

    public int getBatchSize() {
        return batchSize;
    }

    public String getDefaultOrgUnit() {
        return defaultOrgUnit;
    }
}
