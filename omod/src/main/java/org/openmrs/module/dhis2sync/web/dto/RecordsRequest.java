package org.openmrs.module.dhis2sync.web.dto;

import java.util.Collections;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;

/** Body of {@code POST names/records}: the uuids to name, by kind (each list optional). */
public final class RecordsRequest {

    private final List<String> patients;
    private final List<String> enrollments;
    private final List<String> encounters;

    @JsonCreator
    public RecordsRequest(@JsonProperty("patients") List<String> patients,
            @JsonProperty("enrollments") List<String> enrollments,
            @JsonProperty("encounters") List<String> encounters) {
        this.patients = patients == null ? Collections.<String>emptyList() : patients;
        this.enrollments = enrollments == null ? Collections.<String>emptyList() : enrollments;
        this.encounters = encounters == null ? Collections.<String>emptyList() : encounters;
    }

    public List<String> getPatients() {
        return patients;
    }

    public List<String> getEnrollments() {
        return enrollments;
    }

    public List<String> getEncounters() {
        return encounters;
    }
}
