package org.openmrs.module.dhis2sync.bench;

import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.withSettings;

import java.util.function.Function;

import org.hibernate.Session;
import org.hibernate.SessionFactory;
import org.openmrs.Concept;
import org.openmrs.Encounter;
import org.openmrs.Patient;
import org.openmrs.PatientProgram;
import org.openmrs.api.ConceptService;
import org.openmrs.api.EncounterService;
import org.openmrs.api.PatientService;
import org.openmrs.api.ProgramWorkflowService;
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

    /**
     * A stub-only Mockito double (no invocation is recorded: the benchmark calls it millions of times) that refuses
     * every call the benchmark's source is not expected to make; test doubles of OpenMRS's interfaces are mocks, so
     * that they compile against every OpenMRS version's interface ({@code -Popenmrs}).
     */
    private static <T> T refusingAllBut(Class<T> type) {
        return mock(type, withSettings().stubOnly().defaultAnswer(call -> {
            throw new UnsupportedOperationException("the benchmark's source does not call " + type.getSimpleName()
                + "." + call.getMethod().getName());
        }));
    }

    PatientService patients() {
        PatientService service = refusingAllBut(PatientService.class);
        doAnswer(call -> read(session -> session.get(Patient.class, call.<Integer>getArgument(0))))
            .when(service).getPatient(anyInt());
        doAnswer(call -> byUuid(Patient.class, call.getArgument(0))).when(service).getPatientByUuid(anyString());
        return service;
    }

    ProgramWorkflowService programs() {
        ProgramWorkflowService service = refusingAllBut(ProgramWorkflowService.class);
        doAnswer(call -> read(session -> session.get(PatientProgram.class, call.<Integer>getArgument(0))))
            .when(service).getPatientProgram(anyInt());
        doAnswer(call -> byUuid(PatientProgram.class, call.getArgument(0))).when(service)
            .getPatientProgramByUuid(anyString());
        return service;
    }

    EncounterService encounters() {
        EncounterService service = refusingAllBut(EncounterService.class);
        doAnswer(call -> read(session -> session.get(Encounter.class, call.<Integer>getArgument(0))))
            .when(service).getEncounter(anyInt());
        doAnswer(call -> byUuid(Encounter.class, call.getArgument(0))).when(service).getEncounterByUuid(anyString());
        return service;
    }

    ConceptService concepts() {
        ConceptService service = refusingAllBut(ConceptService.class);
        doAnswer(call -> read(session -> session.get(Concept.class, call.<Integer>getArgument(0))))
            .when(service).getConcept(anyInt());
        doAnswer(call -> byUuid(Concept.class, call.getArgument(0))).when(service).getConceptByUuid(anyString());
        return service;
    }
}
