package org.openmrs.module.dhis2sync.health;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.openmrs.module.dhis2sync.mapping.FieldError;

/** A run stopped before sending anything: the mapping does not fit DHIS2's metadata. */
public class MappingBrokenException extends RuntimeException {

    private static final long serialVersionUID = 1L;
    private static final int LISTED = 10;

    private final transient List<FieldError> problems;

    public MappingBrokenException(String mappingName, List<FieldError> problems) {
        super(message(mappingName, problems));
        this.problems = Collections.unmodifiableList(new ArrayList<>(problems));
    }

    public List<FieldError> getProblems() {
        return problems;
    }

    private static String message(String mappingName, List<FieldError> problems) {
        StringBuilder text = new StringBuilder("The mapping '").append(mappingName)
                .append("' does not fit DHIS2's metadata (").append(problems.size())
                .append(problems.size() == 1 ? " problem" : " problems")
                .append("), so nothing was sent; correct it in the mapping editor (Check against DHIS2 shows each problem at its field): ");
        for (int i = 0; i < problems.size() && i < LISTED; i++) {
            text.append(i == 0 ? "" : "; ").append(problems.get(i));
        }
        if (problems.size() > LISTED) {
            text.append("; and ").append(problems.size() - LISTED).append(" more");
        }
        return text.toString();
    }
}
