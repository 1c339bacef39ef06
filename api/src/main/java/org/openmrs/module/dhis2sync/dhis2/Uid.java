package org.openmrs.module.dhis2sync.dhis2;

import java.security.SecureRandom;
import java.util.regex.Pattern;

/**
 * DHIS2 UIDs: 11 characters, a letter first, then letters and digits. The module assigns the UID of every new
 * DHIS2 object itself, before sending it, so that a retry updates the object instead of duplicating it.
 */
public final class Uid {

    private static final String LETTERS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
    private static final String ALPHANUMERIC = LETTERS + "0123456789";
    private static final Pattern VALID = Pattern.compile("^[a-zA-Z][a-zA-Z0-9]{10}$");
    private static final SecureRandom RANDOM = new SecureRandom();

    private Uid() {
    }

    public static boolean isValid(String uid) {
        return uid != null && VALID.matcher(uid).matches();
    }

    public static String generate() {
        char[] uid = new char[11];
        uid[0] = LETTERS.charAt(RANDOM.nextInt(LETTERS.length()));
        for (int i = 1; i < uid.length; i++) {
            uid[i] = ALPHANUMERIC.charAt(RANDOM.nextInt(ALPHANUMERIC.length()));
        }
        return new String(uid);
    }
}
