package org.openmrs.module.dhis2sync.dhis2;

import java.util.Locale;

/** Which DHIS2 tracker API the module talks to. */
public enum ApiChoice {

    /** Ask {@code /api/system/info}: the tracker API from DHIS2 2.41, the deprecated API below. */
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

    /** Reads the setting's value ({@code auto}, {@code legacy} or {@code tracker}, any case); empty means auto. */
    public static ApiChoice parse(String setting) {
        if (setting == null || setting.trim().isEmpty()) {
            return AUTO;
        }
        ApiChoice choice = fromText(setting);
        if (choice == null) {
            throw new IllegalArgumentException("api setting '" + setting + "' must be " + allTexts());
        }
        return choice;
    }

    public static String allTexts() {
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
