package org.openmrs.module.dhis2sync.settings;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/** One or more settings are invalid; each problem names its field. Never carries a secret. */
public class InvalidSettingsException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final Map<SettingsField, String> problems;

    public InvalidSettingsException(String summary, Map<SettingsField, String> problems) {
        super(describe(summary, problems));
        this.problems = Collections.unmodifiableMap(new EnumMap<SettingsField, String>(problems));
    }

    /** @return the problem of each invalid field, in field order */
    public Map<SettingsField, String> getProblems() {
        return problems;
    }

    private static String describe(String summary, Map<SettingsField, String> problems) {
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("an InvalidSettingsException needs at least one problem");
        }
        StringBuilder message = new StringBuilder(summary).append(':');
        for (Map.Entry<SettingsField, String> problem : new EnumMap<SettingsField, String>(problems).entrySet()) {
            message.append(' ').append(problem.getKey().label()).append(' ').append(problem.getValue()).append(';');
        }
        message.setLength(message.length() - 1);
        return message.toString();
    }
}
