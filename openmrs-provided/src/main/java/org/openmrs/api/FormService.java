package org.openmrs.api;

import java.util.List;

import org.openmrs.Form;

/**
 * Declaration of OpenMRS core 2.5.x {@code org.openmrs.api.FormService} (compile only):
 * the one method the module calls; its {@code @Authorized} annotation is left out.
 */
public interface FormService extends OpenmrsService {

    List<Form> getAllForms(boolean includeRetired) throws APIException;
}
