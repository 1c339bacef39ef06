package org.openmrs.module.dhis2sync.web.dto;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.openmrs.module.dhis2sync.health.HealthReport;
import org.openmrs.module.dhis2sync.mapping.FieldError;

/** Reply of the mapping health check: {healthy, checkedAt, problems [{field, message}]}. */
public final class HealthBody {

    private final String mappingUuid;
    private final boolean healthy;
    private final String checkedAt;
    private final List<ErrorBody.FieldMessage> problems = new ArrayList<>();

    private HealthBody(String mappingUuid, HealthReport report) {
        this.mappingUuid = mappingUuid;
        this.healthy = report.isHealthy();
        this.checkedAt = Iso.moment(report.getCheckedAt());
        for (FieldError problem : report.getProblems()) {
            problems.add(new ErrorBody.FieldMessage(problem.getField().isEmpty() ? null : problem.getField(),
                    problem.getMessage()));
        }
    }

    /** @param mappingUuid null for an unsaved mapping */
    public static HealthBody of(String mappingUuid, HealthReport report) {
        return new HealthBody(mappingUuid, report);
    }

    public String getMappingUuid() {
        return mappingUuid;
    }

    public boolean isHealthy() {
        return healthy;
    }

    public String getCheckedAt() {
        return checkedAt;
    }

    public List<ErrorBody.FieldMessage> getProblems() {
        return Collections.unmodifiableList(problems);
    }
}
