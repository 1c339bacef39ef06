package org.openmrs.module.dhis2sync.health;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.List;

import org.openmrs.module.dhis2sync.mapping.FieldError;

/** The outcome of a mapping health check: every problem, each naming its field by JSON path. */
public final class HealthReport {

    private final List<FieldError> problems;
    private final Date checkedAt;

    public HealthReport(List<FieldError> problems, Date checkedAt) {
        this.problems = Collections.unmodifiableList(new ArrayList<>(problems));
        this.checkedAt = checkedAt;
    }

    public boolean isHealthy() {
        return problems.isEmpty();
    }

    public List<FieldError> getProblems() {
        return problems;
    }

    public Date getCheckedAt() {
        return checkedAt;
    }
}
