package org.openmrs.module.dhis2sync.source;

import java.util.Objects;

/** One OpenMRS metadata object as a picker shows it: program, encounter type, form, location, type of a field. */
public final class MetadataItem {

    private final String uuid;
    private final String name;
    private final String description;

    public MetadataItem(String uuid, String name, String description) {
        this.uuid = Objects.requireNonNull(uuid, "uuid");
        this.name = name;
        this.description = description;
    }

    public String getUuid() {
        return uuid;
    }

    public String getName() {
        return name;
    }

    /** Null when OpenMRS has none. */
    public String getDescription() {
        return description;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof MetadataItem)) {
            return false;
        }
        MetadataItem that = (MetadataItem) o;
        return uuid.equals(that.uuid) && Objects.equals(name, that.name) && Objects.equals(description, that.description);
    }

    @Override
    public int hashCode() {
        return Objects.hash(uuid, name, description);
    }

    @Override
    public String toString() {
        return name + " (" + uuid + ")";
    }
}
