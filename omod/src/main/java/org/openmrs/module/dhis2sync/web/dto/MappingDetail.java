package org.openmrs.module.dhis2sync.web.dto;

import java.util.Date;

import org.openmrs.module.dhis2sync.mapping.Mapping;

import com.fasterxml.jackson.annotation.JsonRawValue;

/** One mapping with its config (the mapping JSON of the README, embedded as it is stored). */
public final class MappingDetail {

    private final String uuid;
    private final String name;
    private final boolean retired;
    private final String lastSuccessfulSync;
    private final String config;

    private MappingDetail(Mapping mapping, Date lastSuccessfulSync, String configJson) {
        this.uuid = mapping.getUuid();
        this.name = mapping.getName();
        this.retired = mapping.isRetired();
        this.lastSuccessfulSync = Iso.moment(lastSuccessfulSync);
        this.config = configJson;
    }

    /** @param configJson the config as MappingJson writes it */
    public static MappingDetail of(Mapping mapping, Date lastSuccessfulSync, String configJson) {
        return new MappingDetail(mapping, lastSuccessfulSync, configJson);
    }

    public String getUuid() {
        return uuid;
    }

    public String getName() {
        return name;
    }

    public boolean isRetired() {
        return retired;
    }

    public String getLastSuccessfulSync() {
        return lastSuccessfulSync;
    }

    @JsonRawValue
    public String getConfig() {
        return config;
    }
}
