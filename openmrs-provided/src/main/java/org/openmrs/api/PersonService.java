package org.openmrs.api;

import java.util.List;

import org.openmrs.PersonAttributeType;

/**
 * Declaration of OpenMRS core 2.5.x {@code org.openmrs.api.PersonService} (compile only):
 * the one method the module calls; its {@code @Authorized} annotation is left out.
 */
public interface PersonService extends OpenmrsService {

    List<PersonAttributeType> getAllPersonAttributeTypes(boolean includeRetired) throws APIException;
}
