package org.openmrs.module.dhis2sync.mapping;

import org.openmrs.module.dhis2sync.dhis2.AttributeValue;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.openmrs.module.dhis2sync.source.PatientField;
import org.openmrs.module.dhis2sync.source.PatientRecord;

/**
 * A patient's tracked entity attribute values as the mapping says to send them: gender through the mapping's
 * gender codes (OpenMRS's code when unmapped), birthdate as yyyy-MM-dd, booleans as true/false, everything
 * else as OpenMRS holds it. A field the patient has no value for is left out, not sent empty.
 */
public final class AttributeValues {

    private AttributeValues() {
    }

    /** The values of all mapped attributes, in mapping order. */
    public static List<AttributeValue> of(InstanceMapping mapping, PatientRecord patient) {
        return convert(mapping, mapping.getAttributes(), patient);
    }

    /**
     * Attribute UID to value of the searchable attributes the patient has a value for, in mapping order: what
     * DHIS2 is searched by for a patient not yet tracked. Empty when the patient has none of them.
     */
    public static Map<String, String> searchValues(InstanceMapping mapping, PatientRecord patient) {
        return asMap(convert(mapping, mapping.searchable(), patient));
    }

    /** Attribute UID to value of the comparable attributes the patient has a value for, in mapping order. */
    public static Map<String, String> comparableValues(InstanceMapping mapping, PatientRecord patient) {
        return asMap(convert(mapping, mapping.comparable(), patient));
    }

    /** The DHIS2 code of an OpenMRS gender: the mapped one, else OpenMRS's own code. */
    public static String genderCode(InstanceMapping mapping, String openmrsGender) {
        String mapped = mapping.getGenderCodes().get(openmrsGender);
        return mapped == null ? openmrsGender : mapped;
    }

    private static List<AttributeValue> convert(InstanceMapping mapping, List<AttributeMapping> attributes,
            PatientRecord patient) {
        List<AttributeValue> values = new ArrayList<AttributeValue>();
        for (AttributeMapping attribute : attributes) {
            PatientField field = attribute.getField();
            String value = patient.value(field);
            if (value == null || value.trim().isEmpty()) {
                continue;
            }
            if (field.getKind() == PatientField.Kind.GENDER) {
                value = genderCode(mapping, value);
            }
            values.add(new AttributeValue(attribute.getAttributeUid(), value));
        }
        return values;
    }

    private static Map<String, String> asMap(List<AttributeValue> values) {
        Map<String, String> map = new LinkedHashMap<String, String>();
        for (AttributeValue value : values) {
            map.put(value.getAttributeUid(), value.getValue());
        }
        return map;
    }
}
