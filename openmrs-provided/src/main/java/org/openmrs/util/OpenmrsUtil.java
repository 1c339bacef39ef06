package org.openmrs.util;

/**
 * Declaration of OpenMRS core 2.5.x {@code org.openmrs.util.OpenmrsUtil} (compile only): only the application data
 * directory, which names an OpenMRS installation on its host.
 */
public class OpenmrsUtil {

    /** The directory holding the installation's runtime properties, modules and other data. */
    public static String getApplicationDataDirectory() {
        throw new UnsupportedOperationException("compile-only declaration: OpenMRS provides OpenmrsUtil at run time");
    }
}
