package org.openmrs.module.dhis2sync.api;

/**
 * User text (a mapping's name, a reason, a comment) made safe for one log line: line breaks and other control
 * characters are written as escapes, so that the text cannot end its line and forge the next one, and it is cut at
 * {@value #MAX_LENGTH} characters.
 */
public final class LogText {

    static final int MAX_LENGTH = 300;

    private LogText() {
    }

    /** @return the text with control characters escaped ({@code \n}, {@code \r}, {@code \t}, else {@code \}{@code uXXXX}); null as "null" */
    public static String of(String text) {
        if (text == null) {
            return "null";
        }
        StringBuilder safe = new StringBuilder(Math.min(text.length(), MAX_LENGTH) + 16);
        for (int i = 0; i < text.length() && i < MAX_LENGTH; i++) {
            char c = text.charAt(i);
            if (c == '\n') {
                safe.append("\\n");
            } else if (c == '\r') {
                safe.append("\\r");
            } else if (c == '\t') {
                safe.append("\\t");
            } else if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029') {
                safe.append(String.format("\\u%04x", (int) c));
            } else {
                safe.append(c);
            }
        }
        if (text.length() > MAX_LENGTH) {
            safe.append("...");
        }
        return safe.toString();
    }
}
