package org.openmrs.api;

import org.openmrs.PatientProgram;

/**
 * Declaration of OpenMRS core 2.5.x {@code org.openmrs.api.ProgramWorkflowService} (compile only):
 * the one method the module calls; its {@code @Authorized} annotation is left out.
 */
public interface ProgramWorkflowService extends OpenmrsService {

    /** @return the PatientProgram of that internal id, or null when there is none */
    PatientProgram getPatientProgram(Integer patientProgramId) throws APIException;

    PatientProgram getPatientProgramByUuid(String uuid);
}
