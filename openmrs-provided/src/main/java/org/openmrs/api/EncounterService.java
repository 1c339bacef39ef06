package org.openmrs.api;

import org.openmrs.Encounter;

/**
 * Declaration of OpenMRS core 2.5.x {@code org.openmrs.api.EncounterService} (compile only):
 * the one method the module calls; its {@code @Authorized} annotation is left out.
 */
public interface EncounterService extends OpenmrsService {

    /** @return the Encounter of that internal id, or null when there is none */
    Encounter getEncounter(Integer encounterId) throws APIException;

    Encounter getEncounterByUuid(String uuid) throws APIException;
}
