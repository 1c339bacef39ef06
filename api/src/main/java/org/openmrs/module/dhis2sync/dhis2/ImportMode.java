package org.openmrs.module.dhis2sync.dhis2;

/** Whether an import writes, or only validates (tracker API {@code importMode=VALIDATE}, deprecated {@code dryRun=true}). */
public enum ImportMode {
    COMMIT, VALIDATE
}
