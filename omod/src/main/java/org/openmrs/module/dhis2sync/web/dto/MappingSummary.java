package org.openmrs.module.dhis2sync.web.dto;

import java.util.Date;

import org.openmrs.module.dhis2sync.mapping.Mapping;

/** A mapping in the list. */
public final class MappingSummary {

    private final String uuid;
    private final String name;
    private final String openmrsProgramUuid;
    private final String dhis2ProgramUid;
    private final boolean retired;
    private final String lastSuccessfulSync;
    private final String dateChanged;

    private MappingSummary(Mapping mapping, Date lastSuccessfulSync) {
        this.uuid = mapping.getUuid();
        this.name = mapping.getName();
        this.openmrsProgramUuid = mapping.getOpenmrsProgramUuid();
        this.dhis2ProgramUid = mapping.getDhis2ProgramUid();
        this.retired = mapping.isRetired();
        this.lastSuccessfulSync = Iso.moment(lastSuccessfulSync);
        this.dateChanged = Iso.moment(mapping.getDateChanged() != null ? mapping.getDateChanged()
                : mapping.getDateCreated());
    }

    public static MappingSummary of(Mapping mapping, Date lastSuccessfulSync) {
        return new MappingSummary(mapping, lastSuccessfulSync);
    }

    public String getUuid() {
        return uuid;
    }

    public String getName() {
        return name;
    }

    public String getOpenmrsProgramUuid() {
        return openmrsProgramUuid;
    }

    public String getDhis2ProgramUid() {
        return dhis2ProgramUid;
    }

    public boolean isRetired() {
        return retired;
    }

    public String getLastSuccessfulSync() {
        return lastSuccessfulSync;
    }

    public String getDateChanged() {
        return dateChanged;
    }
}
