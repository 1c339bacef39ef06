package org.openmrs.module.dhis2sync.sync;

/** Whether a record creates a DHIS2 object or updates one. */
public enum Decision {
    NEW, UPDATE
}
