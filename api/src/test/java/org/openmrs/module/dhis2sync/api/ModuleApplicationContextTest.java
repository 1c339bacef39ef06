package org.openmrs.module.dhis2sync.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.aopalliance.intercept.MethodInterceptor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.openmrs.GlobalProperty;
import org.hibernate.Session;
import org.hibernate.SessionFactory;
import org.openmrs.api.context.ServiceContext;
import org.openmrs.module.dhis2sync.settings.SettingsUpdate;
import org.openmrs.module.dhis2sync.settings.SyncSettings;
import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.support.GenericBeanDefinition;
import org.springframework.context.support.ClassPathXmlApplicationContext;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.annotation.AnnotationTransactionAttributeSource;
import org.springframework.transaction.interceptor.TransactionAttributeSource;
import org.springframework.transaction.support.SimpleTransactionStatus;

/**
 * Loads the module's moduleApplicationContext.xml the way OpenMRS does (classpath*:), inside a parent context
 * standing in for OpenMRS's beans.
 */
class ModuleApplicationContextTest {

    private final RecordingTransactionManager transactionManager = new RecordingTransactionManager();
    private final List<String> intercepted = new ArrayList<>();
    /** OpenMRS's current Hibernate session, holding the global_property rows by name. */
    private final Session session = mock(Session.class);
    private final Map<String, GlobalProperty> globalProperties = new HashMap<>();

    private GenericApplicationContext openmrs;
    private ClassPathXmlApplicationContext module;

    @BeforeEach
    void loadTheModuleContext() {
        ServiceContextStandIn.created.clear();
        openmrs = new GenericApplicationContext();
        openmrs.registerBean("transactionManager", PlatformTransactionManager.class, () -> transactionManager);
        openmrs.registerBean("transactionAttributeSource", TransactionAttributeSource.class,
            () -> new AnnotationTransactionAttributeSource());
        // OpenMRS puts its AuthorizationAdvice here; this one only records that it ran, before the transaction
        MethodInterceptor recorder = invocation -> {
            intercepted.add(invocation.getMethod().getName() + " in transaction: "
                + !transactionManager.begun.isEmpty());
            return invocation.proceed();
        };
        openmrs.registerBean("serviceInterceptors", List.class, () -> new ArrayList<Object>(List.of(recorder)));
        // OpenMRS's session factory and clinical services, which the module's DAOs, settings and source are built on
        SessionFactory sessionFactory = mock(SessionFactory.class);
        when(sessionFactory.getCurrentSession()).thenReturn(session);
        when(session.get(eq(GlobalProperty.class), anyString()))
            .thenAnswer(call -> globalProperties.get(call.<String>getArgument(1)));
        openmrs.registerBean("sessionFactory", SessionFactory.class, () -> sessionFactory);
        openmrs.registerBean("patientService", org.openmrs.api.PatientService.class,
                () -> mock(org.openmrs.api.PatientService.class));
        openmrs.registerBean("programWorkflowService", org.openmrs.api.ProgramWorkflowService.class,
                () -> mock(org.openmrs.api.ProgramWorkflowService.class));
        openmrs.registerBean("encounterService", org.openmrs.api.EncounterService.class,
                () -> mock(org.openmrs.api.EncounterService.class));
        openmrs.registerBean("conceptService", org.openmrs.api.ConceptService.class,
                () -> mock(org.openmrs.api.ConceptService.class));
        openmrs.registerBean("formService", org.openmrs.api.FormService.class,
                () -> mock(org.openmrs.api.FormService.class));
        openmrs.registerBean("personService", org.openmrs.api.PersonService.class,
                () -> mock(org.openmrs.api.PersonService.class));
        openmrs.registerBean("locationService", org.openmrs.api.LocationService.class,
                () -> mock(org.openmrs.api.LocationService.class));
        // like OpenMRS's definition (a static factory method), which the module's <bean parent="serviceContext">
        // inherits: here every instance is a recording mock
        GenericBeanDefinition serviceContext = new GenericBeanDefinition();
        serviceContext.setBeanClass(ServiceContextStandIn.class);
        serviceContext.setFactoryMethodName("getInstance");
        openmrs.registerBeanDefinition("serviceContext", serviceContext);
        openmrs.refresh();
        module = new ClassPathXmlApplicationContext(new String[] { "classpath*:/moduleApplicationContext.xml" },
            openmrs);
    }

