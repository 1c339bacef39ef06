package org.openmrs.module.dhis2sync.source.openmrs;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.openmrs.BaseOpenmrsMetadata;
import org.openmrs.Concept;
import org.openmrs.ConceptAnswer;
import org.openmrs.ConceptName;
import org.openmrs.ConceptSearchResult;
import org.openmrs.api.ConceptService;
import org.openmrs.api.EncounterService;
import org.openmrs.api.FormService;
import org.openmrs.api.LocationService;
import org.openmrs.api.PatientService;
import org.openmrs.api.PersonService;
import org.openmrs.api.ProgramWorkflowService;
import org.openmrs.module.dhis2sync.source.ConceptItem;
import org.openmrs.module.dhis2sync.source.MetadataItem;
import org.openmrs.module.dhis2sync.source.SourceMetadata;

/** OpenMRS metadata through OpenMRS's own services (non-retired only), translated at this edge. */
public class OpenmrsSourceMetadata implements SourceMetadata {

    private static final Comparator<MetadataItem> BY_NAME = Comparator.comparing(
            (MetadataItem item) -> item.getName() == null ? "" : item.getName(), String.CASE_INSENSITIVE_ORDER);

    private final ProgramWorkflowService programs;
    private final EncounterService encounters;
    private final FormService forms;
    private final PersonService persons;
    private final PatientService patients;
    private final LocationService locations;
    private final ConceptService concepts;

    public OpenmrsSourceMetadata(ProgramWorkflowService programs, EncounterService encounters, FormService forms,
            PersonService persons, PatientService patients, LocationService locations, ConceptService concepts) {
        this.programs = programs;
        this.encounters = encounters;
        this.forms = forms;
        this.persons = persons;
        this.patients = patients;
        this.locations = locations;
        this.concepts = concepts;
    }

    @Override
    public List<MetadataItem> programs() {
        return items(programs.getAllPrograms(false));
    }

    @Override
    public List<MetadataItem> encounterTypes() {
        return items(encounters.getAllEncounterTypes(false));
    }

    @Override
    public List<MetadataItem> forms() {
        return items(forms.getAllForms(false));
    }

    @Override
    public List<MetadataItem> personAttributeTypes() {
        return items(persons.getAllPersonAttributeTypes(false));
    }

    @Override
    public List<MetadataItem> identifierTypes() {
        return items(patients.getAllPatientIdentifierTypes(false));
    }

    @Override
    public List<MetadataItem> locations() {
        return items(locations.getAllLocations(false));
    }

    @Override
    public List<ConceptItem> concepts(String nameQuery, int limit) {
        if (nameQuery == null || nameQuery.trim().isEmpty() || limit < 1) {
            return Collections.emptyList();
        }
        List<ConceptSearchResult> found = concepts.getConcepts(nameQuery.trim(), null, false, null, null, null, null,
                null, 0, limit);
        // one concept can match through several of its names
        Map<String, ConceptItem> byUuid = new LinkedHashMap<>();
        for (ConceptSearchResult result : found) {
            Concept concept = result.getConcept();
            if (concept != null && !byUuid.containsKey(concept.getUuid())) {
                byUuid.put(concept.getUuid(), concept(concept));
            }
        }
        return new ArrayList<>(byUuid.values());
    }

    @Override
    public Map<String, ConceptItem> conceptsByUuid(Collection<String> uuids) {
        Map<String, ConceptItem> found = new LinkedHashMap<>();
        for (String uuid : new LinkedHashSet<>(uuids)) {
            Concept concept = uuid == null ? null : concepts.getConceptByUuid(uuid);
            if (concept != null) {
                found.put(uuid, concept(concept));
            }
        }
        return found;
    }

    private static ConceptItem concept(Concept concept) {
        List<MetadataItem> answers = new ArrayList<>();
        for (ConceptAnswer answer : concept.getAnswers(false)) {
            if (answer.getAnswerConcept() != null) {
                answers.add(reference(answer.getAnswerConcept()));
            }
        }
        List<MetadataItem> members = new ArrayList<>();
        for (Concept member : concept.getSetMembers()) {
            members.add(reference(member));
        }
        String datatype = concept.getDatatype() == null ? null : concept.getDatatype().getName();
        return new ConceptItem(concept.getUuid(), name(concept), datatype, answers, members);
    }

    private static MetadataItem reference(Concept concept) {
        return new MetadataItem(concept.getUuid(), name(concept), null);
    }

    private static String name(Concept concept) {
        ConceptName name = concept.getName();
        return name == null ? null : name.getName();
    }

    private static List<MetadataItem> items(List<? extends BaseOpenmrsMetadata> objects) {
        List<MetadataItem> items = new ArrayList<>();
        if (objects != null) {
            for (BaseOpenmrsMetadata object : objects) {
                if (!Boolean.TRUE.equals(object.getRetired())) {
                    items.add(new MetadataItem(object.getUuid(), object.getName(), blankToNull(object.getDescription())));
                }
            }
        }
        items.sort(BY_NAME);
        return items;
    }

    private static String blankToNull(String text) {
        return text == null || text.trim().isEmpty() ? null : text;
    }
}
