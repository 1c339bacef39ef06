package org.openmrs.api;

import java.util.List;
import java.util.Locale;

import org.openmrs.Concept;
import org.openmrs.ConceptClass;
import org.openmrs.ConceptDatatype;
import org.openmrs.ConceptSearchResult;

/**
 * Declaration of OpenMRS core 2.5.x {@code org.openmrs.api.ConceptService} (compile only):
 * the methods the module calls; its {@code @Authorized} annotation is left out.
 */
public interface ConceptService extends OpenmrsService {

    /** @return the Concept of that internal id, or null when there is none */
    Concept getConcept(Integer conceptId) throws APIException;

    /** @return the Concept of that uuid, or null when there is none */
    Concept getConceptByUuid(String uuid);

    /**
     * Searches concepts by words of their names (null locales: the user's locale); {@code start} and {@code size}
     * page the results.
     */
    List<ConceptSearchResult> getConcepts(String phrase, List<Locale> locales, boolean includeRetired,
            List<ConceptClass> requireClasses, List<ConceptClass> excludeClasses, List<ConceptDatatype> requireDatatypes,
            List<ConceptDatatype> excludeDatatypes, Concept answersToConcept, Integer start, Integer size)
            throws APIException;
}
