package org.openmrs.api;

import java.util.List;

import org.openmrs.Patient;
import org.openmrs.PatientIdentifierType;

/**
 * Declaration of OpenMRS core 2.5.x {@code org.openmrs.api.PatientService} (compile only):
 * the methods the module calls; its {@code @Authorized} annotation is left out.
 */
public interface PatientService extends OpenmrsService {

    /** @return the Patient of that internal id, or null when there is none */
    Patient getPatient(Integer patientId) throws APIException;

    Patient getPatientByUuid(String uuid) throws APIException;

    List<PatientIdentifierType> getAllPatientIdentifierTypes(boolean includeRetired) throws APIException;
}
