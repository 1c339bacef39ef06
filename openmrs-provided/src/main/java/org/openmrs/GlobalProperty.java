package org.openmrs;

/**
 * Declaration of OpenMRS core 2.5.x {@code org.openmrs.GlobalProperty} (compile only): a plain holder of the fields
 * the module reads. Core's class also extends {@code BaseOpenmrsObject} and implements its custom-datatype
 * interfaces, which the module never uses.
 */
public class GlobalProperty {

    private String property = "";

    private String propertyValue = "";

    public GlobalProperty() {
    }

    public GlobalProperty(String property) {
        this.property = property;
    }

    public GlobalProperty(String property, String value) {
        this(property);
        this.propertyValue = value;
    }

    public String getProperty() {
        return property;
    }

    public void setProperty(String property) {
        this.property = property;
    }

    public String getPropertyValue() {
        return propertyValue;
    }

    public void setPropertyValue(String propertyValue) {
        this.propertyValue = propertyValue;
    }
}
