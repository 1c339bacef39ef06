package org.openmrs.api;

import org.openmrs.GlobalProperty;

/**
 * Declaration of OpenMRS core 2.5.x {@code org.openmrs.api.AdministrationService} (compile only): the global
 * property methods the module calls.
 */
public interface AdministrationService extends OpenmrsService {

    /** @return the value of the global property, or null when there is no such property (no authorization check) */
    public String getGlobalProperty(String propertyName);

    /** @return the global property, or null when there is none */
    public GlobalProperty getGlobalPropertyObject(String propertyName);

    /** Creates or overwrites the global property (saves through {@code saveGlobalProperty}: "Manage Global Properties"). */
    public void setGlobalProperty(String propertyName, String propertyValue);

    /**
     * Overwrites the value of an existing global property (no authorization check).
     *
     * @throws IllegalStateException when the global property does not exist
     */
    public void updateGlobalProperty(String propertyName, String propertyValue);
}
