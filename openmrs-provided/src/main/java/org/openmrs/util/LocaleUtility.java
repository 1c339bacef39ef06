package org.openmrs.util;

import java.util.List;
import java.util.Locale;

/**
 * Declaration of OpenMRS core 2.5.x {@code org.openmrs.util.LocaleUtility} (compile only): the two cache setters the
 * module's tests call so that the real {@code Concept#getName()} (which asks {@code LocaleUtility} for the locales in
 * order) works without an OpenMRS context when the tests run against the real OpenMRS ({@code -Popenmrs}). The
 * declared {@code Concept} picks its name without locales, so here there is nothing to set.
 */
public class LocaleUtility {

    public static void setDefaultLocaleCache(Locale defaultLocaleCache) {
        // nothing to cache: see the class comment
    }

    public static void setLocalesAllowedListCache(List<Locale> localesAllowedListCache) {
        // nothing to cache: see the class comment
    }
}
