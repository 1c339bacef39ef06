package org.openmrs.module.dhis2sync.health;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.openmrs.module.dhis2sync.dhis2.AttributeInfo;
import org.openmrs.module.dhis2sync.dhis2.DataElementInfo;
import org.openmrs.module.dhis2sync.dhis2.OptionInfo;
import org.openmrs.module.dhis2sync.dhis2.OptionSetInfo;
import org.openmrs.module.dhis2sync.dhis2.OrgUnitInfo;
import org.openmrs.module.dhis2sync.dhis2.ProgramInfo;
import org.openmrs.module.dhis2sync.dhis2.ProgramStageInfo;
import org.openmrs.module.dhis2sync.mapping.AttributeMapping;
import org.openmrs.module.dhis2sync.mapping.DataElementMapping;
import org.openmrs.module.dhis2sync.mapping.Dhis2ValueType;
import org.openmrs.module.dhis2sync.mapping.FieldError;
import org.openmrs.module.dhis2sync.mapping.MappingConfig;
import org.openmrs.module.dhis2sync.mapping.StageMapping;
import org.openmrs.module.dhis2sync.metadata.MappingMetadata;
import org.openmrs.module.dhis2sync.source.ConceptItem;
import org.openmrs.module.dhis2sync.source.PatientField;

/**
 * Checks every DHIS2 reference of a (valid) mapping against DHIS2's metadata, and each concept against the value
 * type it is sent as: the program exists and registers the mapping's tracked entity type; the stages are the
 * program's, the attributes are program attributes, the data elements belong to their stage; each data element's
 * value type is what DHIS2 says and fits the concept's datatype ({@link ValueTypeFit}); every mapped option code is
 * in its option set; every mapped org unit exists and lies in the DHIS2 user's capture org units. Each problem names
 * its field by the JSON path the validator uses.
 */
public final class MappingHealthCheck {

    /** Fields of the installation's location → org unit table: {@code orgUnits.<location uuid>}. */
    public static final String ORG_UNITS = "orgUnits";
    public static final String DEFAULT_ORG_UNIT = "defaultOrgUnit";

    /**
     * @param orgUnitByLocation the installation's location → org unit table
     * @param defaultOrgUnit the settings' default org unit, or null
     */
    public List<FieldError> check(MappingConfig config, MappingMetadata metadata, Map<String, String> orgUnitByLocation,
            String defaultOrgUnit) {
        List<FieldError> problems = new ArrayList<>();
        ProgramInfo program = metadata.program(config.getDhis2ProgramUid());
        if (program == null) {
            problems.add(new FieldError("dhis2ProgramUid", "DHIS2 has no tracker program '"
                    + config.getDhis2ProgramUid() + "' (or the DHIS2 user may not read it)"));
        } else {
            checkProgram(config, program, metadata, problems);
        }
        checkConcepts(config, program, metadata, problems);
        checkOrgUnits(orgUnitByLocation, defaultOrgUnit, metadata, problems);
        return problems;
    }

    private void checkProgram(MappingConfig config, ProgramInfo program, MappingMetadata metadata,
            List<FieldError> problems) {
        String programName = quoted(program.getName(), program.getUid());
        if (program.getTrackedEntityType() != null
                && !program.getTrackedEntityType().equals(config.getTrackedEntityTypeUid())) {
            problems.add(new FieldError("trackedEntityTypeUid", "program " + programName + " registers tracked entity"
                    + " type '" + program.getTrackedEntityType() + "', not '" + config.getTrackedEntityTypeUid() + "'"));
        }
        List<AttributeMapping> attributes = config.getInstance().getAttributes();
        AttributeInfo genderAttribute = null;
        for (int i = 0; i < attributes.size(); i++) {
            AttributeMapping mapped = attributes.get(i);
            AttributeInfo attribute = MappingMetadata.attributeOf(program, mapped.getAttributeUid());
            if (attribute == null) {
                problems.add(new FieldError("instance.attributes[" + i + "].attributeUid", "'"
                        + mapped.getAttributeUid() + "' is not a tracked entity attribute of program " + programName));
            } else if (mapped.getField() != null && mapped.getField().getKind() == PatientField.Kind.GENDER) {
                genderAttribute = attribute;
            }
        }
        checkGenderCodes(config, genderAttribute, metadata, problems);
        List<StageMapping> stages = config.getEvents();
        for (int i = 0; i < stages.size(); i++) {
            StageMapping mapped = stages.get(i);
            ProgramStageInfo stage = MappingMetadata.stageOf(program, mapped.getProgramStageUid());
            if (stage == null) {
                problems.add(new FieldError("events[" + i + "].programStageUid", "'" + mapped.getProgramStageUid()
                        + "' is not a stage of program " + programName));
                continue;
            }
            List<DataElementMapping> dataElements = mapped.getDataElements();
            for (int j = 0; j < dataElements.size(); j++) {
                checkDataElement("events[" + i + "].dataElements[" + j + "]", dataElements.get(j), stage, metadata,
                        problems);
            }
        }
    }

    private static void checkGenderCodes(MappingConfig config, AttributeInfo gender, MappingMetadata metadata,
            List<FieldError> problems) {
        if (gender == null || gender.getOptionSetUid() == null) {
            return;
        }
        OptionSetInfo set = metadata.optionSet(gender.getOptionSetUid());
        if (set == null) {
            return;
        }
        for (Map.Entry<String, String> code : config.getInstance().getGenderCodes().entrySet()) {
            if (!hasCode(set, code.getValue())) {
                problems.add(new FieldError("instance.genderCodes." + code.getKey(), notACode(code.getValue(), set,
                        "attribute " + quoted(gender.getName(), gender.getUid()))));
            }
        }
    }

