package org.openmrs.module.dhis2sync.testsupport;

import java.util.Collections;
import java.util.Locale;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openmrs.util.LocaleUtility;

/**
 * For tests that build OpenMRS concepts and read their names: against the real OpenMRS ({@code -Popenmrs}),
 * {@code Concept#getName()} asks {@code LocaleUtility} for the locales in order, which would ask OpenMRS's
 * AdministrationService; this sets its caches to English (as an installation with the defaults has them) and clears
 * them after the class.
 */
public final class EnglishLocales implements BeforeAllCallback, AfterAllCallback {

    @Override
    public void beforeAll(ExtensionContext context) {
        LocaleUtility.setDefaultLocaleCache(Locale.ENGLISH);
        LocaleUtility.setLocalesAllowedListCache(Collections.singletonList(Locale.ENGLISH));
    }

    @Override
    public void afterAll(ExtensionContext context) {
        LocaleUtility.setDefaultLocaleCache(null);
        LocaleUtility.setLocalesAllowedListCache(null);
    }
}
