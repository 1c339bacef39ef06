package org.openmrs.module.dhis2sync.source;

import java.time.LocalDateTime;
import java.util.Objects;

/** An encounter as a person names it: whose visit, of which type, when. */
public final class EncounterSummary {

    private final String uuid;
    private final String patientUuid;
    private final String encounterTypeUuid;
    private final String encounterTypeName;
    private final LocalDateTime encounterDatetime;
    private final boolean voided;

    public EncounterSummary(String uuid, String patientUuid, String encounterTypeUuid, String encounterTypeName,
            LocalDateTime encounterDatetime, boolean voided) {
        this.uuid = Objects.requireNonNull(uuid, "uuid");
        this.patientUuid = patientUuid;
        this.encounterTypeUuid = encounterTypeUuid;
        this.encounterTypeName = encounterTypeName;
        this.encounterDatetime = encounterDatetime;
        this.voided = voided;
    }

    public String getUuid() {
        return uuid;
    }

    public String getPatientUuid() {
        return patientUuid;
    }

    public String getEncounterTypeUuid() {
        return encounterTypeUuid;
    }

    public String getEncounterTypeName() {
        return encounterTypeName;
    }

    public LocalDateTime getEncounterDatetime() {
        return encounterDatetime;
    }

    public boolean isVoided() {
        return voided;
    }
}
