package org.openmrs.module.dhis2sync.dhis2;

/**
 * "Check with DHIS2" asked of a DHIS2 that cannot check records without writing them: one with only the deprecated
 * tracker API (below 2.41). Its only validation mode, {@code dryRun=true}, is not read-only: DHIS2 2.41.9.1's
 * {@code POST /api/trackedEntityInstances?dryRun=true} created the tracked entities it was asked to check (the
 * deprecated tracked entity and enrollment importers never read the flag; only the event importer does). The module
 * therefore refuses the check instead of sending it. Not a failure of DHIS2: nothing was sent, and a sync still works;
 * a REST layer answers it with 409 and {@link #getMessage()}.
 */
public class ValidationUnavailableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** The first DHIS2 version whose tracker API validates without writing ({@code importMode=VALIDATE}). */
    public static final String CHECK_AVAILABLE_FROM = "2.41";

    private final String dhis2Version;

    public ValidationUnavailableException(String dhis2Version) {
        super("this DHIS2 (version " + dhis2Version + ") cannot check records without writing them; the check is "
                + "available from DHIS2 " + CHECK_AVAILABLE_FROM);
        this.dhis2Version = dhis2Version;
    }

    /** The version DHIS2 reported in {@code /api/system/info}. */
    public String getDhis2Version() {
        return dhis2Version;
    }
}
