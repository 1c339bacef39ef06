package org.openmrs.module.dhis2sync.dhis2;

import java.util.Objects;

/** DHIS2's verdict on one object of an import, found by the object's UID. */
public final class ObjectResult {

    private final ObjectType type;
    private final String uid;
    private final Outcome outcome;
    private final String errorCode;
    private final String message;

    public ObjectResult(ObjectType type, String uid, Outcome outcome, String errorCode, String message) {
        this.type = Objects.requireNonNull(type, "type");
        this.uid = Objects.requireNonNull(uid, "uid");
        this.outcome = Objects.requireNonNull(outcome, "outcome");
        this.errorCode = errorCode;
        this.message = message;
    }

    public ObjectType getType() {
        return type;
    }

    public String getUid() {
        return uid;
    }

    public Outcome getOutcome() {
        return outcome;
    }

    /** DHIS2's error code (e.g. E1015) where the API gives one: the tracker API does, the deprecated one does not. */
    public String getErrorCode() {
        return errorCode;
    }

    /** DHIS2's own words, for people: never match on them, they change between versions. */
    public String getMessage() {
        return message;
    }

    public boolean isSuccess() {
        return outcome.isSuccess();
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof ObjectResult)) {
            return false;
        }
        ObjectResult that = (ObjectResult) o;
        return type == that.type && uid.equals(that.uid) && outcome == that.outcome
                && Objects.equals(errorCode, that.errorCode) && Objects.equals(message, that.message);
    }

    @Override
    public int hashCode() {
        return Objects.hash(type, uid, outcome, errorCode, message);
    }

    @Override
    public String toString() {
        return type + " " + uid + " " + outcome + (errorCode == null ? "" : " " + errorCode)
                + (message == null ? "" : ": " + message);
    }
}
