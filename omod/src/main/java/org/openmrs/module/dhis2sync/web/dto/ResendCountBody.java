package org.openmrs.module.dhis2sync.web.dto;

import java.util.Date;
import java.util.Map;

import org.openmrs.module.dhis2sync.tracking.SyncCategory;

/** What a resend from a date will send again: the records changed since then, per category. */
public final class ResendCountBody {

    private final String mappingUuid;
    private final String from;
    private final int patients;
    private final int enrollments;
    private final int encounters;

    private ResendCountBody(String mappingUuid, Date from, Map<SyncCategory, Integer> counts) {
        this.mappingUuid = mappingUuid;
        this.from = Iso.moment(from);
        this.patients = counts.getOrDefault(SyncCategory.INSTANCE, 0);
        this.enrollments = counts.getOrDefault(SyncCategory.ENROLLMENT, 0);
        this.encounters = counts.getOrDefault(SyncCategory.EVENT, 0);
    }

    public static ResendCountBody of(String mappingUuid, Date from, Map<SyncCategory, Integer> counts) {
        return new ResendCountBody(mappingUuid, from, counts);
    }

    public String getMappingUuid() {
        return mappingUuid;
    }

    public String getFrom() {
        return from;
    }

    public int getPatients() {
        return patients;
    }

    public int getEnrollments() {
        return enrollments;
    }

    /** Encounters: each sends one event per program stage it feeds. */
    public int getEncounters() {
        return encounters;
    }

    public int getTotal() {
        return patients + enrollments + encounters;
    }
}
