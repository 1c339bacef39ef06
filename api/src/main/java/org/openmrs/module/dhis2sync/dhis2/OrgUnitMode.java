package org.openmrs.module.dhis2sync.dhis2;

/** Org unit scope of a search ({@code orgUnitMode} in the tracker API, {@code ouMode} in the deprecated one). */
public enum OrgUnitMode {
    SELECTED(true), CHILDREN(true), DESCENDANTS(true), ACCESSIBLE(false), CAPTURE(false), ALL(false);

    private final boolean needsOrgUnit;

    OrgUnitMode(boolean needsOrgUnit) {
        this.needsOrgUnit = needsOrgUnit;
    }

    /** SELECTED, CHILDREN and DESCENDANTS start from a given org unit; the others ignore one. */
    public boolean needsOrgUnit() {
        return needsOrgUnit;
    }
}
