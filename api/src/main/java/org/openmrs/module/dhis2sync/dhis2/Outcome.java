package org.openmrs.module.dhis2sync.dhis2;

/** What DHIS2 did with one object of an import. */
public enum Outcome {
    CREATED,
    UPDATED,
    /**
     * Written (or, when validating, found valid), but DHIS2 did not say whether it created or updated it: the tracker
     * API only reports per-type counts, so a batch that mixes both cannot tell them apart per object.
     */
    ACCEPTED,
    /** Deleted (softly: DHIS2 keeps the UID, which can never be used again). */
    DELETED,
    /** Not written, without an error of its own (DHIS2 skipped it or did not report on it). */
    IGNORED,
    /** Refused by DHIS2; the {@link ObjectResult} carries DHIS2's error code (tracker API) and message. */
    ERROR;

    public boolean isSuccess() {
        return this == CREATED || this == UPDATED || this == ACCEPTED || this == DELETED;
    }
}
