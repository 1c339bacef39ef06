package org.openmrs.module.dhis2sync.web;

import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.aopalliance.intercept.MethodInterceptor;
import org.openmrs.annotation.Authorized;
import org.openmrs.api.APIAuthenticationException;
import org.openmrs.module.dhis2sync.api.Dhis2SyncService;
import org.openmrs.module.dhis2sync.api.Dhis2SyncServiceImpl;
import org.openmrs.module.dhis2sync.api.JobRequests;
import org.openmrs.module.dhis2sync.api.MappingReferences;
import org.openmrs.module.dhis2sync.api.MappingRequests;
import org.openmrs.module.dhis2sync.api.OpenmrsLookups;
import org.openmrs.module.dhis2sync.api.OrgUnitRows;
import org.openmrs.module.dhis2sync.api.ReconcileRuns;
import org.openmrs.module.dhis2sync.api.RecordReads;
import org.openmrs.module.dhis2sync.api.RunHistory;
import org.openmrs.module.dhis2sync.api.SettingsAdmin;
import org.openmrs.module.dhis2sync.api.SyncRuns;
import org.openmrs.module.dhis2sync.api.SettingsRunSettings;
import org.openmrs.module.dhis2sync.dhis2.Dhis2Pickers;
import org.openmrs.module.dhis2sync.dhis2.fake.FakeDhis2;
import org.openmrs.module.dhis2sync.health.MappingHealth;
import org.openmrs.module.dhis2sync.jobs.Jobs;
import org.openmrs.module.dhis2sync.mapping.MappingJson;
import org.openmrs.module.dhis2sync.mapping.MappingRegistry;
import org.openmrs.module.dhis2sync.mapping.MappingValidator;
import org.openmrs.module.dhis2sync.metadata.MappingMetadataReader;
import org.openmrs.module.dhis2sync.names.MappingNamesReader;
import org.openmrs.module.dhis2sync.settings.Dhis2ClientFactory;
import org.openmrs.module.dhis2sync.settings.SettingsUpdate;
import org.openmrs.module.dhis2sync.settings.openmrs.GlobalPropertySettingsStore;
import org.openmrs.module.dhis2sync.source.ConceptItem;
import org.openmrs.module.dhis2sync.sync.PendingJobs;
import org.openmrs.module.dhis2sync.source.EncounterRecord;
import org.openmrs.module.dhis2sync.source.MetadataItem;
import org.openmrs.module.dhis2sync.source.MetadataKind;
import org.openmrs.module.dhis2sync.source.PatientRecord;
import org.openmrs.module.dhis2sync.status.PatientSyncStatusReader;
import org.openmrs.module.dhis2sync.sync.InMemoryClinicalSource;
import org.openmrs.module.dhis2sync.sync.InMemoryPatientDirectory;
import org.openmrs.module.dhis2sync.reconcile.ReconcileStore;
import org.openmrs.module.dhis2sync.reconcile.Reconciliations;
import org.openmrs.module.dhis2sync.sync.SyncEngine;
import org.openmrs.module.dhis2sync.sync.SyncHarness;
import org.openmrs.module.dhis2sync.sync.SyncRunner;
import org.openmrs.module.dhis2sync.sync.TrackerStore;
import org.openmrs.module.dhis2sync.sync.WithdrawalStore;
import org.openmrs.module.dhis2sync.testsupport.TestDatabase;
import org.openmrs.module.dhis2sync.testsupport.TrackingDatabase;
import org.springframework.aop.framework.ProxyFactory;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.AnnotationTransactionAttributeSource;
import org.springframework.transaction.interceptor.TransactionInterceptor;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The module's real service graph as moduleApplicationContext.xml wires it, with stand-ins for OpenMRS: the
 * module's tables on H2 (the real changelog), the fake DHIS2 over HTTP, an in-memory OpenMRS (clinical data and
 * metadata), the real settings store over in-memory global properties, a small pool for background runs and a
 * settable user. The service is proxied as OpenMRS does it: an {@link Authorized} check, then the transaction.
 * Reusable: the browser tests serve {@link #controllers()} and {@link #errorAdvice()} over Jetty.
 */
public final class TestInstallation implements AutoCloseable {

    public static final String DHIS2_USER = "admin";
    public static final String DHIS2_PASSWORD = "district";

    public static final String FORM = "a1b2c3d4-0000-4000-8000-0000000form01";
    public static final String PHONE_ATTRIBUTE = "a1b2c3d4-0000-4000-8000-00000phone01";
    public static final String OTHER_LOCATION = "a1b2c3d4-0000-4000-8000-00000000loc2";
    /** The demo patient DHIS2 refuses: gender "O" has no code in the mapping nor in DHIS2's option set. */
    public static final String REFUSED_PATIENT = "a1b2c3d4-0000-4000-8000-0000patient03";

    public final FakeDhis2 dhis2;
    public final TrackingDatabase db;
    public final InMemoryClinicalSource openmrs = new InMemoryClinicalSource();
    /** Names of the in-memory OpenMRS's patients, enrollments and encounters. */
    public final InMemoryPatientDirectory patients = new InMemoryPatientDirectory(openmrs);
    public final InMemorySourceMetadata metadata = new InMemorySourceMetadata();
    public final InMemoryGlobalProperties globalProperties = new InMemoryGlobalProperties();
    public final SettableAuthorization user = new SettableAuthorization();
    /** The service as the web layer calls it: privileges checked, transactional. */
    public final Dhis2SyncService service;
    /** The same service without the privilege check, for setting up data. */
    public final Dhis2SyncService system;

    private final ExecutorService runs;

    private TestInstallation(FakeDhis2.Version version) {
        dhis2 = FakeDhis2.start(version);
        db = withOneChangelog(() -> TrackingDatabase.create(TestDatabase.Kind.H2));
        AtomicInteger threads = new AtomicInteger();
        runs = Executors.newFixedThreadPool(4, runnable -> {
            Thread thread = new Thread(runnable, "dhis2sync-run-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        // like dhis2syncWriteTx: each write of a run commits on its own, whatever transaction is around
        TransactionTemplate writeTx = new TransactionTemplate(db.getTransactionManager());
        writeTx.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);

        GlobalPropertySettingsStore settings = new GlobalPropertySettingsStore(globalProperties, new TestCipher());
        Dhis2ClientFactory clients = new Dhis2ClientFactory(settings);
        TrackerStore trackers = new TrackerStore(writeTx, db.instanceTrackerDao(), db.enrollmentTrackerDao(),
                db.eventTrackerDao(), db.markerDao(), db.failedRecordDao(), db.orgUnitMappingDao());
        SyncEngine engine = new SyncEngine(openmrs, trackers, new WithdrawalStore(writeTx,
                db.instanceTrackerDao(), db.enrollmentTrackerDao(), db.eventTrackerDao(), db.pendingDeletionDao()),
                Date::new);
        MappingMetadataReader metadataReader = new MappingMetadataReader(metadata);
        MappingHealth health = new MappingHealth(metadataReader, trackers, Date::new);
        SyncRunner runner = new SyncRunner(engine, writeTx, db.syncLogDao(), db.runLockDao(), clients,
                new SettingsRunSettings(settings), runs, Date::new, health);
        MappingValidator validator = new MappingValidator();
        MappingRegistry registry = new MappingRegistry(db.mappingDao(), new MappingJson(validator), validator);
        PatientSyncStatusReader status = new PatientSyncStatusReader(patients, registry, trackers,
                db.failedRecordDao(), runner);
        Jobs jobs = new Jobs(runs, Date::new);
        MappingRequests mappings = new MappingRequests(registry, user);
        RecordReads recordReads = new RecordReads(user);
        Dhis2SyncServiceImpl target = new Dhis2SyncServiceImpl(new SettingsAdmin(settings, clients), mappings,
                new SyncRuns(mappings, runner, db.failedRecordDao(), recordReads),
                new JobRequests(mappings, jobs, new PendingJobs(jobs, runner, clients), recordReads),
                new ReconcileRuns(mappings, new Reconciliations(runner, engine, new ReconcileStore(writeTx,
                        db.instanceTrackerDao(), db.enrollmentTrackerDao(), db.eventTrackerDao()), trackers)),
                new RunHistory(db.syncLogDao(), db.failedRecordDao()), new OrgUnitRows(db.orgUnitMappingDao()),
                new Dhis2Pickers(clients), new MappingReferences(mappings, db.orgUnitMappingDao(), settings,
                        new MappingNamesReader(metadata, metadataReader), health, clients),
                new OpenmrsLookups(metadata, patients, status, settings, user, recordReads));

        TransactionInterceptor transactions = new TransactionInterceptor(db.getTransactionManager(),
                new AnnotationTransactionAttributeSource());
        service = proxy(target, authorizedCheck(), transactions);
        system = proxy(target, transactions);
    }

    /** A fresh installation talking to a fake DHIS2 2.41; nothing configured yet. */
    public static TestInstallation start() {
        return new TestInstallation(FakeDhis2.Version.V2_41);
    }

    public static TestInstallation start(FakeDhis2.Version version) {
        return new TestInstallation(version);
    }

    /** The module's controllers, over this installation. */
    public List<Object> controllers() {
        return Arrays.asList(new MappingsController(service, user), new RunsController(service, user),
                new LogsController(service, user), new SettingsController(service, user),
                new OrgUnitsController(service, user), new MetadataController(service, user),
                new NamesController(service, user), new PatientsController(service, user), new SessionController(user),
                new JobsController(service, user), new ReconcileController(service, user));
    }

    public Object errorAdvice() {
        return new Dhis2SyncErrorAdvice(user);
    }

    /** Spring MVC over the controllers and the advice, as OpenMRS's dispatcher would serve them. */
    public MockMvc mockMvc() {
        return MockMvcBuilders.standaloneSetup(controllers().toArray()).setControllerAdvice(errorAdvice()).build();
    }

    /** Settings pointing at the fake DHIS2 (user admin, password district; small batches, short timeout). */
    public TestInstallation configureDhis2() {
        system.saveSettings(SettingsUpdate.builder().url(dhis2.baseUrl()).username(DHIS2_USER)
                .password(DHIS2_PASSWORD).api("auto").defaultOrgUnitUid("").batchSize(50).timeoutSeconds(10)
                .build());
        return this;
    }

    /** OpenMRS metadata for the pickers: the demo's program, encounter type, form, types, locations, concepts. */
    public TestInstallation seedMetadata() {
        metadata.add(MetadataKind.PROGRAMS, SyncHarness.PROGRAM_UUID, "HIV Testing Services", "HTS programme")
                .add(MetadataKind.ENCOUNTER_TYPES, SyncHarness.VISIT_TYPE, "HTS Visit", "A testing visit")
                .add(MetadataKind.FORMS, FORM, "HTS Form", "Bahmni form of the testing visit")
                .add(MetadataKind.PERSON_ATTRIBUTE_TYPES, PHONE_ATTRIBUTE, "Phone Number", null)
                .add(MetadataKind.IDENTIFIER_TYPES, SyncHarness.NATIONAL_ID_TYPE, "National ID", "Issued by the state")
                .add(MetadataKind.LOCATIONS, SyncHarness.CLINIC, "Verify Clinic", null)
                .add(MetadataKind.LOCATIONS, OTHER_LOCATION, "Outreach Post", null);
        patients.name(SyncHarness.PROGRAM_UUID, "HIV Testing Services").name(SyncHarness.VISIT_TYPE, "HTS Visit")
                .name(SyncHarness.NATIONAL_ID_TYPE, "National ID");
        metadata.addConcept(new ConceptItem(SyncHarness.WEIGHT, "Weight (kg)", "Numeric", null, null))
                .addConcept(new ConceptItem(SyncHarness.NOTE, "Clinical note", "Text", null, null))
                .addConcept(new ConceptItem(SyncHarness.RESULT, "HIV test result", "Coded", Arrays.asList(
                        new MetadataItem(SyncHarness.POSITIVE, "Positive", null),
                        new MetadataItem(SyncHarness.NEGATIVE, "Negative", null),
                        new MetadataItem(SyncHarness.INDETERMINATE, "Indeterminate", null)), null));
        return this;
    }

    /**
     * The demo: settings pointing at the fake DHIS2, the metadata, the clinic's org unit, the mapping of
     * {@link SyncHarness#mapping} and three enrolled patients with a visit each, one of whom DHIS2 refuses
     * ({@link #REFUSED_PATIENT}, gender "O").
     *
     * @return the mapping's uuid
     */
    public String seedDemo() {
        configureDhis2();
        seedMetadata();
        system.saveOrgUnitMapping(SyncHarness.CLINIC, SyncHarness.ORG_UNIT);
        String mappingUuid = system.createMapping(SyncHarness.mapping(false)).getUuid();
        openmrs.setNow(new Date(System.currentTimeMillis() - 60_000));
        addPatient("a1b2c3d4-0000-4000-8000-0000patient01", "NID-0001", "Jane", "F", "2026-01-05",
                SyncHarness.weight("61.5"), SyncHarness.result(SyncHarness.POSITIVE, "Positive"));
        addPatient("a1b2c3d4-0000-4000-8000-0000patient02", "NID-0002", "John", "M", "2026-01-06",
                twoWeights()[0], twoWeights()[1], SyncHarness.note("first visit"));
        addPatient(REFUSED_PATIENT, "NID-0003", "Alex", "O", "2026-01-07", SyncHarness.weight("70"));
        return mappingUuid;
    }

    /**
     * A weight taken twice in one visit: a NUMBER data element takes the most recent, and the preview warns about
     * the other.
     */
    public static org.openmrs.module.dhis2sync.source.ObsValue[] twoWeights() {
        return new org.openmrs.module.dhis2sync.source.ObsValue[] {
            new org.openmrs.module.dhis2sync.source.ObsValue(SyncHarness.WEIGHT, "Weight",
                    org.openmrs.module.dhis2sync.source.ObsValue.Type.NUMERIC, "80", null, null,
                    java.util.Collections.emptyList(), java.time.LocalDateTime.of(2026, 1, 6, 10, 0), 21),
            new org.openmrs.module.dhis2sync.source.ObsValue(SyncHarness.WEIGHT, "Weight",
                    org.openmrs.module.dhis2sync.source.ObsValue.Type.NUMERIC, "80.4", null, null,
                    java.util.Collections.emptyList(), java.time.LocalDateTime.of(2026, 1, 6, 10, 20), 22) };
    }

    /**
     * A clinic's first sync: that many new patients, each enrolled with one visit (uuids ending in their number,
     * national ids CLINIC-0001...), all pending.
     */
    public void addClinic(int patients) {
        openmrs.setNow(new Date(System.currentTimeMillis() - 60_000));
        for (int n = 1; n <= patients; n++) {
            String number = String.format("%04d", n);
            addPatient("c1b2c3d4-0000-4000-8000-00patient" + number, "CLINIC-" + number, "Client" + number, "F",
                    String.format("2026-02-%02d", 1 + n % 28), SyncHarness.weight(String.valueOf(50 + n % 40)));
        }
    }

    private void addPatient(String uuid, String nationalId, String given, String gender, String day,
            org.openmrs.module.dhis2sync.source.ObsValue... obs) {
        PatientRecord patient = SyncHarness.patient(uuid, nationalId, given, gender);
        openmrs.putPatient(patient);
        openmrs.putEnrollment(SyncHarness.enrollment(uuid.replace("patient", "enrolmnt"), uuid, day, null));
        EncounterRecord visit = SyncHarness.visit(uuid.replace("patient", "visit000"), uuid, day, obs);
        openmrs.putEncounter(visit);
    }

    @Override
    public void close() {
        runs.shutdownNow();
        try {
            runs.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        dhis2.close();
        db.close();
    }

    /** What OpenMRS's AuthorizationAdvice does with {@link Authorized}, against the settable user. */
    private MethodInterceptor authorizedCheck() {
        return invocation -> {
            Authorized authorized = invocation.getMethod().getAnnotation(Authorized.class);
            if (authorized != null && authorized.value().length > 0) {
                if (!user.isAuthenticated()) {
                    throw new APIAuthenticationException("Basic authentication required");
                }
                boolean allowed = false;
                for (String privilege : authorized.value()) {
                    allowed |= user.hasPrivilege(privilege);
                }
                if (!allowed) {
                    throw new APIAuthenticationException("Privileges required: " + Arrays.toString(authorized.value()));
                }
            }
            return invocation.proceed();
        };
    }

    /**
     * The omod's classes hold the changelog that is packaged into the .omod, and the api's test classes another
     * copy; Liquibase refuses a changelog found twice, so it is shown only the first (they are the same file).
     */
    private static <T> T withOneChangelog(java.util.function.Supplier<T> work) {
        Thread thread = Thread.currentThread();
        ClassLoader original = thread.getContextClassLoader();
        thread.setContextClassLoader(new ClassLoader(original) {
            @Override
            public java.util.Enumeration<java.net.URL> getResources(String name) throws java.io.IOException {
                java.util.Enumeration<java.net.URL> all = super.getResources(name);
                if (!TrackingDatabase.CHANGELOG.equals(name) || !all.hasMoreElements()) {
                    return all;
                }
                return java.util.Collections.enumeration(java.util.Collections.singletonList(all.nextElement()));
            }
        });
        try {
            return work.get();
        } finally {
            thread.setContextClassLoader(original);
        }
    }

    private static Dhis2SyncService proxy(Dhis2SyncServiceImpl target, MethodInterceptor... interceptors) {
        ProxyFactory factory = new ProxyFactory(target);
        factory.addInterface(Dhis2SyncService.class);
        for (MethodInterceptor interceptor : interceptors) {
            factory.addAdvice(interceptor);
        }
        return (Dhis2SyncService) factory.getProxy();
    }

    /** A mapping config of the demo as JSON, with its name replaced. */
    public static String demoMappingJson(String name) {
        return new MappingJson().write(SyncHarness.mapping(false)).replace("\"HTS Service\"", quoted(name));
    }

    private static String quoted(String text) {
        return "\"" + text + "\"";
    }
}
