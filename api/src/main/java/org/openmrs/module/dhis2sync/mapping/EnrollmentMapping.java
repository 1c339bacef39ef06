package org.openmrs.module.dhis2sync.mapping;

import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * How OpenMRS enrollments become DHIS2 enrollments. The one question (seed design, appendix): when the
 * patient's latest DHIS2 enrollment is completed, is it reopened (programs enrolled in once in a lifetime, e.g.
 * HIV) or is a new enrollment created (programs enrolled in repeatedly, e.g. pregnancy)?
 */
public final class EnrollmentMapping {

    /** Boxed so that a mapping that never answered the question is told apart from "no". */
    private final Boolean openLatestCompletedEnrollment;

    @JsonCreator
    public EnrollmentMapping(@JsonProperty("openLatestCompletedEnrollment") Boolean openLatestCompletedEnrollment) {
        this.openLatestCompletedEnrollment = openLatestCompletedEnrollment;
    }

    public EnrollmentMapping(boolean openLatestCompletedEnrollment) {
        this(Boolean.valueOf(openLatestCompletedEnrollment));
    }

    /** The answer; false when unanswered, which {@link MappingValidator} refuses. */
    @JsonIgnore
    public boolean isOpenLatestCompletedEnrollment() {
        return Boolean.TRUE.equals(openLatestCompletedEnrollment);
    }

    @JsonIgnore
    boolean isAnswered() {
        return openLatestCompletedEnrollment != null;
    }

    @JsonProperty("openLatestCompletedEnrollment")
    private Boolean answer() {
        return openLatestCompletedEnrollment;
    }

    @Override
    public boolean equals(Object o) {
        return this == o || o instanceof EnrollmentMapping
                && Objects.equals(openLatestCompletedEnrollment, ((EnrollmentMapping) o).openLatestCompletedEnrollment);
    }

    @Override
    public int hashCode() {
        return Objects.hashCode(openLatestCompletedEnrollment);
    }
}
