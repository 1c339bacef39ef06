package org.openmrs.module.dhis2sync.source;

import java.time.LocalDateTime;
import java.util.Collections;
import java.util.List;

/** A non-voided encounter with its non-voided obs, translated at the edge. */
public final class EncounterRecord {

    private final String uuid;
    private final String patientUuid;
    private final String encounterTypeUuid;
    private final LocalDateTime encounterDatetime;
    private final String locationUuid;
    private final String formName;
    private final List<ObsValue> obs;

    /**
     * @param formName the name of {@code encounter.form} when set (a legacy HTML form), else null; Bahmni forms
     *                 2.0 are named per obs in {@link ObsValue#getFormName()}
     */
    public EncounterRecord(String uuid, String patientUuid, String encounterTypeUuid, LocalDateTime encounterDatetime,
            String locationUuid, String formName, List<ObsValue> obs) {
        this.uuid = uuid;
        this.patientUuid = patientUuid;
        this.encounterTypeUuid = encounterTypeUuid;
        this.encounterDatetime = encounterDatetime;
        this.locationUuid = locationUuid;
        this.formName = formName;
        this.obs = obs == null ? Collections.<ObsValue>emptyList()
                : Collections.unmodifiableList(new java.util.ArrayList<ObsValue>(obs));
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

    public LocalDateTime getEncounterDatetime() {
        return encounterDatetime;
    }

    public String getLocationUuid() {
        return locationUuid;
    }

    public String getFormName() {
        return formName;
    }

    public List<ObsValue> getObs() {
        return obs;
    }

    @Override
    public String toString() {
        return "EncounterRecord[" + uuid + ", patient " + patientUuid + "]";
    }
}
