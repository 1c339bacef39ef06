package org.openmrs.module.dhis2sync.tracking;

import java.util.Objects;

/**
 * The exact DHIS2 object a failure is about: the OpenMRS record of a category and, for events, the program stage
 * (one encounter feeds one event per stage it is selected by, and each of them goes through or fails on its own).
 */
public final class FailureKey {

    private final SyncCategory category;
    private final String openmrsUuid;
    private final String programStageUid;

    private FailureKey(SyncCategory category, String openmrsUuid, String programStageUid) {
        this.category = Objects.requireNonNull(category, "category");
        this.openmrsUuid = Objects.requireNonNull(openmrsUuid, "openmrsUuid");
        this.programStageUid = programStageUid == null || programStageUid.isEmpty() ? null : programStageUid;
    }

    /** A patient's tracked entity or a patient program's enrollment. */
    public static FailureKey of(SyncCategory category, String openmrsUuid) {
        return new FailureKey(category, openmrsUuid, null);
    }

    /** The event one encounter feeds in one program stage. */
    public static FailureKey event(String encounterUuid, String programStageUid) {
        return new FailureKey(SyncCategory.EVENT, encounterUuid, Objects.requireNonNull(programStageUid, "stage"));
    }

    public SyncCategory getCategory() {
        return category;
    }

    public String getOpenmrsUuid() {
        return openmrsUuid;
    }

    /** The stage of an event; null for tracked entities and enrollments. */
    public String getProgramStageUid() {
        return programStageUid;
    }

    @Override
    public boolean equals(Object other) {
        if (!(other instanceof FailureKey)) {
            return false;
        }
        FailureKey that = (FailureKey) other;
        return category == that.category && openmrsUuid.equals(that.openmrsUuid)
                && Objects.equals(programStageUid, that.programStageUid);
    }

    @Override
    public int hashCode() {
        return Objects.hash(category, openmrsUuid, programStageUid);
    }

    @Override
    public String toString() {
        return category + " " + openmrsUuid + (programStageUid == null ? "" : " stage " + programStageUid);
    }
}
