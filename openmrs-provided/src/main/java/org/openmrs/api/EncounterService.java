package org.openmrs.api;

import java.util.List;

import org.openmrs.Encounter;
import org.openmrs.EncounterType;

/**
 * Declaration of OpenMRS core 2.5.x {@code org.openmrs.api.EncounterService} (compile only):
 * the methods the module calls; its {@code @Authorized} annotation is left out.
 */
public interface EncounterService extends OpenmrsService {

    /** @return the Encounter of that internal id, or null when there is none */
    Encounter getEncounter(Integer encounterId) throws APIException;

    Encounter getEncounterByUuid(String uuid) throws APIException;

    List<EncounterType> getAllEncounterTypes(boolean includeRetired) throws APIException;
}
