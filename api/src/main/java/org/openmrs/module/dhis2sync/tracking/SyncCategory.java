package org.openmrs.module.dhis2sync.tracking;

/** The three kinds of records a mapping syncs; markers and failed records are kept per category. */
public enum SyncCategory {
    INSTANCE,
    ENROLLMENT,
    EVENT
}
