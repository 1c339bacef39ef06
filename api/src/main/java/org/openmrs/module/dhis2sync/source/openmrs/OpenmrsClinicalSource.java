package org.openmrs.module.dhis2sync.source.openmrs;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.hibernate.SessionFactory;
import org.openmrs.Encounter;
import org.openmrs.Patient;
import org.openmrs.PatientProgram;
import org.openmrs.api.ConceptService;
import org.openmrs.api.EncounterService;
import org.openmrs.api.PatientService;
import org.openmrs.api.ProgramWorkflowService;
import org.openmrs.module.dhis2sync.source.ClinicalSource;
import org.openmrs.module.dhis2sync.source.EncounterFeed;
import org.openmrs.module.dhis2sync.source.EncounterRecord;
import org.openmrs.module.dhis2sync.source.EnrollmentRecord;
import org.openmrs.module.dhis2sync.source.PatientRecord;

/**
 * {@link ClinicalSource} on OpenMRS: ids by native SQL on OpenMRS's tables (in the current session, which
 * OpenMRS's transaction manager binds), objects through OpenMRS's services (so their privileges apply), each
 * translated at once into a record: no OpenMRS object leaves this package. Each chunk's objects are first loaded
 * into the session with a few queries ({@link ChunkPrefetch}), so that the services find them there. Needs an open
 * transaction; the engine reads each chunk in a read-only one of its own, in a session of its own.
 *
 * <p>In a delta, a voided obs still ties its encounter to a form or concept-set feed, so that voiding the last obs
 * of a form re-sends the event without it; {@link #encounterIdsOfPatient} counts only non-voided obs.
 */
public class OpenmrsClinicalSource implements ClinicalSource {

    private final ChangedIdQueries queries;
    private final String onlyPatientUuid;
    private final PatientService patientService;
    private final ProgramWorkflowService programWorkflowService;
    private final EncounterService encounterService;
    private final PatientMapper patientMapper;
    private final EncounterMapper encounterMapper = new EncounterMapper();
    private final ChunkPrefetch prefetch;

    /**
     * @param sessionFactory OpenMRS's {@code sessionFactory} bean
     * @param conceptService resolves the answers of coded person attributes
     */
    public OpenmrsClinicalSource(SessionFactory sessionFactory, PatientService patientService,
            ProgramWorkflowService programWorkflowService, EncounterService encounterService,
            ConceptService conceptService) {
        this(sessionFactory, patientService, programWorkflowService, encounterService, conceptService, null);
    }

    /**
     * The source seen through one patient (see {@link org.openmrs.module.dhis2sync.source.PatientDirectory#clinicalSourceOf}):
     * every delta and every load by uuid holds only that patient's records.
     *
     * @param onlyPatientUuid the patient, or null for every patient
     */
    OpenmrsClinicalSource(SessionFactory sessionFactory, PatientService patientService,
            ProgramWorkflowService programWorkflowService, EncounterService encounterService,
            ConceptService conceptService, String onlyPatientUuid) {
        this(sessionFactory, patientService, programWorkflowService, encounterService, conceptService, onlyPatientUuid,
                new ChunkPrefetch(sessionFactory));
    }

    /** @param prefetch loads each chunk into the session before the services are asked ({@link ChunkPrefetch#NONE}: not) */
    OpenmrsClinicalSource(SessionFactory sessionFactory, PatientService patientService,
            ProgramWorkflowService programWorkflowService, EncounterService encounterService,
            ConceptService conceptService, String onlyPatientUuid, ChunkPrefetch prefetch) {
        this.onlyPatientUuid = onlyPatientUuid;
        this.queries = new ChangedIdQueries(sessionFactory, onlyPatientUuid);
        this.prefetch = prefetch;
        this.patientService = required(patientService, "patientService");
        this.programWorkflowService = required(programWorkflowService, "programWorkflowService");
        this.encounterService = required(encounterService, "encounterService");
        this.patientMapper = new PatientMapper(conceptService);
    }

    @Override
    public List<Integer> changedPatientIds(String programUuid, Date since, int afterId, int limit) {
        return queries.changedPatientIds(programUuid, since, afterId, limit);
    }

    @Override
    public List<PatientRecord> loadPatients(List<Integer> patientIds) {
        List<PatientRecord> records = new ArrayList<PatientRecord>();
        prefetch.patientsById(requiredIds(patientIds, "patientIds"));
        for (Integer id : patientIds) {
            Patient patient = patientService.getPatient(id);
            if (patient != null && !Boolean.TRUE.equals(patient.getVoided())) {
                records.add(patientMapper.map(patient));
            }
        }
        return records;
    }

    @Override
    public List<Integer> changedEnrollmentIds(String programUuid, Date since, int afterId, int limit) {
        return queries.changedEnrollmentIds(programUuid, since, afterId, limit);
    }

    @Override
    public List<EnrollmentRecord> loadEnrollments(List<Integer> patientProgramIds) {
        List<EnrollmentRecord> records = new ArrayList<EnrollmentRecord>();
        prefetch.enrollmentsById(requiredIds(patientProgramIds, "patientProgramIds"));
        for (Integer id : patientProgramIds) {
            PatientProgram patientProgram = programWorkflowService.getPatientProgram(id);
            if (patientProgram != null) {
                records.add(EnrollmentMapper.map(patientProgram));
            }
        }
        return records;
    }

