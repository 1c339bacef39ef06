package org.openmrs.module.dhis2sync.source.openmrs;

/**
 * Reads the form name out of {@code obs.form_namespace_and_path} as Bahmni's form builder (forms 2.0) writes it:
 * {@code Bahmni^<form name>.<version>/<field path>}, e.g. {@code Bahmni^HIV Intake.3/12-0} is the form
 * {@code HIV Intake}.
 */
final class BahmniFormPath {

    static final String NAMESPACE = "Bahmni";

    private BahmniFormPath() {
    }

    /** The form name without its version, or null when the obs was not entered through a Bahmni form. */
    static String formName(String formNamespaceAndPath) {
        if (formNamespaceAndPath == null) {
            return null;
        }
        int caret = formNamespaceAndPath.indexOf('^');
        if (caret < 0 || !NAMESPACE.equals(formNamespaceAndPath.substring(0, caret))) {
            return null;
        }
        String path = formNamespaceAndPath.substring(caret + 1);
        int slash = path.indexOf('/');
        String nameAndVersion = slash < 0 ? path : path.substring(0, slash);
        // the version follows the last dot: a form name may itself hold dots
        int dot = nameAndVersion.lastIndexOf('.');
        String name = dot < 0 ? nameAndVersion : nameAndVersion.substring(0, dot);
        return name.isEmpty() ? null : name;
    }

    /** The start every path of that form has, for a SQL LIKE prefix: {@code Bahmni^<form name>.} */
    static String prefixOf(String formName) {
        return NAMESPACE + "^" + formName + ".";
    }
}
