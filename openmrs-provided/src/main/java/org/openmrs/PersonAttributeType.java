package org.openmrs;

/**
 * Declaration of OpenMRS core 2.5.x {@code org.openmrs.PersonAttributeType} (compile only): its format is a Java
 * class name, {@code org.openmrs.Concept} for a coded attribute.
 */
public class PersonAttributeType extends BaseChangeableOpenmrsMetadata {

    private String format;

    public PersonAttributeType() {
    }

    public String getFormat() {
        return format;
    }

    public void setFormat(String format) {
        this.format = format;
    }
}
