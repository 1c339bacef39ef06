package org.openmrs.util;

/**
 * Declaration of OpenMRS core 2.5.x {@code org.openmrs.util.Security} (compile only): encryption with the
 * installation's own key and init vector (runtime properties {@code encryption.key} / {@code encryption.vector}).
 * Deprecated in core since 2.4 but still present in 2.5.x.
 */
public class Security {

    private Security() {
    }

    @Deprecated
    public static String encrypt(String text) {
        throw notAvailable();
    }

    @Deprecated
    public static String decrypt(String text) {
        throw notAvailable();
    }

    private static UnsupportedOperationException notAvailable() {
        return new UnsupportedOperationException("compile-only declaration: OpenMRS provides Security at run time");
    }
}
