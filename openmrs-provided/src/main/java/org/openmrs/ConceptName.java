package org.openmrs;

import java.util.Locale;

/** Declaration of OpenMRS core 2.5.x {@code org.openmrs.ConceptName} (compile only). */
public class ConceptName extends BaseOpenmrsObject {

    private String name;
    private Locale locale;

    public ConceptName() {
    }

    public ConceptName(String name, Locale locale) {
        this.name = name;
        this.locale = locale;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public Locale getLocale() {
        return locale;
    }

    public void setLocale(Locale locale) {
        this.locale = locale;
    }
}
