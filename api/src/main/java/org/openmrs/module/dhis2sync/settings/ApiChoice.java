package org.openmrs.module.dhis2sync.settings;

import java.util.Locale;

/** Which DHIS2 tracker API the module talks to. */
public enum ApiChoice {

    /** Ask DHIS2 its version and use the API it supports best (the DHIS2 client decides). */
    AUTO,
    /** {@code /api/trackedEntityInstances}, {@code /api/enrollments}, {@code /api/events}. */
    LEGACY,
    /** {@code /api/tracker}. */
    TRACKER;

    /** The value as stored and exchanged: lower case. */
    public String text() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * @return the choice named by {@code text}, ignoring case and surrounding blanks, or null when it names none
     */
    public static ApiChoice fromText(String text) {
        if (text == null) {
            return null;
        }
        String wanted = text.trim();
        for (ApiChoice choice : values()) {
            if (choice.text().equalsIgnoreCase(wanted)) {
                return choice;
            }
        }
        return null;
    }

    static String allTexts() {
        StringBuilder texts = new StringBuilder();
        for (ApiChoice choice : values()) {
            if (texts.length() > 0) {
                texts.append(", ");
            }
            texts.append(choice.text());
        }
        return texts.toString();
    }
}
