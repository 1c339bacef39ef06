package org.openmrs;

/**
 * Declaration of OpenMRS core 2.5.x {@code org.openmrs.BaseFormRecordableOpenmrsData} (compile only): the raw
 * {@code form_namespace_and_path} column, e.g. {@code Bahmni^HIV Intake.3/12-0}.
 */
public abstract class BaseFormRecordableOpenmrsData extends BaseChangeableOpenmrsData {

    private String formNamespaceAndPath;

    public String getFormNamespaceAndPath() {
        return formNamespaceAndPath;
    }

    public void setFormNamespaceAndPath(String formNamespaceAndPath) {
        this.formNamespaceAndPath = formNamespaceAndPath;
    }
}