    @AfterEach
    void close() {
        module.close();
        openmrs.close();
    }

    @Test
    void registersTheTransactionalServiceWithOpenmrs() {
        Object service = module.getBean("dhis2syncService");

        assertThat(service).isInstanceOf(Dhis2SyncService.class);
        assertThat(AopUtils.isAopProxy(service)).isTrue();
        List<Object> registration = registrationWithOpenmrs();
        assertThat(registration).hasSize(2);
        assertThat(registration.get(0)).isEqualTo(Dhis2SyncService.class.getName());
        assertThat(registration.get(1)).isSameAs(service);
    }

    @Test
    void savesSettingsInAReadWriteTransactionAfterOpenmrsInterceptors() {
        GlobalProperty url = new GlobalProperty("dhis2sync.dhis2.url", "");
        globalProperties.put(url.getProperty(), url);
        Dhis2SyncService service = module.getBean(Dhis2SyncService.class);

        service.saveSettings(SettingsUpdate.builder().url("https://dhis2.example.org").username("sync").api("auto")
            .defaultOrgUnitUid("").batchSize(250).timeoutSeconds(60).build());

        assertThat(url.getPropertyValue()).isEqualTo("https://dhis2.example.org");
        verify(session).update(url);
        // the store's own template joins the service's read-write transaction (a real manager would not begin anew)
        assertThat(transactionManager.begun).isNotEmpty().noneMatch(TransactionDefinition::isReadOnly);
        assertThat(transactionManager.outcomes).containsOnly("commit");
        assertThat(intercepted).containsExactly("saveSettings in transaction: false");
    }

    @Test
    void readsSettingsInAReadOnlyTransaction() {
        Dhis2SyncService service = module.getBean(Dhis2SyncService.class);

        assertThat(service.getSettings()).isEqualTo(SyncSettings.defaults());

        assertThat(transactionManager.begun.get(0).isReadOnly()).isTrue();
        assertThat(transactionManager.outcomes).containsOnly("commit");
    }

    @Test
    void rollsBackWhenTheStoreFails() {
        when(session.get(eq(GlobalProperty.class), anyString())).thenThrow(new IllegalStateException("db down"));
        Dhis2SyncService service = module.getBean(Dhis2SyncService.class);

        assertThatThrownBy(() -> service.saveSettings(SettingsUpdate.builder().url("").username("").api("auto")
            .defaultOrgUnitUid("").batchSize(250).timeoutSeconds(60).build())).hasMessage("db down");

        assertThat(transactionManager.outcomes).contains("rollback").doesNotContain("commit");
    }

    @SuppressWarnings("unchecked")
    private List<Object> registrationWithOpenmrs() {
        ArgumentCaptor<List<Object>> registration = ArgumentCaptor.forClass(List.class);
        // the parent's own serviceContext bean is never configured; the module's child bean is
        assertThat(ServiceContextStandIn.created).hasSize(2);
        verify(ServiceContextStandIn.created.get(1)).setModuleService(registration.capture());
        return registration.getValue();
    }

    /** Stands in for OpenMRS's {@code ServiceContext.getInstance()}. */
    public static final class ServiceContextStandIn {

        static final List<ServiceContext> created = new ArrayList<>();

        private ServiceContextStandIn() {
        }

        public static ServiceContext getInstance() {
            ServiceContext serviceContext = mock(ServiceContext.class);
            created.add(serviceContext);
            return serviceContext;
        }
    }

    /** Records what the service asks of OpenMRS's transaction manager. */
    static final class RecordingTransactionManager implements PlatformTransactionManager {

        final List<TransactionDefinition> begun = new ArrayList<>();
        final List<String> outcomes = new ArrayList<>();

        @Override
        public TransactionStatus getTransaction(TransactionDefinition definition) {
            begun.add(definition);
            return new SimpleTransactionStatus(true);
        }

        @Override
        public void commit(TransactionStatus status) {
            outcomes.add("commit");
        }

        @Override
        public void rollback(TransactionStatus status) {
            outcomes.add("rollback");
        }
    }
}