    @Override
    public List<EnrollmentRecord> enrollmentsOfPatient(String patientUuid, String programUuid) {
        return loadEnrollments(queries.enrollmentIdsOfPatient(patientUuid, programUuid));
    }

    /** Two queries for the lot: the ids, then the enrollments (as {@link #loadEnrollments} loads them). */
    @Override
    public Map<String, List<EnrollmentRecord>> enrollmentsOfPatients(Collection<String> patientUuids,
            String programUuid) {
        Map<String, List<EnrollmentRecord>> byPatient = new LinkedHashMap<String, List<EnrollmentRecord>>();
        for (String patientUuid : required(patientUuids, "patientUuids")) {
            byPatient.put(patientUuid, new ArrayList<EnrollmentRecord>());
        }
        for (EnrollmentRecord enrollment : loadEnrollments(queries.enrollmentIdsOfPatients(byPatient.keySet(),
                programUuid))) {
            List<EnrollmentRecord> ofPatient = byPatient.get(enrollment.getPatientUuid());
            if (ofPatient != null) {
                ofPatient.add(enrollment);
            }
        }
        return byPatient;
    }

    @Override
    public List<Integer> changedEncounterIds(String programUuid, List<EncounterFeed> feeds, Date since, int afterId,
            int limit) {
        return queries.changedEncounterIds(programUuid, feeds, since, afterId, limit);
    }

    /** A voided encounter (voided since its id was read) is left out like a deleted one. */
    @Override
    public List<EncounterRecord> loadEncounters(List<Integer> encounterIds) {
        List<EncounterRecord> records = new ArrayList<EncounterRecord>();
        prefetch.encountersById(requiredIds(encounterIds, "encounterIds"));
        for (Integer id : encounterIds) {
            Encounter encounter = encounterService.getEncounter(id);
            if (encounter != null && !Boolean.TRUE.equals(encounter.getVoided())) {
                records.add(encounterMapper.map(encounter));
            }
        }
        return records;
    }

    @Override
    public List<Integer> encounterIdsOfPatient(String patientUuid, List<EncounterFeed> feeds, LocalDate from,
            LocalDate to) {
        return queries.encounterIdsOfPatient(patientUuid, feeds, from, to);
    }

    @Override
    public List<String> voidedEncounterUuids(String programUuid, Date since, String afterUuid, int limit) {
        return queries.voidedEncounterUuids(programUuid, since, afterUuid, limit);
    }

    @Override
    public List<String> voidedEnrollmentUuids(String programUuid, Date since, String afterUuid, int limit) {
        return queries.voidedEnrollmentUuids(programUuid, since, afterUuid, limit);
    }

    @Override
    public List<String> voidedPatientUuids(String programUuid, Date since, String afterUuid, int limit) {
        return queries.voidedPatientUuids(programUuid, since, afterUuid, limit);
    }

    @Override
    public List<PatientRecord> loadPatientsByUuid(List<String> patientUuids) {
        List<PatientRecord> records = new ArrayList<PatientRecord>();
        List<String> uuids = new ArrayList<String>();
        for (String uuid : required(patientUuids, "patientUuids")) {
            if (onlyPatientUuid == null || onlyPatientUuid.equals(uuid)) {
                uuids.add(uuid);
            }
        }
        prefetch.patientsByUuid(uuids);
        for (String uuid : uuids) {
            Patient patient = patientService.getPatientByUuid(uuid);
            if (patient != null && !Boolean.TRUE.equals(patient.getVoided())) {
                records.add(patientMapper.map(patient));
            }
        }
        return records;
    }

    @Override
    public List<EnrollmentRecord> loadEnrollmentsByUuid(List<String> patientProgramUuids) {
        List<EnrollmentRecord> records = new ArrayList<EnrollmentRecord>();
        List<String> uuids = queries.ofThePatient("patient_program", required(patientProgramUuids,
                "patientProgramUuids"));
        prefetch.enrollmentsByUuid(uuids);
        for (String uuid : uuids) {
            PatientProgram patientProgram = programWorkflowService.getPatientProgramByUuid(uuid);
            if (patientProgram != null) {
                records.add(EnrollmentMapper.map(patientProgram));
            }
        }
        return records;
    }

    @Override
    public List<EncounterRecord> loadEncountersByUuid(List<String> encounterUuids) {
        List<EncounterRecord> records = new ArrayList<EncounterRecord>();
        List<String> uuids = queries.ofThePatient("encounter", required(encounterUuids, "encounterUuids"));
        prefetch.encountersByUuid(uuids);
        for (String uuid : uuids) {
            Encounter encounter = encounterService.getEncounterByUuid(uuid);
            if (encounter != null && !Boolean.TRUE.equals(encounter.getVoided())) {
                records.add(encounterMapper.map(encounter));
            }
        }
        return records;
    }

    private static List<Integer> requiredIds(List<Integer> ids, String name) {
        if (ids == null) {
            throw new IllegalArgumentException(name + " is required");
        }
        for (Integer id : ids) {
            if (id == null) {
                throw new IllegalArgumentException(name + " holds a null id");
            }
        }
        return ids;
    }

    private static <T> T required(T value, String name) {
        if (value == null) {
            throw new IllegalArgumentException(name + " is required");
        }
        return value;
    }
}
