package org.openmrs.module.dhis2sync.dhis2;

/** The two generations of DHIS2's tracker web API. */
public enum ApiGeneration {
    /** {@code /api/trackedEntityInstances}, {@code /api/enrollments}, {@code /api/events}: DHIS2 2.30 to 2.41, gone in 2.42. */
    LEGACY,
    /** {@code /api/tracker}: used from DHIS2 2.41 on (2.41 renamed its parameters; older shapes are not supported). */
    TRACKER
}
