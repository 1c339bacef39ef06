package org.openmrs.module.dhis2sync.web;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.openmrs.module.dhis2sync.source.ConceptItem;
import org.openmrs.module.dhis2sync.source.MetadataItem;
import org.openmrs.module.dhis2sync.source.MetadataKind;
import org.openmrs.module.dhis2sync.source.SourceMetadata;

/** OpenMRS metadata held in memory: what the tests (and the e2e server) put in. */
public final class InMemorySourceMetadata implements SourceMetadata {

    private final Map<MetadataKind, List<MetadataItem>> lists = new EnumMap<>(MetadataKind.class);
    private final List<ConceptItem> concepts = new ArrayList<>();

    public InMemorySourceMetadata() {
        for (MetadataKind kind : MetadataKind.values()) {
            lists.put(kind, new ArrayList<>());
        }
    }

    public synchronized InMemorySourceMetadata add(MetadataKind kind, String uuid, String name, String description) {
        lists.get(kind).add(new MetadataItem(uuid, name, description));
        lists.get(kind).sort((a, b) -> a.getName().compareToIgnoreCase(b.getName()));
        return this;
    }

    public synchronized InMemorySourceMetadata addConcept(ConceptItem concept) {
        concepts.add(concept);
        return this;
    }

    @Override
    public synchronized List<MetadataItem> list(MetadataKind kind) {
        return new ArrayList<>(lists.get(kind));
    }

    @Override
    public List<MetadataItem> programs() {
        return list(MetadataKind.PROGRAMS);
    }

    @Override
    public List<MetadataItem> encounterTypes() {
        return list(MetadataKind.ENCOUNTER_TYPES);
    }

    @Override
    public List<MetadataItem> forms() {
        return list(MetadataKind.FORMS);
    }

    @Override
    public List<MetadataItem> personAttributeTypes() {
        return list(MetadataKind.PERSON_ATTRIBUTE_TYPES);
    }

    @Override
    public List<MetadataItem> identifierTypes() {
        return list(MetadataKind.IDENTIFIER_TYPES);
    }

    @Override
    public List<MetadataItem> locations() {
        return list(MetadataKind.LOCATIONS);
    }

    /** Like OpenMRS: a word of the name starts with the query. */
    @Override
    public synchronized List<ConceptItem> concepts(String nameQuery, int limit) {
        String query = nameQuery.toLowerCase(Locale.ROOT);
        List<ConceptItem> found = new ArrayList<>();
        for (ConceptItem concept : concepts) {
            for (String word : concept.getName().toLowerCase(Locale.ROOT).split("\\s+")) {
                if (word.startsWith(query) && found.size() < limit) {
                    found.add(concept);
                    break;
                }
            }
        }
        return found;
    }

    @Override
    public synchronized Map<String, ConceptItem> conceptsByUuid(java.util.Collection<String> uuids) {
        Map<String, ConceptItem> found = new java.util.LinkedHashMap<>();
        for (ConceptItem concept : concepts) {
            if (uuids.contains(concept.getUuid())) {
                found.put(concept.getUuid(), concept);
            }
        }
        return found;
    }
}
