package org.openmrs.module.dhis2sync.web.dto;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/** {@code {"error": {"message", "field", "errors"?}}}: every refusal of the REST API. */
public final class ErrorBody {

    private final Detail error;

    public ErrorBody(String message, String field, List<FieldMessage> errors) {
        this.error = new Detail(message, field, errors);
    }

    public ErrorBody(String message, String field) {
        this(message, field, null);
    }

    public Detail getError() {
        return error;
    }

    /** The error; {@code errors} lists every invalid field when there are several (a mapping, the settings). */
    public static final class Detail {
        private final String message;
        private final String field;
        private final List<FieldMessage> errors;

        Detail(String message, String field, List<FieldMessage> errors) {
            this.message = message;
            this.field = field;
            this.errors = errors == null ? null : Collections.unmodifiableList(new ArrayList<>(errors));
        }

        public String getMessage() {
            return message;
        }

        /** Null when the error concerns the whole request. */
        @JsonInclude(JsonInclude.Include.ALWAYS)
        public String getField() {
            return field;
        }

        @JsonInclude(JsonInclude.Include.NON_NULL)
        public List<FieldMessage> getErrors() {
            return errors;
        }
    }

    /** One invalid field. */
    public static final class FieldMessage {
        private final String field;
        private final String message;

        public FieldMessage(String field, String message) {
            this.field = field;
            this.message = message;
        }

        public String getField() {
            return field;
        }

        public String getMessage() {
            return message;
        }
    }
}
