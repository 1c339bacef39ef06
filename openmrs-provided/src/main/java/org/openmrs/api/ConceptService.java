package org.openmrs.api;

import org.openmrs.Concept;

/**
 * Declaration of OpenMRS core 2.5.x {@code org.openmrs.api.ConceptService} (compile only):
 * the one method the module calls; its {@code @Authorized} annotation is left out.
 */
public interface ConceptService extends OpenmrsService {

    /** @return the Concept of that internal id, or null when there is none */
    Concept getConcept(Integer conceptId) throws APIException;
}
