package org.openmrs.module.dhis2sync.bench;

import java.util.List;
import java.util.Locale;
import java.util.function.Function;

import org.hibernate.Session;
import org.hibernate.SessionFactory;
import org.openmrs.Concept;
import org.openmrs.ConceptClass;
import org.openmrs.ConceptDatatype;
import org.openmrs.ConceptSearchResult;
import org.openmrs.Encounter;
import org.openmrs.EncounterType;
import org.openmrs.Patient;
import org.openmrs.PatientIdentifierType;
import org.openmrs.PatientProgram;
import org.openmrs.Program;
import org.openmrs.api.ConceptService;
import org.openmrs.api.EncounterService;
import org.openmrs.api.PatientService;
import org.openmrs.api.ProgramWorkflowService;
import org.openmrs.api.impl.BaseOpenmrsService;
import org.springframework.orm.hibernate5.HibernateTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * OpenMRS's services as the OpenMRS-shaped benchmark's source calls them, each read as OpenMRS 2.5.14's does it:
 * the service's transaction is {@code @Transactional(readOnly = true)} (joining the caller's), its DAO reads by id
 * with {@code session.get} and by uuid with a query, in the current session of the one SessionFactory.
 */
final class OpenmrsShapedServices {

    private final SessionFactory sessionFactory;
    private final TransactionTemplate readOnly;

    OpenmrsShapedServices(SessionFactory sessionFactory, HibernateTransactionManager transactionManager) {
        this.sessionFactory = sessionFactory;
        this.readOnly = new TransactionTemplate(transactionManager);
        readOnly.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRED);
        readOnly.setReadOnly(true);
    }

    private <T> T read(Function<Session, T> dao) {
        return readOnly.execute(status -> dao.apply(sessionFactory.getCurrentSession()));
    }

    private <T> T byUuid(Class<T> type, String uuid) {
        return read(session -> session.createQuery("from " + type.getSimpleName() + " t where t.uuid = :uuid", type)
                .setParameter("uuid", uuid).uniqueResult());
    }

    PatientService patients() {
        return new Patients();
    }

    ProgramWorkflowService programs() {
        return new Programs();
    }

    EncounterService encounters() {
        return new Encounters();
    }

    ConceptService concepts() {
        return new Concepts();
    }

    private final class Patients extends BaseOpenmrsService implements PatientService {
        @Override
        public Patient getPatient(Integer patientId) {
            return read(session -> session.get(Patient.class, patientId));
        }

        @Override
        public Patient getPatientByUuid(String uuid) {
            return byUuid(Patient.class, uuid);
        }

        @Override
        public List<PatientIdentifierType> getAllPatientIdentifierTypes(boolean includeRetired) {
            throw new UnsupportedOperationException("the benchmark's source does not list identifier types");
        }
    }

    private final class Programs extends BaseOpenmrsService implements ProgramWorkflowService {
        @Override
        public PatientProgram getPatientProgram(Integer patientProgramId) {
            return read(session -> session.get(PatientProgram.class, patientProgramId));
        }

        @Override
        public PatientProgram getPatientProgramByUuid(String uuid) {
            return byUuid(PatientProgram.class, uuid);
        }

        @Override
        public List<Program> getAllPrograms(boolean includeRetired) {
            throw new UnsupportedOperationException("the benchmark's source does not list programs");
        }
    }

    private final class Encounters extends BaseOpenmrsService implements EncounterService {
        @Override
        public Encounter getEncounter(Integer encounterId) {
            return read(session -> session.get(Encounter.class, encounterId));
        }

        @Override
        public Encounter getEncounterByUuid(String uuid) {
            return byUuid(Encounter.class, uuid);
        }

        @Override
        public List<EncounterType> getAllEncounterTypes(boolean includeRetired) {
            throw new UnsupportedOperationException("the benchmark's source does not list encounter types");
        }
    }

    private final class Concepts extends BaseOpenmrsService implements ConceptService {
        @Override
        public Concept getConcept(Integer conceptId) {
            return read(session -> session.get(Concept.class, conceptId));
        }

        @Override
        public Concept getConceptByUuid(String uuid) {
            return byUuid(Concept.class, uuid);
        }

        @Override
        public List<ConceptSearchResult> getConcepts(String phrase, List<Locale> locales, boolean includeRetired,
                List<ConceptClass> requireClasses, List<ConceptClass> excludeClasses,
                List<ConceptDatatype> requireDatatypes, List<ConceptDatatype> excludeDatatypes,
                Concept answersToConcept, Integer start, Integer size) {
            throw new UnsupportedOperationException("the benchmark's source does not search concepts");
        }
    }
}
