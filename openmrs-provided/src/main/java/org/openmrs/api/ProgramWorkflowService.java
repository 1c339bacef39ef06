package org.openmrs.api;

import java.util.List;

import org.openmrs.PatientProgram;
import org.openmrs.Program;

/**
 * Declaration of OpenMRS core 2.5.x {@code org.openmrs.api.ProgramWorkflowService} (compile only):
 * the methods the module calls; its {@code @Authorized} annotation is left out.
 */
public interface ProgramWorkflowService extends OpenmrsService {

    /** @return the PatientProgram of that internal id, or null when there is none */
    PatientProgram getPatientProgram(Integer patientProgramId) throws APIException;

    PatientProgram getPatientProgramByUuid(String uuid);

    List<Program> getAllPrograms(boolean includeRetired) throws APIException;
}
