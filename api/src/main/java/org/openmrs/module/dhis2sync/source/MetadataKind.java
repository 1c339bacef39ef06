package org.openmrs.module.dhis2sync.source;

import java.util.ArrayList;
import java.util.List;

/** The lists of OpenMRS metadata the mapping editor picks from, by the name the REST API gives them. */
public enum MetadataKind {
    PROGRAMS("programs"),
    ENCOUNTER_TYPES("encounterTypes"),
    FORMS("forms"),
    PERSON_ATTRIBUTE_TYPES("personAttributeTypes"),
    IDENTIFIER_TYPES("identifierTypes"),
    LOCATIONS("locations");

    private final String key;

    MetadataKind(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }

    /** @return the kind of that key, or null */
    public static MetadataKind fromKey(String key) {
        for (MetadataKind kind : values()) {
            if (kind.key.equals(key)) {
                return kind;
            }
        }
        return null;
    }

    public static List<String> keys() {
        List<String> keys = new ArrayList<>();
        for (MetadataKind kind : values()) {
            keys.add(kind.key);
        }
        return keys;
    }
}
