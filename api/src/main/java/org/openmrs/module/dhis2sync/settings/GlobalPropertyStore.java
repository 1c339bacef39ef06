package org.openmrs.module.dhis2sync.settings;

/**
 * The module's own OpenMRS global properties (names starting {@value #PREFIX}): where its settings live. Reading
 * and writing them asks for no OpenMRS global-property privilege; the module's service checks its own settings
 * privilege before it calls.
 */
public interface GlobalPropertyStore {

    String PREFIX = "dhis2sync.";

    /** @return the stored value, or null when the property does not exist */
    String get(String name);

    /** Stores the value, creating the property when it does not exist. */
    void put(String name, String value);
}
