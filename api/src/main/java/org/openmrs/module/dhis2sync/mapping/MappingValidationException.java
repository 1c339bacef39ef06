package org.openmrs.module.dhis2sync.mapping;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** A mapping that cannot be used, with every problem found, each naming its field. */
public class MappingValidationException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final List<FieldError> errors;

    public MappingValidationException(List<FieldError> errors) {
        super(describe(errors));
        this.errors = Collections.unmodifiableList(new ArrayList<FieldError>(errors));
    }

    private static String describe(List<FieldError> errors) {
        StringBuilder text = new StringBuilder("invalid mapping (").append(errors.size())
                .append(errors.size() == 1 ? " error)" : " errors)");
        for (FieldError error : errors) {
            text.append("\n - ").append(error);
        }
        return text.toString();
    }

    public List<FieldError> getErrors() {
        return errors;
    }
}
