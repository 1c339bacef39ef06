package org.openmrs.module.dhis2sync.source;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/** A concept as the mapping editor needs it: its datatype, its coded answers and, for a set, its members. */
public final class ConceptItem {

    private final String uuid;
    private final String name;
    private final String datatype;
    private final List<MetadataItem> answers;
    private final List<MetadataItem> setMembers;

    /** @param datatype OpenMRS's datatype name (Coded, Numeric, Text, Boolean, Date, N/A...) */
    public ConceptItem(String uuid, String name, String datatype, List<MetadataItem> answers,
            List<MetadataItem> setMembers) {
        this.uuid = Objects.requireNonNull(uuid, "uuid");
        this.name = name;
        this.datatype = datatype;
        this.answers = answers == null ? Collections.<MetadataItem>emptyList()
                : Collections.unmodifiableList(new ArrayList<>(answers));
        this.setMembers = setMembers == null ? Collections.<MetadataItem>emptyList()
                : Collections.unmodifiableList(new ArrayList<>(setMembers));
    }

    public String getUuid() {
        return uuid;
    }

    public String getName() {
        return name;
    }

    public String getDatatype() {
        return datatype;
    }

    public List<MetadataItem> getAnswers() {
        return answers;
    }

    public List<MetadataItem> getSetMembers() {
        return setMembers;
    }

    @Override
    public String toString() {
        return name + " (" + uuid + ", " + datatype + ")";
    }
}
