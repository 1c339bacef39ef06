package org.openmrs.module.dhis2sync.names;

/** A DHIS2 object as the page names it: its name, what it is, and for attributes and data elements their type. */
public final class Dhis2Name {

    private final String name;
    private final String kind;
    private final String valueType;
    private final String optionSetUid;

    /** @param kind program, programStage, trackedEntityAttribute, dataElement or orgUnit */
    public Dhis2Name(String name, String kind, String valueType, String optionSetUid) {
        this.name = name;
        this.kind = kind;
        this.valueType = valueType;
        this.optionSetUid = optionSetUid;
    }

    public String getName() {
        return name;
    }

    public String getKind() {
        return kind;
    }

    public String getValueType() {
        return valueType;
    }

    public String getOptionSetUid() {
        return optionSetUid;
    }
}
