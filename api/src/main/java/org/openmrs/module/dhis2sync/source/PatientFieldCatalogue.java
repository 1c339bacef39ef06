package org.openmrs.module.dhis2sync.source;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds the source-field catalogue from the installation's identifier and person attribute types. */
public final class PatientFieldCatalogue {

    private static final Map<PatientField.Kind, String> FIXED = new LinkedHashMap<>();
    private static final Map<String, String> ADDRESS_LABELS = new LinkedHashMap<>();

    static {
        FIXED.put(PatientField.Kind.GIVEN_NAME, "Given name");
        FIXED.put(PatientField.Kind.MIDDLE_NAME, "Middle name");
        FIXED.put(PatientField.Kind.FAMILY_NAME, "Family name");
        FIXED.put(PatientField.Kind.GENDER, "Gender");
        FIXED.put(PatientField.Kind.BIRTHDATE, "Birthdate");
        FIXED.put(PatientField.Kind.BIRTHDATE_ESTIMATED, "Birthdate estimated");
        ADDRESS_LABELS.put("cityVillage", "City / village");
        ADDRESS_LABELS.put("countyDistrict", "County / district");
        ADDRESS_LABELS.put("stateProvince", "State / province");
        ADDRESS_LABELS.put("country", "Country");
        ADDRESS_LABELS.put("postalCode", "Postal code");
        ADDRESS_LABELS.put("latitude", "Latitude");
        ADDRESS_LABELS.put("longitude", "Longitude");
    }

    private PatientFieldCatalogue() {
    }

    public static List<PatientFieldItem> of(List<MetadataItem> identifierTypes, List<MetadataItem> attributeTypes) {
        List<PatientFieldItem> items = new ArrayList<>();
        for (Map.Entry<PatientField.Kind, String> fixed : FIXED.entrySet()) {
            items.add(new PatientFieldItem(PatientField.of(fixed.getKey()).toString(), fixed.getValue()));
        }
        for (MetadataItem type : identifierTypes) {
            items.add(new PatientFieldItem(PatientField.identifier(type.getUuid()).toString(),
                    "Identifier: " + type.getName()));
        }
        for (MetadataItem type : attributeTypes) {
            items.add(new PatientFieldItem(PatientField.attribute(type.getUuid()).toString(),
                    "Person attribute: " + type.getName()));
        }
        for (String property : PatientField.ADDRESS_PROPERTIES) {
            items.add(new PatientFieldItem(PatientField.address(property).toString(), "Address: " + label(property)));
        }
        return Collections.unmodifiableList(items);
    }

    private static String label(String property) {
        String label = ADDRESS_LABELS.get(property);
        if (label != null) {
            return label;
        }
        // address1 .. address15
        return "Address line " + property.substring("address".length());
    }
}
