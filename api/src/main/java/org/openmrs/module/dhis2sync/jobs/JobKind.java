package org.openmrs.module.dhis2sync.jobs;

/** What a background job does; one job of a kind per mapping at a time. See the package comment to add one. */
public enum JobKind {
    /** What a sync would send now, decided from the module's trackers; nothing is sent or written. */
    PREVIEW,
    /** DHIS2's validation-only verdict on everything a sync would send now; nothing is written anywhere. */
    CHECK
}
