package org.openmrs.module.dhis2sync.settings;

import org.openmrs.module.dhis2sync.dhis2.ApiChoice;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import org.openmrs.module.dhis2sync.dhis2.Uid;

/**
 * Checks and normalises setting values, collecting every problem (named by field) so that a form can show them
 * all at once. One instance per validation.
 */
final class SettingsRules {

    static final int MIN_BATCH_SIZE = 1;
    static final int MAX_BATCH_SIZE = 1000;
    static final int MIN_TIMEOUT_SECONDS = 1;
    static final int MAX_TIMEOUT_SECONDS = 600;

    private static final int MAX_ECHOED_LENGTH = 200;
    /** A user name or password in the URL's authority: {@code scheme://user:pass@host}. */
    private static final Pattern CREDENTIALS = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*://[^/?#]*@");

    private final Map<SettingsField, String> problems = new EnumMap<SettingsField, String>(SettingsField.class);

    /** @return the URL trimmed and without trailing slashes; "" means not configured */
    String url(String value) {
        if (value == null) {
            return required(SettingsField.URL, "");
        }
        String url = value.trim();
        while (url.endsWith("/")) {
            url = url.substring(0, url.length() - 1);
        }
        if (url.isEmpty()) {
            return url;
        }
        if (CREDENTIALS.matcher(url).find()) {
            // the value is not echoed: it holds a credential
            return problem(SettingsField.URL,
                "must not contain a user name or password: use the username and password settings", "");
        }
        // a URL with "@" anywhere is never echoed (it may be a mistyped credential); nor is a control character
        String shown = url.indexOf('@') >= 0 || hasControlCharacter(url) ? "(not shown)" : quoted(url);
        String expected = "must be an absolute http or https URL such as https://dhis2.example.org";
        URI uri;
        try {
            uri = new URI(url);
        }
        catch (URISyntaxException e) {
            return problem(SettingsField.URL, expected + ", was " + shown, "");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!uri.isAbsolute() || !(scheme.equals("http") || scheme.equals("https"))) {
            return problem(SettingsField.URL, expected + ", was " + shown, "");
        }
        if (Dhis2Origin.of(url) == null) {
            return problem(SettingsField.URL, "must name a host (letters, digits, '.', '-', '_') and at most a port,"
                + " was " + shown, "");
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
            return problem(SettingsField.URL, "must not have a query (?...) or fragment (#...), was " + shown, "");
        }
        return url;
    }

    String username(String value) {
        if (value == null) {
            return required(SettingsField.USERNAME, "");
        }
        String username = value.trim();
        if (hasControlCharacter(username)) {
            return problem(SettingsField.USERNAME, "must not contain line breaks or other control characters", username);
        }
        return username;
    }

    /** A new password or personal access token; never echoed. "" clears it. */
    String secret(String value) {
        if (value != null && hasControlCharacter(value)) {
            return problem(SettingsField.PASSWORD, "must not contain line breaks or other control characters", null);
        }
        return value;
    }

    ApiChoice api(String value) {
        if (value == null || value.trim().isEmpty()) {
            return required(SettingsField.API, ApiChoice.AUTO);
        }
        ApiChoice choice = ApiChoice.fromText(value);
        if (choice == null) {
            return problem(SettingsField.API, "must be one of " + ApiChoice.allTexts() + ", was " + quoted(value),
                ApiChoice.AUTO);
        }
        return choice;
    }

    ApiChoice api(ApiChoice value) {
        return value == null ? required(SettingsField.API, ApiChoice.AUTO) : value;
    }

    /** @return the UID trimmed; "" means no default org unit */
    String defaultOrgUnitUid(String value) {
        if (value == null) {
            return required(SettingsField.DEFAULT_ORG_UNIT, "");
        }
        String uid = value.trim();
        if (!uid.isEmpty() && !Uid.isValid(uid)) {
            return problem(SettingsField.DEFAULT_ORG_UNIT,
                "must be empty or a DHIS2 UID (11 letters or digits, starting with a letter), was " + quoted(uid), uid);
        }
        return uid;
    }

    int batchSize(String value) {
        return number(SettingsField.BATCH_SIZE, value, MIN_BATCH_SIZE, MAX_BATCH_SIZE);
    }

    int timeoutSeconds(String value) {
        return number(SettingsField.TIMEOUT_SECONDS, value, MIN_TIMEOUT_SECONDS, MAX_TIMEOUT_SECONDS);
    }

    void failIfAny(String summary) {
        if (!problems.isEmpty()) {
            throw new InvalidSettingsException(summary, problems);
        }
    }

    private int number(SettingsField field, String value, int min, int max) {
        if (value == null || value.trim().isEmpty()) {
            return required(field, min);
        }
        String range = "must be a whole number from " + min + " to " + max;
        int number;
        try {
            number = Integer.parseInt(value.trim());
        }
        catch (NumberFormatException e) {
            return problem(field, range + ", was " + quoted(value), min);
        }
        if (number < min || number > max) {
            return problem(field, range + ", was " + number, min);
        }
        return number;
    }

    private <T> T required(SettingsField field, T placeholder) {
        return problem(field, "is required", placeholder);
    }

    /** Records the problem; the placeholder lets validation go on to the other fields. */
    private <T> T problem(SettingsField field, String problem, T placeholder) {
        problems.put(field, problem);
        return placeholder;
    }

    private static boolean hasControlCharacter(String value) {
        for (int i = 0; i < value.length(); i++) {
            if (Character.isISOControl(value.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    private static String quoted(String value) {
        String shown = value.length() > MAX_ECHOED_LENGTH ? value.substring(0, MAX_ECHOED_LENGTH) + "..." : value;
        return "'" + shown + "'";
    }
}
