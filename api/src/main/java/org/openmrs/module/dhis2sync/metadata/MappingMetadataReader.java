package org.openmrs.module.dhis2sync.metadata;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.openmrs.module.dhis2sync.dhis2.AttributeInfo;
import org.openmrs.module.dhis2sync.dhis2.DataElementInfo;
import org.openmrs.module.dhis2sync.dhis2.Dhis2Client;
import org.openmrs.module.dhis2sync.dhis2.Dhis2UnavailableException;
import org.openmrs.module.dhis2sync.dhis2.OptionSetInfo;
import org.openmrs.module.dhis2sync.dhis2.OrgUnitInfo;
import org.openmrs.module.dhis2sync.dhis2.ProgramInfo;
import org.openmrs.module.dhis2sync.dhis2.ProgramStageInfo;
import org.openmrs.module.dhis2sync.dhis2.Uid;
import org.openmrs.module.dhis2sync.mapping.DataElementMapping;
import org.openmrs.module.dhis2sync.mapping.MappingConfig;
import org.openmrs.module.dhis2sync.mapping.StageMapping;
import org.openmrs.module.dhis2sync.source.ConceptItem;
import org.openmrs.module.dhis2sync.source.EncounterFeed;
import org.openmrs.module.dhis2sync.source.SourceMetadata;

/**
 * Reads {@link MappingMetadata} in a fixed, small number of requests whatever the number of records: one program
 * read per distinct program, the option sets and org units by UID lists (one request per 50), the user's capture
 * org units once, and the concepts from OpenMRS.
 */
public final class MappingMetadataReader {

    private final SourceMetadata openmrs;

    public MappingMetadataReader(SourceMetadata openmrs) {
        this.openmrs = openmrs;
    }

    /**
     * @param orgUnitUids the org units to read (the location table's and the default org unit)
     * @param captureScope whether to read the org units the DHIS2 user captures in
     * @throws Dhis2UnavailableException when DHIS2 fails (a program it does not have is not a failure: it is absent)
     */
    public MappingMetadata read(List<MappingConfig> configs, Collection<String> orgUnitUids, Dhis2Client client,
            boolean captureScope) {
        Map<String, ProgramInfo> programs = new LinkedHashMap<>();
        Set<String> optionSetUids = new LinkedHashSet<>();
        Set<String> conceptUuids = new LinkedHashSet<>();
        for (MappingConfig config : configs) {
            String programUid = config.getDhis2ProgramUid();
            if (Uid.isValid(programUid) && !programs.containsKey(programUid)) {
                ProgramInfo program = programOrNull(client, programUid);
                if (program != null) {
                    programs.put(programUid, program);
                    optionSetUids.addAll(optionSetsOf(program));
                }
            }
            conceptUuids.addAll(conceptsOf(config));
        }
        Map<String, OptionSetInfo> optionSets = new LinkedHashMap<>();
        if (!optionSetUids.isEmpty()) {
            for (OptionSetInfo set : client.optionSetsByUid(optionSetUids)) {
                optionSets.put(set.getUid(), set);
            }
        }
        Map<String, OrgUnitInfo> orgUnits = new LinkedHashMap<>();
        List<String> validOrgUnits = new ArrayList<>();
        for (String uid : orgUnitUids) {
            if (Uid.isValid(uid)) {
                validOrgUnits.add(uid);
            }
        }
        if (!validOrgUnits.isEmpty()) {
            for (OrgUnitInfo orgUnit : client.orgUnitsByUid(validOrgUnits)) {
                orgUnits.put(orgUnit.getUid(), orgUnit);
            }
        }
        List<OrgUnitInfo> capture = captureScope ? client.captureOrgUnits() : null;
        Map<String, ConceptItem> concepts = conceptUuids.isEmpty() ? new LinkedHashMap<String, ConceptItem>()
                : openmrs.conceptsByUuid(conceptUuids);
        return new MappingMetadata(programs, optionSets, orgUnits, capture, concepts);
    }

    /** The OpenMRS concepts only (no DHIS2): for naming what a mapping refers to when DHIS2 cannot be read. */
    public Map<String, ConceptItem> concepts(List<MappingConfig> configs) {
        Set<String> uuids = new LinkedHashSet<>();
        for (MappingConfig config : configs) {
            uuids.addAll(conceptsOf(config));
        }
        return uuids.isEmpty() ? new LinkedHashMap<String, ConceptItem>() : openmrs.conceptsByUuid(uuids);
    }

    private static ProgramInfo programOrNull(Dhis2Client client, String uid) {
        try {
            return client.program(uid);
        } catch (Dhis2UnavailableException e) {
            if (e.getReason() == Dhis2UnavailableException.Reason.NOT_FOUND) {
                return null;
            }
            throw e;
        }
    }

    private static Set<String> optionSetsOf(ProgramInfo program) {
        Set<String> uids = new LinkedHashSet<>();
        for (AttributeInfo attribute : program.getAttributes()) {
            if (attribute.getOptionSetUid() != null) {
                uids.add(attribute.getOptionSetUid());
            }
        }
        for (ProgramStageInfo stage : program.getStages()) {
            for (DataElementInfo dataElement : stage.getDataElements()) {
                if (dataElement.getOptionSetUid() != null) {
                    uids.add(dataElement.getOptionSetUid());
                }
            }
        }
        return uids;
    }

    private static Set<String> conceptsOf(MappingConfig config) {
        Set<String> uuids = new LinkedHashSet<>();
        for (StageMapping stage : config.getEvents()) {
            if (stage.getFeed() != null && stage.getFeed().getKind() == EncounterFeed.Kind.CONCEPT_SET) {
                uuids.add(stage.getFeed().getReference());
            }
            for (DataElementMapping dataElement : stage.getDataElements()) {
                if (dataElement.getConceptUuid() != null) {
                    uuids.add(dataElement.getConceptUuid());
                }
            }
        }
        return uuids;
    }
}
