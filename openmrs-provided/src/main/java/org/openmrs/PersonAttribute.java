package org.openmrs;

/**
 * Declaration of OpenMRS core 2.5.x {@code org.openmrs.PersonAttribute} (compile only): the value as stored (for a
 * coded attribute, the answer concept's id).
 */
public class PersonAttribute extends BaseChangeableOpenmrsData {

    private PersonAttributeType attributeType;
    private String value;

    public PersonAttribute() {
    }

    public PersonAttribute(PersonAttributeType type, String value) {
        this.attributeType = type;
        this.value = value;
    }

    public PersonAttributeType getAttributeType() {
        return attributeType;
    }

    public void setAttributeType(PersonAttributeType attributeType) {
        this.attributeType = attributeType;
    }

    public String getValue() {
        return value;
    }

    public void setValue(String value) {
        this.value = value;
    }
}
