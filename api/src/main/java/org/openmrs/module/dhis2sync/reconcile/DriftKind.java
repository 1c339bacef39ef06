package org.openmrs.module.dhis2sync.reconcile;

/** How DHIS2 departs from what OpenMRS says of a record. */
public enum DriftKind {
    /** The module sent it, but DHIS2 no longer holds it (deleted, lost in a restore) or does not let the user read it. */
    MISSING,
    /** DHIS2 holds it with other values than OpenMRS says now; each field named. */
    DIFFERENT,
    /**
     * DHIS2 holds it under a tracked entity or enrollment the module sent, but the module never sent it (e.g. an
     * event entered by hand in DHIS2). Reported only: the module never changes a record it did not send.
     */
    EXTRA
}
