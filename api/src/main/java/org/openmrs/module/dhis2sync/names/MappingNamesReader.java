package org.openmrs.module.dhis2sync.names;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import org.openmrs.api.APIAuthenticationException;
import org.openmrs.module.dhis2sync.dhis2.AttributeInfo;
import org.openmrs.module.dhis2sync.dhis2.DataElementInfo;
import org.openmrs.module.dhis2sync.dhis2.Dhis2Client;
import org.openmrs.module.dhis2sync.dhis2.Dhis2UnavailableException;
import org.openmrs.module.dhis2sync.dhis2.OrgUnitInfo;
import org.openmrs.module.dhis2sync.dhis2.ProgramInfo;
import org.openmrs.module.dhis2sync.dhis2.ProgramStageInfo;
import org.openmrs.module.dhis2sync.mapping.AttributeMapping;
import org.openmrs.module.dhis2sync.mapping.MappingConfig;
import org.openmrs.module.dhis2sync.mapping.StageMapping;
import org.openmrs.module.dhis2sync.metadata.MappingMetadata;
import org.openmrs.module.dhis2sync.metadata.MappingMetadataReader;
import org.openmrs.module.dhis2sync.source.ConceptItem;
import org.openmrs.module.dhis2sync.source.EncounterFeed;
import org.openmrs.module.dhis2sync.source.MetadataItem;
import org.openmrs.module.dhis2sync.source.MetadataKind;
import org.openmrs.module.dhis2sync.source.PatientField;
import org.openmrs.module.dhis2sync.source.SourceMetadata;

/**
 * Reads {@link MappingNames}: OpenMRS's short metadata lists once each and the mapped concepts by uuid; DHIS2's
 * metadata through {@link MappingMetadataReader} (one program read per program, option sets and org units by UID
 * lists). A part that cannot be read becomes a problem, the rest is still named.
 */
public final class MappingNamesReader {

    private final SourceMetadata openmrs;
    private final MappingMetadataReader reader;

    public MappingNamesReader(SourceMetadata openmrs, MappingMetadataReader reader) {
        this.openmrs = openmrs;
        this.reader = reader;
    }

    /**
     * @param mappings the mappings by uuid
     * @param orgUnitTable the installation's location → org unit table (its locations and org units are named too)
     * @param clients opens the DHIS2 client (it is closed here)
     */
    public MappingNames read(Map<String, MappingConfig> mappings, Map<String, String> orgUnitTable,
            String defaultOrgUnit, Supplier<Dhis2Client> clients) {
        List<MappingConfig> configs = new ArrayList<>(mappings.values());
        Map<String, MappingOutline> outlines = new LinkedHashMap<>();
        mappings.forEach((uuid, config) -> outlines.put(uuid, MappingOutline.of(config)));
        List<String> problems = new ArrayList<>();
        Map<String, String> openmrsNames = new LinkedHashMap<>();
        try {
            openmrsNames.putAll(openmrsNames(configs, orgUnitTable.keySet()));
        } catch (APIAuthenticationException e) {
            problems.add("OpenMRS names could not be read: " + e.getMessage());
        }
        Map<String, Dhis2Name> dhis2Names = new LinkedHashMap<>();
        MappingMetadata metadata = null;
        Set<String> orgUnits = new LinkedHashSet<>(orgUnitTable.values());
        if (defaultOrgUnit != null && !defaultOrgUnit.isEmpty()) {
            orgUnits.add(defaultOrgUnit);
        }
        try (Dhis2Client client = clients.get()) {
            metadata = reader.read(configs, orgUnits, client, false);
        } catch (Dhis2UnavailableException | IllegalStateException e) {
            // IllegalStateException: not configured (the factory's NotConfiguredException) or secret unreadable
            problems.add("DHIS2's names could not be read: " + e.getMessage());
        }
        Map<String, ConceptItem> concepts;
        try {
            concepts = metadata != null ? metadata.getConcepts() : reader.concepts(configs);
        } catch (APIAuthenticationException e) {
            problems.add("OpenMRS concepts could not be read: " + e.getMessage());
            concepts = new LinkedHashMap<>();
        }
        for (ConceptItem concept : concepts.values()) {
            openmrsNames.put(concept.getUuid(), concept.getName());
            for (MetadataItem answer : concept.getAnswers()) {
                openmrsNames.put(answer.getUuid(), answer.getName());
            }
            for (MetadataItem member : concept.getSetMembers()) {
                openmrsNames.put(member.getUuid(), member.getName());
            }
        }
        if (metadata != null) {
            dhis2Names.putAll(dhis2Names(metadata));
        }
        return new MappingNames(outlines, openmrsNames, dhis2Names,
                metadata == null ? new LinkedHashMap<>() : metadata.getOptionSets(), problems);
    }

