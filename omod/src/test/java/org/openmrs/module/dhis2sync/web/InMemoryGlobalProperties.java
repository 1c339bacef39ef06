package org.openmrs.module.dhis2sync.web;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.openmrs.GlobalProperty;
import org.openmrs.api.AdministrationService;

/**
 * OpenMRS's global properties in a map, under the real settings store: the settings (and the encrypted secret)
 * behave as in production.
 */
public final class InMemoryGlobalProperties implements AdministrationService {

    private final Map<String, String> values = new ConcurrentHashMap<>();

    @Override
    public String getGlobalProperty(String propertyName) {
        return values.get(propertyName);
    }

    @Override
    public GlobalProperty getGlobalPropertyObject(String propertyName) {
        String value = values.get(propertyName);
        return value == null ? null : new GlobalProperty(propertyName, value);
    }

    @Override
    public void setGlobalProperty(String propertyName, String propertyValue) {
        values.put(propertyName, propertyValue == null ? "" : propertyValue);
    }

    @Override
    public void updateGlobalProperty(String propertyName, String propertyValue) {
        setGlobalProperty(propertyName, propertyValue);
    }

    /** What is stored, as an administrator would see it in Advanced Settings. */
    public Map<String, String> stored() {
        return Map.copyOf(values);
    }

    @Override
    public void onStartup() {
    }

    @Override
    public void onShutdown() {
    }
}
