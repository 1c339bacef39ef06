package org.openmrs.module.dhis2sync.web.dto;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.openmrs.module.dhis2sync.dhis2.OptionInfo;
import org.openmrs.module.dhis2sync.dhis2.OptionSetInfo;
import org.openmrs.module.dhis2sync.names.Dhis2Name;
import org.openmrs.module.dhis2sync.names.MappingNames;
import org.openmrs.module.dhis2sync.names.MappingOutline;

/**
 * Reply of {@code GET names}: {@code openmrs} uuid → name, {@code dhis2} UID → {name, kind, valueType, optionSet},
 * {@code optionSets} UID → {name, valueType, options [{code, name}]}, {@code problems} (what could not be read).
 */
public final class MappingNamesBody {

    private final Map<String, MappingOutline> mappings;
    private final Map<String, String> openmrs;
    private final Map<String, Dhis2Body> dhis2 = new LinkedHashMap<>();
    private final Map<String, OptionSetBody> optionSets = new LinkedHashMap<>();
    private final List<String> problems;

    private MappingNamesBody(MappingNames names) {
        this.mappings = names.getMappings();
        this.openmrs = names.getOpenmrs();
        names.getDhis2().forEach((uid, name) -> dhis2.put(uid, new Dhis2Body(name)));
        names.getOptionSets().forEach((uid, set) -> optionSets.put(uid, new OptionSetBody(set)));
        this.problems = names.getProblems();
    }

    public static MappingNamesBody of(MappingNames names) {
        return new MappingNamesBody(names);
    }

    /** Per mapping uuid: {name, openmrsProgramUuid, dhis2ProgramUid, stages [{programStageUid, feedKind, feedReference}]}. */
    public Map<String, MappingOutline> getMappings() {
        return mappings;
    }

    public Map<String, String> getOpenmrs() {
        return openmrs;
    }

    public Map<String, Dhis2Body> getDhis2() {
        return Collections.unmodifiableMap(dhis2);
    }

    public Map<String, OptionSetBody> getOptionSets() {
        return Collections.unmodifiableMap(optionSets);
    }

    public List<String> getProblems() {
        return problems;
    }

    /** One DHIS2 object's name and what it is. */
    public static final class Dhis2Body {
        private final String name;
        private final String kind;
        private final String valueType;
        private final String optionSet;

        Dhis2Body(Dhis2Name name) {
            this.name = name.getName();
            this.kind = name.getKind();
            this.valueType = name.getValueType();
            this.optionSet = name.getOptionSetUid();
        }

        public String getName() {
            return name;
        }

        public String getKind() {
            return kind;
        }

        public String getValueType() {
            return valueType;
        }

        public String getOptionSet() {
            return optionSet;
        }
    }

    /** An option set with its options' codes and names. */
    public static final class OptionSetBody {
        private final String name;
        private final String valueType;
        private final List<Map<String, String>> options = new ArrayList<>();

        OptionSetBody(OptionSetInfo set) {
            this.name = set.getName();
            this.valueType = set.getValueType();
            for (OptionInfo option : set.getOptions()) {
                Map<String, String> entry = new LinkedHashMap<>();
                entry.put("code", option.getCode());
                entry.put("name", option.getName());
                options.add(entry);
            }
        }

        public String getName() {
            return name;
        }

        public String getValueType() {
            return valueType;
        }

        public List<Map<String, String>> getOptions() {
            return Collections.unmodifiableList(options);
        }
    }
}