    private Map<String, String> openmrsNames(List<MappingConfig> configs, Collection<String> locations) {
        Set<String> programs = new LinkedHashSet<>();
        Set<String> encounterTypes = new LinkedHashSet<>();
        Set<String> types = new LinkedHashSet<>();
        for (MappingConfig config : configs) {
            programs.add(config.getOpenmrsProgramUuid());
            for (AttributeMapping attribute : config.getInstance().getAttributes()) {
                PatientField field = attribute.getField();
                if (field != null && (field.getKind() == PatientField.Kind.IDENTIFIER
                        || field.getKind() == PatientField.Kind.ATTRIBUTE)) {
                    types.add(field.getReference());
                }
            }
            for (StageMapping stage : config.getEvents()) {
                EncounterFeed feed = stage.getFeed();
                if (feed != null && feed.getKind() == EncounterFeed.Kind.ENCOUNTER_TYPE) {
                    encounterTypes.add(feed.getReference());
                }
            }
        }
        Map<String, String> names = new LinkedHashMap<>();
        named(names, MetadataKind.PROGRAMS, programs);
        named(names, MetadataKind.ENCOUNTER_TYPES, encounterTypes);
        named(names, MetadataKind.IDENTIFIER_TYPES, types);
        named(names, MetadataKind.PERSON_ATTRIBUTE_TYPES, types);
        named(names, MetadataKind.LOCATIONS, locations);
        return names;
    }

    private void named(Map<String, String> names, MetadataKind kind, Collection<String> wanted) {
        if (wanted.isEmpty()) {
            return;
        }
        for (MetadataItem item : openmrs.list(kind)) {
            if (wanted.contains(item.getUuid())) {
                names.put(item.getUuid(), item.getName());
            }
        }
    }

    private static Map<String, Dhis2Name> dhis2Names(MappingMetadata metadata) {
        Map<String, Dhis2Name> names = new LinkedHashMap<>();
        for (ProgramInfo program : metadata.getPrograms().values()) {
            names.put(program.getUid(), new Dhis2Name(program.getName(), "program", null, null));
            for (AttributeInfo attribute : program.getAttributes()) {
                names.put(attribute.getUid(), new Dhis2Name(attribute.getName(), "trackedEntityAttribute",
                        attribute.getValueType(), attribute.getOptionSetUid()));
            }
            for (ProgramStageInfo stage : program.getStages()) {
                names.put(stage.getUid(), new Dhis2Name(stage.getName(), "programStage", null, null));
                for (DataElementInfo dataElement : stage.getDataElements()) {
                    names.put(dataElement.getUid(), new Dhis2Name(dataElement.getName(), "dataElement",
                            dataElement.getValueType(), dataElement.getOptionSetUid()));
                }
            }
        }
        for (OrgUnitInfo orgUnit : metadata.getOrgUnits().values()) {
            names.put(orgUnit.getUid(), new Dhis2Name(orgUnit.getName(), "orgUnit", null, null));
        }
        return names;
    }
}
