package org.openmrs.api;

import org.openmrs.Patient;

/**
 * Declaration of OpenMRS core 2.5.x {@code org.openmrs.api.PatientService} (compile only):
 * the one method the module calls; its {@code @Authorized} annotation is left out.
 */
public interface PatientService extends OpenmrsService {

    /** @return the Patient of that internal id, or null when there is none */
    Patient getPatient(Integer patientId) throws APIException;

    Patient getPatientByUuid(String uuid) throws APIException;
}
