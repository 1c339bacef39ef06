package org.openmrs.module.dhis2sync.web;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.openmrs.module.dhis2sync.settings.GlobalPropertyStore;

/**
 * The module's global properties in a map, under the real settings store: the settings (and the encrypted secret)
 * behave as in production.
 */
public final class InMemoryGlobalProperties implements GlobalPropertyStore {

    private final Map<String, String> values = new ConcurrentHashMap<>();

    @Override
    public String get(String name) {
        return values.get(name);
    }

    @Override
    public void put(String name, String value) {
        values.put(name, value == null ? "" : value);
    }

    /** What is stored, as an administrator would see it in Advanced Settings. */
    public Map<String, String> stored() {
        return Map.copyOf(values);
    }
}
