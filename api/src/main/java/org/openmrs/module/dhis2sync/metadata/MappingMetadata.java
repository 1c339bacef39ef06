package org.openmrs.module.dhis2sync.metadata;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.openmrs.module.dhis2sync.dhis2.AttributeInfo;
import org.openmrs.module.dhis2sync.dhis2.DataElementInfo;
import org.openmrs.module.dhis2sync.dhis2.OptionSetInfo;
import org.openmrs.module.dhis2sync.dhis2.OrgUnitInfo;
import org.openmrs.module.dhis2sync.dhis2.ProgramInfo;
import org.openmrs.module.dhis2sync.dhis2.ProgramStageInfo;
import org.openmrs.module.dhis2sync.source.ConceptItem;

/**
 * What DHIS2 and OpenMRS hold of the objects one or more mappings refer to, read once by
 * {@link MappingMetadataReader}: the DHIS2 programs (with their stages, attributes and data elements), the option
 * sets those use, the mapped org units, the org units the DHIS2 user captures in, and the OpenMRS concepts. An object
 * that was asked for and not found is simply absent.
 */
public final class MappingMetadata {

    private final Map<String, ProgramInfo> programs;
    private final Map<String, OptionSetInfo> optionSets;
    private final Map<String, OrgUnitInfo> orgUnits;
    private final List<OrgUnitInfo> captureOrgUnits;
    private final Map<String, ConceptItem> concepts;

    /** @param captureOrgUnits null when the user's capture org units were not read */
    public MappingMetadata(Map<String, ProgramInfo> programs, Map<String, OptionSetInfo> optionSets,
            Map<String, OrgUnitInfo> orgUnits, List<OrgUnitInfo> captureOrgUnits, Map<String, ConceptItem> concepts) {
        this.programs = copy(programs);
        this.optionSets = copy(optionSets);
        this.orgUnits = copy(orgUnits);
        this.captureOrgUnits = captureOrgUnits == null ? null
                : Collections.unmodifiableList(new ArrayList<>(captureOrgUnits));
        this.concepts = copy(concepts);
    }

    private static <V> Map<String, V> copy(Map<String, V> map) {
        return map == null ? Collections.<String, V>emptyMap() : Collections.unmodifiableMap(new LinkedHashMap<>(map));
    }

    /** The program of that UID, or null when DHIS2 has none. */
    public ProgramInfo program(String uid) {
        return programs.get(uid);
    }

    public Map<String, ProgramInfo> getPrograms() {
        return programs;
    }

    public OptionSetInfo optionSet(String uid) {
        return uid == null ? null : optionSets.get(uid);
    }

    public Map<String, OptionSetInfo> getOptionSets() {
        return optionSets;
    }

    public OrgUnitInfo orgUnit(String uid) {
        return orgUnits.get(uid);
    }

    public Map<String, OrgUnitInfo> getOrgUnits() {
        return orgUnits;
    }

    /** Null when they were not read. */
    public List<OrgUnitInfo> getCaptureOrgUnits() {
        return captureOrgUnits;
    }

    public ConceptItem concept(String uuid) {
        return concepts.get(uuid);
    }

    public Map<String, ConceptItem> getConcepts() {
        return concepts;
    }

    /**
     * Whether the DHIS2 user may capture data in the org unit: it is one of the user's org units or below one
     * (DHIS2's path lists every ancestor). True when the capture org units were not read.
     */
    public boolean mayCaptureIn(OrgUnitInfo orgUnit) {
        if (captureOrgUnits == null) {
            return true;
        }
        Set<String> ancestors = new LinkedHashSet<>();
        if (orgUnit.getPath() != null) {
            for (String part : orgUnit.getPath().split("/")) {
                if (!part.isEmpty()) {
                    ancestors.add(part);
                }
            }
        }
        ancestors.add(orgUnit.getUid());
        for (OrgUnitInfo capture : captureOrgUnits) {
            if (ancestors.contains(capture.getUid())) {
                return true;
            }
        }
        return false;
    }

    /** The program's stage of that UID, or null. */
    public static ProgramStageInfo stageOf(ProgramInfo program, String stageUid) {
        for (ProgramStageInfo stage : program.getStages()) {
            if (stage.getUid().equals(stageUid)) {
                return stage;
            }
        }
        return null;
    }

    /** The program's tracked entity attribute of that UID, or null. */
    public static AttributeInfo attributeOf(ProgramInfo program, String attributeUid) {
        for (AttributeInfo attribute : program.getAttributes()) {
            if (attribute.getUid().equals(attributeUid)) {
                return attribute;
            }
        }
        return null;
    }

    /** The stage's data element of that UID, or null. */
    public static DataElementInfo dataElementOf(ProgramStageInfo stage, String dataElementUid) {
        for (DataElementInfo dataElement : stage.getDataElements()) {
            if (dataElement.getUid().equals(dataElementUid)) {
                return dataElement;
            }
        }
        return null;
    }
}
