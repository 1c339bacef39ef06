package org.openmrs.module.dhis2sync.names;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.openmrs.module.dhis2sync.dhis2.OptionSetInfo;

/**
 * The names of everything some mappings refer to: OpenMRS objects by uuid (programs, encounter types, identifier and
 * attribute types, concepts and their answers, locations), DHIS2 objects by UID (programs, stages, attributes, data
 * elements, org units) with the option sets they use; and what could not be read (e.g. DHIS2 unreachable: the
 * OpenMRS names are still there).
 */
public final class MappingNames {

    private final Map<String, String> openmrs;
    private final Map<String, Dhis2Name> dhis2;
    private final Map<String, OptionSetInfo> optionSets;
    private final List<String> problems;
    private final Map<String, MappingOutline> mappings;

    public MappingNames(Map<String, MappingOutline> mappings, Map<String, String> openmrs, Map<String, Dhis2Name> dhis2,
            Map<String, OptionSetInfo> optionSets, List<String> problems) {
        this.mappings = Collections.unmodifiableMap(new LinkedHashMap<>(mappings));
        this.openmrs = Collections.unmodifiableMap(new LinkedHashMap<>(openmrs));
        this.dhis2 = Collections.unmodifiableMap(new LinkedHashMap<>(dhis2));
        this.optionSets = Collections.unmodifiableMap(new LinkedHashMap<>(optionSets));
        this.problems = Collections.unmodifiableList(new ArrayList<>(problems));
    }

    /** The mappings named, by uuid. */
    public Map<String, MappingOutline> getMappings() {
        return mappings;
    }

    public Map<String, String> getOpenmrs() {
        return openmrs;
    }

    public Map<String, Dhis2Name> getDhis2() {
        return dhis2;
    }

    public Map<String, OptionSetInfo> getOptionSets() {
        return optionSets;
    }

    public List<String> getProblems() {
        return problems;
    }
}
