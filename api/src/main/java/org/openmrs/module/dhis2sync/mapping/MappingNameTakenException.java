package org.openmrs.module.dhis2sync.mapping;

/** Another mapping already has that name: names identify mappings in logs, exports and imports. */
public class MappingNameTakenException extends RuntimeException {

    private final String name;

    public MappingNameTakenException(String name) {
        super("a mapping named '" + name + "' already exists; choose another name or edit that mapping");
        this.name = name;
    }

    public String getName() {
        return name;
    }
}
