package org.openmrs.module.dhis2sync.dhis2;

/** The kinds of objects an import reports on. */
public enum ObjectType {
    TRACKED_ENTITY, ENROLLMENT, EVENT
}
