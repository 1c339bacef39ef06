package org.openmrs.module.dhis2sync.web.dto;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.openmrs.module.dhis2sync.dhis2.AttributeInfo;
import org.openmrs.module.dhis2sync.dhis2.DataElementInfo;
import org.openmrs.module.dhis2sync.dhis2.OptionInfo;
import org.openmrs.module.dhis2sync.dhis2.OptionSetInfo;
import org.openmrs.module.dhis2sync.dhis2.OrgUnitInfo;
import org.openmrs.module.dhis2sync.dhis2.ProgramInfo;
import org.openmrs.module.dhis2sync.dhis2.ProgramStageInfo;

/** DHIS2 metadata for the pickers, in DHIS2's own words ({@code id}, {@code programStages}, ...). */
public final class Dhis2Bodies {

    private Dhis2Bodies() {
    }

    /** A tracker program with its tracked entity type, attributes and stages. */
    public static final class Program {
        private final String id;
        private final String name;
        private final String trackedEntityType;
        private final boolean onlyEnrollOnce;
        private final List<Attribute> attributes;
        private final List<Stage> programStages;

        public Program(ProgramInfo info) {
            this.id = info.getUid();
            this.name = info.getName();
            this.trackedEntityType = info.getTrackedEntityType();
            this.onlyEnrollOnce = info.isOnlyEnrollOnce();
            List<Attribute> attributeList = new ArrayList<>();
            for (AttributeInfo attribute : info.getAttributes()) {
                attributeList.add(new Attribute(attribute));
            }
            this.attributes = Collections.unmodifiableList(attributeList);
            List<Stage> stages = new ArrayList<>();
            for (ProgramStageInfo stage : info.getStages()) {
                stages.add(new Stage(stage));
            }
            this.programStages = Collections.unmodifiableList(stages);
        }

        public String getId() {
            return id;
        }

        public String getName() {
            return name;
        }

        public String getTrackedEntityType() {
            return trackedEntityType;
        }

        public boolean isOnlyEnrollOnce() {
            return onlyEnrollOnce;
        }

        public List<Attribute> getAttributes() {
            return attributes;
        }

        public List<Stage> getProgramStages() {
            return programStages;
        }
    }

    /** A program stage with its data elements. */
    public static final class Stage {
        private final String id;
        private final String name;
        private final boolean repeatable;
        private final List<DataElement> dataElements;

        public Stage(ProgramStageInfo info) {
            this.id = info.getUid();
            this.name = info.getName();
            this.repeatable = info.isRepeatable();
            List<DataElement> list = new ArrayList<>();
            for (DataElementInfo element : info.getDataElements()) {
                list.add(new DataElement(element));
            }
            this.dataElements = Collections.unmodifiableList(list);
        }

        public String getId() {
            return id;
        }

        public String getName() {
            return name;
        }

        public boolean isRepeatable() {
            return repeatable;
        }

        public List<DataElement> getDataElements() {
            return dataElements;
        }
    }

    /** A tracked entity attribute. */
    public static final class Attribute {
        private final String id;
        private final String name;
        private final String code;
        private final String valueType;
        private final String optionSet;
        private final boolean unique;
        private final boolean mandatory;

        public Attribute(AttributeInfo info) {
            this.id = info.getUid();
            this.name = info.getName();
            this.code = info.getCode();
            this.valueType = info.getValueType();
            this.optionSet = info.getOptionSetUid();
            this.unique = info.isUnique();
            this.mandatory = info.isMandatory();
        }

        public String getId() {
            return id;
        }

        public String getName() {
            return name;
        }

        public String getCode() {
            return code;
        }

        public String getValueType() {
            return valueType;
        }

        /** The option set's UID, or null. */
        public String getOptionSet() {
            return optionSet;
        }

        public boolean isUnique() {
            return unique;
        }

        public boolean isMandatory() {
            return mandatory;
        }
    }

    /** A data element. */
    public static final class DataElement {
        private final String id;
        private final String name;
        private final String code;
        private final String valueType;
        private final String optionSet;
        private final boolean compulsory;

        public DataElement(DataElementInfo info) {
            this.id = info.getUid();
            this.name = info.getName();
            this.code = info.getCode();
            this.valueType = info.getValueType();
            this.optionSet = info.getOptionSetUid();
            this.compulsory = info.isCompulsory();
        }

        public String getId() {
            return id;
        }

        public String getName() {
            return name;
        }

        public String getCode() {
            return code;
        }

        public String getValueType() {
            return valueType;
        }

        public String getOptionSet() {
            return optionSet;
        }

        public boolean isCompulsory() {
            return compulsory;
        }
    }

    /** An option set with its options. */
    public static final class OptionSet {
        private final String id;
        private final String name;
        private final String valueType;
        private final List<Option> options;

        public OptionSet(OptionSetInfo info) {
            this.id = info.getUid();
            this.name = info.getName();
            this.valueType = info.getValueType();
            List<Option> list = new ArrayList<>();
            for (OptionInfo option : info.getOptions()) {
                list.add(new Option(option.getCode(), option.getName()));
            }
            this.options = Collections.unmodifiableList(list);
        }

        public String getId() {
            return id;
        }

        public String getName() {
            return name;
        }

        public String getValueType() {
            return valueType;
        }

        public List<Option> getOptions() {
            return options;
        }
    }

    /** One option: the code DHIS2 stores and its name. */
    public static final class Option {
        private final String code;
        private final String name;

        Option(String code, String name) {
            this.code = code;
            this.name = name;
        }

        public String getCode() {
            return code;
        }

        public String getName() {
            return name;
        }
    }

    /** An org unit; path is DHIS2's "/root/.../uid". */
    public static final class OrgUnit {
        private final String id;
        private final String name;
        private final String code;
        private final int level;
        private final String path;

        public OrgUnit(OrgUnitInfo info) {
            this.id = info.getUid();
            this.name = info.getName();
            this.code = info.getCode();
            this.level = info.getLevel();
            this.path = info.getPath();
        }

        public String getId() {
            return id;
        }

        public String getName() {
            return name;
        }

        public String getCode() {
            return code;
        }

        public int getLevel() {
            return level;
        }

        public String getPath() {
            return path;
        }
    }
}
