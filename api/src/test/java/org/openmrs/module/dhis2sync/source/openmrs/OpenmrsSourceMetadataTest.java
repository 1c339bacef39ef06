package org.openmrs.module.dhis2sync.source.openmrs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openmrs.module.dhis2sync.testsupport.EnglishLocales;
import org.openmrs.BaseOpenmrsMetadata;
import org.openmrs.Concept;
import org.openmrs.ConceptAnswer;
import org.openmrs.ConceptDatatype;
import org.openmrs.ConceptName;
import org.openmrs.ConceptSearchResult;
import org.openmrs.EncounterType;
import org.openmrs.Form;
import org.openmrs.Location;
import org.openmrs.PatientIdentifierType;
import org.openmrs.PersonAttributeType;
import org.openmrs.Program;
import org.openmrs.api.ConceptService;
import org.openmrs.api.EncounterService;
import org.openmrs.api.FormService;
import org.openmrs.api.LocationService;
import org.openmrs.api.PatientService;
import org.openmrs.api.PersonService;
import org.openmrs.api.ProgramWorkflowService;
import org.openmrs.module.dhis2sync.source.ConceptItem;
import org.openmrs.module.dhis2sync.source.MetadataItem;
import org.openmrs.module.dhis2sync.source.MetadataKind;
import org.openmrs.module.dhis2sync.source.PatientFieldItem;

@ExtendWith(EnglishLocales.class)
class OpenmrsSourceMetadataTest {

    private final ProgramWorkflowService programs = mock(ProgramWorkflowService.class);
    private final EncounterService encounters = mock(EncounterService.class);
    private final FormService forms = mock(FormService.class);
    private final PersonService persons = mock(PersonService.class);
    private final PatientService patients = mock(PatientService.class);
    private final LocationService locations = mock(LocationService.class);
    private final ConceptService concepts = mock(ConceptService.class);
    private final OpenmrsSourceMetadata metadata = new OpenmrsSourceMetadata(programs, encounters, forms, persons,
            patients, locations, concepts);

    private static <T extends BaseOpenmrsMetadata> T named(T object, String uuid, String name, String description) {
        object.setUuid(uuid);
        object.setName(name);
        object.setDescription(description);
        return object;
    }

    @Test
    void listsTheNonRetiredObjectsOfEachKindByName() {
        Program retired = named(new Program(), "p3", "Old", null);
        retired.setRetired(true);
        when(programs.getAllPrograms(false)).thenReturn(List.of(named(new Program(), "p2", "TB", " "),
                named(new Program(), "p1", "hiv", "HIV care"), retired));
        when(encounters.getAllEncounterTypes(false)).thenReturn(List.of(named(new EncounterType(), "e1", "Visit", null)));
        when(forms.getAllForms(false)).thenReturn(List.of(named(new Form(), "f1", "HTS Form", null)));
        when(persons.getAllPersonAttributeTypes(false)).thenReturn(List.of(named(new PersonAttributeType(), "a1",
                "Phone", null)));
        when(patients.getAllPatientIdentifierTypes(false)).thenReturn(List.of(named(new PatientIdentifierType(), "i1",
                "National ID", null)));
        when(locations.getAllLocations(false)).thenReturn(List.of(named(new Location(), "l1", "Clinic", null)));

        assertThat(metadata.programs()).containsExactly(new MetadataItem("p1", "hiv", "HIV care"),
                new MetadataItem("p2", "TB", null));
        assertThat(metadata.list(MetadataKind.ENCOUNTER_TYPES)).extracting(MetadataItem::getUuid).containsExactly("e1");
        assertThat(metadata.list(MetadataKind.FORMS)).extracting(MetadataItem::getName).containsExactly("HTS Form");
        assertThat(metadata.list(MetadataKind.PERSON_ATTRIBUTE_TYPES)).extracting(MetadataItem::getUuid)
                .containsExactly("a1");
        assertThat(metadata.list(MetadataKind.IDENTIFIER_TYPES)).extracting(MetadataItem::getUuid)
                .containsExactly("i1");
        assertThat(metadata.list(MetadataKind.LOCATIONS)).extracting(MetadataItem::getUuid).containsExactly("l1");
        assertThat(metadata.patientFields()).contains(new PatientFieldItem("identifier:i1", "Identifier: National ID"),
                new PatientFieldItem("attribute:a1", "Person attribute: Phone"),
                new PatientFieldItem("givenName", "Given name"),
                new PatientFieldItem("address:address3", "Address: Address line 3"));
    }

    @Test
    void searchesConceptsWithOpenmrsSearchOnceEachWithAnswersAndMembers() {
        Concept positive = concept("c2", "Positive", "N/A");
        Concept result = concept("c1", "HIV test result", "Coded");
        result.setAnswers(List.of(new ConceptAnswer(positive)));
        Concept panel = concept("c3", "HIV panel", "N/A");
        panel.addSetMember(result);
        when(concepts.getConcepts("hiv", null, false, null, null, null, null, null, 0, 10)).thenReturn(List.of(
                new ConceptSearchResult("hiv", result, result.getName()),
                new ConceptSearchResult("hiv", result, new ConceptName("VIH", Locale.FRENCH)),
                new ConceptSearchResult("hiv", panel, panel.getName())));

        List<ConceptItem> found = metadata.concepts(" hiv ", 10);

        assertThat(found).extracting(ConceptItem::getUuid).containsExactly("c1", "c3");
        assertThat(found.get(0).getDatatype()).isEqualTo("Coded");
        assertThat(found.get(0).getAnswers()).containsExactly(new MetadataItem("c2", "Positive", null));
        assertThat(found.get(1).getSetMembers()).extracting(MetadataItem::getName).containsExactly("HIV test result");
    }

    @Test
    void anEmptyQueryDoesNotSearch() {
        assertThat(metadata.concepts(" ", 10)).isEmpty();
        verify(concepts, never()).getConcepts(anyString(), any(), any(Boolean.class), any(), any(), any(), any(), any(),
                any(), any());
    }

    private static Concept concept(String uuid, String name, String datatype) {
        Concept concept = new Concept();
        concept.setUuid(uuid);
        concept.addName(new ConceptName(name, Locale.ENGLISH));
        ConceptDatatype type = new ConceptDatatype();
        type.setName(datatype);
        concept.setDatatype(type);
        return concept;
    }
}
