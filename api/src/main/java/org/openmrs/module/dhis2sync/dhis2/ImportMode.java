package org.openmrs.module.dhis2sync.dhis2;

/**
 * Whether an import writes, or only validates. VALIDATE is always the tracker API's read-only
 * {@code importMode=VALIDATE}, whatever API the client speaks; never the deprecated API's {@code dryRun=true}, which
 * writes (see {@link Dhis2Client}).
 */
public enum ImportMode {
    COMMIT, VALIDATE
}
