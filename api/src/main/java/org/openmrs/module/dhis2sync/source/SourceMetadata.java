package org.openmrs.module.dhis2sync.source;

import java.util.List;

/**
 * The port through which the mapping editor's pickers read OpenMRS metadata. Every list holds only what is not
 * retired, sorted by name.
 */
public interface SourceMetadata {

    List<MetadataItem> programs();

    List<MetadataItem> encounterTypes();

    List<MetadataItem> forms();

    List<MetadataItem> personAttributeTypes();

    List<MetadataItem> identifierTypes();

    List<MetadataItem> locations();

    /**
     * Concepts with a name containing a word starting with the query (OpenMRS's concept search), at most
     * {@code limit}, best matches first.
     */
    List<ConceptItem> concepts(String nameQuery, int limit);

    /** The concepts of those uuids (retired ones too: a mapping may still name one), by uuid; unknown ones left out. */
    java.util.Map<String, ConceptItem> conceptsByUuid(java.util.Collection<String> uuids);

    /** The list of that kind. */
    default List<MetadataItem> list(MetadataKind kind) {
        switch (kind) {
            case PROGRAMS:
                return programs();
            case ENCOUNTER_TYPES:
                return encounterTypes();
            case FORMS:
                return forms();
            case PERSON_ATTRIBUTE_TYPES:
                return personAttributeTypes();
            case IDENTIFIER_TYPES:
                return identifierTypes();
            default:
                return locations();
        }
    }

    /**
     * The {@link PatientField} catalogue: the fixed fields, one entry per identifier type and person attribute type
     * of this installation, one per address field; each with a label.
     */
    default List<PatientFieldItem> patientFields() {
        return PatientFieldCatalogue.of(identifierTypes(), personAttributeTypes());
    }
}
