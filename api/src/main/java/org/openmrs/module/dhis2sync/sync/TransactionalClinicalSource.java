package org.openmrs.module.dhis2sync.sync;

import java.time.LocalDate;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.openmrs.module.dhis2sync.source.ClinicalSource;
import org.openmrs.module.dhis2sync.source.EncounterFeed;
import org.openmrs.module.dhis2sync.source.EncounterWindow;
import org.openmrs.module.dhis2sync.source.EncounterRecord;
import org.openmrs.module.dhis2sync.source.EnrollmentRecord;
import org.openmrs.module.dhis2sync.source.PatientRecord;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Every read of OpenMRS in its own short read-only transaction: a run in a background thread has no transaction of
 * its own, and one Hibernate session held across a whole run would keep every patient it loaded in memory.
 */
public class TransactionalClinicalSource implements ClinicalSource {

    private final ClinicalSource source;
    private final TransactionTemplate readOnly;

    /** @param readOnly a template configured read-only and REQUIRES_NEW */
    public TransactionalClinicalSource(ClinicalSource source, TransactionTemplate readOnly) {
        this.source = source;
        this.readOnly = readOnly;
    }

    private <T> T read(Supplier<T> work) {
        return readOnly.execute(status -> work.get());
    }

    @Override
    public List<Integer> changedPatientIds(String programUuid, Date since, int afterId, int limit) {
        return read(() -> source.changedPatientIds(programUuid, since, afterId, limit));
    }

    @Override
    public List<PatientRecord> loadPatients(List<Integer> patientIds) {
        return read(() -> source.loadPatients(patientIds));
    }

    @Override
    public List<Integer> changedEnrollmentIds(String programUuid, Date since, int afterId, int limit) {
        return read(() -> source.changedEnrollmentIds(programUuid, since, afterId, limit));
    }

    @Override
    public List<EnrollmentRecord> loadEnrollments(List<Integer> patientProgramIds) {
        return read(() -> source.loadEnrollments(patientProgramIds));
    }

    @Override
    public List<EnrollmentRecord> enrollmentsOfPatient(String patientUuid, String programUuid) {
        return read(() -> source.enrollmentsOfPatient(patientUuid, programUuid));
    }

    @Override
    public Map<String, List<EnrollmentRecord>> enrollmentsOfPatients(Collection<String> patientUuids,
            String programUuid) {
        return read(() -> source.enrollmentsOfPatients(patientUuids, programUuid));
    }

    @Override
    public List<Integer> changedEncounterIds(String programUuid, List<EncounterFeed> feeds, Date since, int afterId,
            int limit) {
        return read(() -> source.changedEncounterIds(programUuid, feeds, since, afterId, limit));
    }

    @Override
    public List<EncounterRecord> loadEncounters(List<Integer> encounterIds) {
        return read(() -> source.loadEncounters(encounterIds));
    }

    @Override
    public List<Integer> encounterIdsOfPatient(String patientUuid, List<EncounterFeed> feeds, LocalDate from,
            LocalDate to) {
        return read(() -> source.encounterIdsOfPatient(patientUuid, feeds, from, to));
    }

    @Override
    public List<List<Integer>> encounterIdsOfPatients(List<EncounterWindow> windows,
            List<EncounterFeed> feeds) {
        return read(() -> source.encounterIdsOfPatients(windows, feeds));
    }

    @Override
    public List<PatientRecord> loadPatientsByUuid(List<String> patientUuids) {
        return read(() -> source.loadPatientsByUuid(patientUuids));
    }

    @Override
    public List<EnrollmentRecord> loadEnrollmentsByUuid(List<String> patientProgramUuids) {
        return read(() -> source.loadEnrollmentsByUuid(patientProgramUuids));
    }

    @Override
    public List<EncounterRecord> loadEncountersByUuid(List<String> encounterUuids) {
        return read(() -> source.loadEncountersByUuid(encounterUuids));
    }

    @Override
    public List<String> voidedEncounterUuids(String programUuid, Date since, String afterUuid, int limit) {
        return read(() -> source.voidedEncounterUuids(programUuid, since, afterUuid, limit));
    }

    @Override
    public List<String> voidedEnrollmentUuids(String programUuid, Date since, String afterUuid, int limit) {
        return read(() -> source.voidedEnrollmentUuids(programUuid, since, afterUuid, limit));
    }

    @Override
    public List<String> voidedPatientUuids(String programUuid, Date since, String afterUuid, int limit) {
        return read(() -> source.voidedPatientUuids(programUuid, since, afterUuid, limit));
    }
}
