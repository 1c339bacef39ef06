package org.openmrs.module.dhis2sync.mapping;

import java.util.Objects;

/**
 * The outcome of converting one obs value for DHIS2: a value to send, nothing to send (a TRUE_ONLY data
 * element given "false", an empty obs), or an error that fails this record only, with a message naming the
 * concept.
 */
public final class Converted {

    private enum Outcome { VALUE, LEFT_OUT, ERROR }

    private static final Converted LEFT_OUT = new Converted(Outcome.LEFT_OUT, null);

    private final Outcome outcome;
    private final String text;

    private Converted(Outcome outcome, String text) {
        this.outcome = outcome;
        this.text = text;
    }

    public static Converted value(String value) {
        return new Converted(Outcome.VALUE, Objects.requireNonNull(value, "value"));
    }

    public static Converted leftOut() {
        return LEFT_OUT;
    }

    public static Converted error(String message) {
        return new Converted(Outcome.ERROR, Objects.requireNonNull(message, "message"));
    }

    public boolean isValue() {
        return outcome == Outcome.VALUE;
    }

    public boolean isLeftOut() {
        return outcome == Outcome.LEFT_OUT;
    }

    public boolean isError() {
        return outcome == Outcome.ERROR;
    }

    /**
     * @throws IllegalStateException when this is not a value
     */
    public String getValue() {
        if (outcome != Outcome.VALUE) {
            throw new IllegalStateException("no value: " + this);
        }
        return text;
    }

    /**
     * @throws IllegalStateException when this is not an error
     */
    public String getError() {
        if (outcome != Outcome.ERROR) {
            throw new IllegalStateException("no error: " + this);
        }
        return text;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof Converted)) {
            return false;
        }
        Converted that = (Converted) o;
        return outcome == that.outcome && Objects.equals(text, that.text);
    }

    @Override
    public int hashCode() {
        return Objects.hash(outcome, text);
    }

    @Override
    public String toString() {
        switch (outcome) {
            case VALUE:
                return "value " + text;
            case ERROR:
                return "error " + text;
            default:
                return "left out";
        }
    }
}
