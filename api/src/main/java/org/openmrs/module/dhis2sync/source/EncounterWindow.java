package org.openmrs.module.dhis2sync.source;

import java.time.LocalDate;
import java.util.Objects;

/** One patient's encounters between two dates (inclusive; {@code to} null = open), as an enrollment covers them. */
public final class EncounterWindow {

    private final String patientUuid;
    private final LocalDate from;
    private final LocalDate to;

    public EncounterWindow(String patientUuid, LocalDate from, LocalDate to) {
        this.patientUuid = Objects.requireNonNull(patientUuid, "patientUuid");
        this.from = from;
        this.to = to;
    }

    public String getPatientUuid() {
        return patientUuid;
    }

    public LocalDate getFrom() {
        return from;
    }

    public LocalDate getTo() {
        return to;
    }
}
