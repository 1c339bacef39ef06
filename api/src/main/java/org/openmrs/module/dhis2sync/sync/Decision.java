package org.openmrs.module.dhis2sync.sync;

/** Whether a record creates a DHIS2 object, updates one, or takes one out of DHIS2. */
public enum Decision {
    NEW, UPDATE, DELETE
}