    private static void checkDataElement(String path, DataElementMapping mapped, ProgramStageInfo stage,
            MappingMetadata metadata, List<FieldError> problems) {
        DataElementInfo dataElement = MappingMetadata.dataElementOf(stage, mapped.getDataElementUid());
        if (dataElement == null) {
            problems.add(new FieldError(path + ".dataElementUid", "'" + mapped.getDataElementUid()
                    + "' is not a data element of stage " + quoted(stage.getName(), stage.getUid())));
            return;
        }
        String name = quoted(dataElement.getName(), dataElement.getUid());
        if (dataElement.getValueType() != null && mapped.getValueType() != null
                && !mapped.getValueType().name().equals(dataElement.getValueType())) {
            problems.add(new FieldError(path + ".valueType", "the mapping sends " + mapped.getValueType()
                    + " but data element " + name + " has value type " + dataElement.getValueType() + " in DHIS2"));
        }
        if (!mapped.hasAnswers() || dataElement.getOptionSetUid() == null) {
            return;
        }
        OptionSetInfo set = metadata.optionSet(dataElement.getOptionSetUid());
        if (set == null) {
            return;
        }
        for (Map.Entry<String, String> answer : mapped.getAnswers().entrySet()) {
            if (!hasCode(set, answer.getValue())) {
                problems.add(new FieldError(path + ".answers." + answer.getKey(), notACode(answer.getValue(), set,
                        "data element " + name)));
            }
        }
    }

    /** Each concept exists in OpenMRS and its datatype fits the value type the mapping sends it as. */
    private static void checkConcepts(MappingConfig config, ProgramInfo program, MappingMetadata metadata,
            List<FieldError> problems) {
        List<StageMapping> stages = config.getEvents();
        for (int i = 0; i < stages.size(); i++) {
            ProgramStageInfo stage = program == null ? null
                    : MappingMetadata.stageOf(program, stages.get(i).getProgramStageUid());
            List<DataElementMapping> dataElements = stages.get(i).getDataElements();
            for (int j = 0; j < dataElements.size(); j++) {
                DataElementMapping mapped = dataElements.get(j);
                String path = "events[" + i + "].dataElements[" + j + "]";
                ConceptItem concept = metadata.concept(mapped.getConceptUuid());
                if (concept == null) {
                    problems.add(new FieldError(path + ".conceptUuid", "OpenMRS has no concept '"
                            + mapped.getConceptUuid() + "'"));
                    continue;
                }
                DataElementInfo dataElement = stage == null ? null
                        : MappingMetadata.dataElementOf(stage, mapped.getDataElementUid());
                Dhis2ValueType valueType = mapped.getValueType();
                if (valueType == null) {
                    continue;
                }
                boolean optionSet = dataElement != null && dataElement.getOptionSetUid() != null;
                if (!ValueTypeFit.fits(concept.getDatatype(), valueType, optionSet)) {
                    Set<Dhis2ValueType> fitting = ValueTypeFit.fitting(concept.getDatatype());
                    problems.add(new FieldError(path + ".valueType", "concept " + quoted(concept.getName(),
                            concept.getUuid()) + " is " + concept.getDatatype() + ", which cannot be sent as "
                            + valueType + (fitting.isEmpty() ? " (an OpenMRS " + concept.getDatatype()
                            + " concept holds no value to send)" : " (it fits " + fitting + ")")));
                }
            }
        }
    }

    private static void checkOrgUnits(Map<String, String> orgUnitByLocation, String defaultOrgUnit,
            MappingMetadata metadata, List<FieldError> problems) {
        for (Map.Entry<String, String> row : orgUnitByLocation.entrySet()) {
            checkOrgUnit(ORG_UNITS + "." + row.getKey(), row.getValue(), metadata, problems);
        }
        if (defaultOrgUnit != null && !defaultOrgUnit.isEmpty()) {
            checkOrgUnit(DEFAULT_ORG_UNIT, defaultOrgUnit, metadata, problems);
        }
    }

    private static void checkOrgUnit(String field, String uid, MappingMetadata metadata, List<FieldError> problems) {
        OrgUnitInfo orgUnit = metadata.orgUnit(uid);
        if (orgUnit == null) {
            problems.add(new FieldError(field, "DHIS2 has no org unit '" + uid + "' (or the DHIS2 user may not read"
                    + " it)"));
        } else if (!metadata.mayCaptureIn(orgUnit)) {
            problems.add(new FieldError(field, "org unit " + quoted(orgUnit.getName(), uid) + " is outside the DHIS2"
                    + " user's data capture org units: DHIS2 would refuse every record sent there"));
        }
    }

    private static boolean hasCode(OptionSetInfo set, String code) {
        for (OptionInfo option : set.getOptions()) {
            if (option.getCode().equals(code)) {
                return true;
            }
        }
        return false;
    }

    private static String notACode(String code, OptionSetInfo set, String of) {
        Set<String> codes = new LinkedHashSet<>();
        for (OptionInfo option : set.getOptions()) {
            codes.add(option.getCode());
        }
        return "'" + code + "' is not a code of option set " + quoted(set.getName(), set.getUid()) + " of " + of
                + " (codes: " + String.join(", ", codes) + ")";
    }

    private static String quoted(String name, String id) {
        return name == null || name.isEmpty() ? "'" + id + "'" : "'" + name + "' (" + id + ")";
    }
}
