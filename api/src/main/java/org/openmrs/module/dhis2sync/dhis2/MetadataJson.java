package org.openmrs.module.dhis2sync.dhis2;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/** Reads DHIS2 metadata objects (the same JSON for both tracker API generations). */
final class MetadataJson {

    static final String ATTRIBUTE_FIELDS = "id,name,displayName,code,valueType,unique,optionSet[id]";
    static final String DATA_ELEMENT_FIELDS = "id,name,displayName,code,valueType,optionSet[id]";
    static final String OPTION_SET_FIELDS = "id,name,displayName,valueType,options[code,name,displayName]";
    static final String ORG_UNIT_FIELDS = "id,name,displayName,code,level,path";
    static final String PROGRAM_FIELDS = "id,name,displayName,onlyEnrollOnce,trackedEntityType[id],"
            + "programTrackedEntityAttributes[mandatory,trackedEntityAttribute[" + ATTRIBUTE_FIELDS + "]],"
            + "programStages[id,name,displayName,repeatable,programStageDataElements[compulsory,dataElement["
            + DATA_ELEMENT_FIELDS + "]]]";

    private MetadataJson() {
    }

    static ProgramInfo program(JsonNode node) {
        List<AttributeInfo> attributes = new ArrayList<>();
        for (JsonNode programAttribute : Json.array(node, "programTrackedEntityAttributes")) {
            JsonNode attribute = programAttribute.path("trackedEntityAttribute");
            attributes.add(attribute(attribute, Json.bool(programAttribute, "mandatory")));
        }
        List<ProgramStageInfo> stages = new ArrayList<>();
        for (JsonNode stage : Json.array(node, "programStages")) {
            List<DataElementInfo> dataElements = new ArrayList<>();
            for (JsonNode stageDataElement : Json.array(stage, "programStageDataElements")) {
                dataElements.add(dataElement(stageDataElement.path("dataElement"), Json.bool(stageDataElement, "compulsory")));
            }
            stages.add(new ProgramStageInfo(id(stage), name(stage), Json.bool(stage, "repeatable"), dataElements));
        }
        return new ProgramInfo(id(node), name(node), Json.idOf(node, "trackedEntityType"), Json.bool(node, "onlyEnrollOnce"),
                attributes, stages);
    }

    static AttributeInfo attribute(JsonNode node, boolean mandatory) {
        return new AttributeInfo(id(node), name(node), Json.text(node, "code"), Json.text(node, "valueType"),
                Json.idOf(node, "optionSet"), Json.bool(node, "unique"), mandatory);
    }

    static DataElementInfo dataElement(JsonNode node, boolean compulsory) {
        return new DataElementInfo(id(node), name(node), Json.text(node, "code"), Json.text(node, "valueType"),
                Json.idOf(node, "optionSet"), compulsory);
    }

    static OptionSetInfo optionSet(JsonNode node) {
        List<OptionInfo> options = new ArrayList<>();
        for (JsonNode option : Json.array(node, "options")) {
            String code = Json.text(option, "code");
            if (code != null) {
                options.add(new OptionInfo(code, name(option)));
            }
        }
        return new OptionSetInfo(id(node), name(node), Json.text(node, "valueType"), options);
    }

    static OrgUnitInfo orgUnit(JsonNode node) {
        Integer level = Json.integer(node, "level");
        return new OrgUnitInfo(id(node), name(node), Json.text(node, "code"), level == null ? 0 : level,
                Json.text(node, "path"));
    }

    private static String id(JsonNode node) {
        String id = Json.text(node, "id");
        if (id == null) {
            throw new Dhis2UnavailableException(Dhis2UnavailableException.Reason.MALFORMED_REPLY, 200,
                    "DHIS2 sent a metadata object without an id: " + abbreviate(node.toString()));
        }
        return id;
    }

    private static String name(JsonNode node) {
        String displayName = Json.text(node, "displayName");
        return displayName != null ? displayName : Json.text(node, "name");
    }

    private static String abbreviate(String text) {
        return text.length() > 200 ? text.substring(0, 200) + "…" : text;
    }
}
