package org.openmrs.module.dhis2sync.e2e;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Date;
import java.util.Enumeration;
import java.util.List;

import org.aopalliance.intercept.MethodInterceptor;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.servlet.DefaultServlet;
import org.eclipse.jetty.servlet.ServletContextHandler;
import org.eclipse.jetty.servlet.ServletHolder;
import org.openmrs.module.dhis2sync.api.Dhis2SyncService;
import org.openmrs.module.dhis2sync.dhis2.fake.Metadata;
import org.openmrs.module.dhis2sync.source.EncounterRecord;
import org.openmrs.module.dhis2sync.source.EnrollmentRecord;
import org.openmrs.module.dhis2sync.source.ObsValue;
import org.openmrs.module.dhis2sync.source.PatientRecord;
import org.openmrs.module.dhis2sync.sync.SyncHarness;
import org.openmrs.module.dhis2sync.web.OpenmrsRequestAuthorization;
import org.openmrs.module.dhis2sync.web.RequestAuthorization;
import org.openmrs.module.dhis2sync.web.TestInstallation;
import org.springframework.aop.framework.ProxyFactory;
import org.springframework.beans.factory.xml.XmlBeanDefinitionReader;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.http.converter.ByteArrayHttpMessageConverter;
import org.springframework.http.converter.StringHttpMessageConverter;
import org.springframework.http.converter.json.MappingJackson2HttpMessageConverter;
import org.springframework.web.context.support.GenericWebApplicationContext;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerAdapter;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * The admin page and the module's real REST layer in one Jetty on 127.0.0.1 (a random port), laid out as in OpenMRS:
 * context {@code /openmrs}, {@code webapp/} at {@code /openmrs/moduleResources/dhis2sync/}, and a Spring
 * {@link DispatcherServlet} at {@code /openmrs/ws/*} whose context is the omod's own
 * {@code webModuleApplicationContext.xml} (its component scan of the controllers and error advice, its exception
 * resolver) plus the service of a {@link TestInstallation} (H2, the fake DHIS2, an in-memory OpenMRS) and a user
 * logged in with the module's four privileges.
 *
 * <p>The demo clinic: two mapped locations, the second ({@link #OUTREACH_LOCATION}) sending to a DHIS2 org unit the
 * DHIS2 user may not write to until the clinic asks for a retry, so the first run has a record DHIS2 refuses (E1000)
 * and its retry succeeds. Run {@link #main} for a server to look at by hand.
 */
public final class E2eServer implements AutoCloseable {

    static final String CONTEXT_PATH = "/openmrs";

    // What the browser test types into the pickers to find the demo's metadata
    static final String OPENMRS_PROGRAM = "HIV Testing";
    static final String DHIS2_PROGRAM = "Verify Tracker";
    static final String PATIENT_FIELD = "Identifier: National ID";
    static final String ATTRIBUTE = "National ID";
    static final String ENCOUNTER_TYPE = "HTS Visit";
    static final String STAGE = "Verify Visit";
    static final String CONCEPT = "Weight";
    static final String DATA_ELEMENT = "Weight";

    static final String OUTREACH_LOCATION = TestInstallation.OTHER_LOCATION;
    static final String OUTREACH_ORG_UNIT = "OuOutreach1";

    private final Server jetty;
    private final TestInstallation installation;

    private E2eServer(Server jetty, TestInstallation installation) {
        this.jetty = jetty;
        this.installation = installation;
    }

    /** A fresh installation with the demo clinic, served over HTTP. */
    static E2eServer start(Path webapp) throws Exception {
        TestInstallation installation = TestInstallation.start();
        try {
            seedDemoClinic(installation);
            installation.user.admin();
            return new E2eServer(serve(webapp, restContext(installation), new E2eControl(installation)), installation);
        } catch (Exception | Error e) {
            installation.close();
            throw e;
        }
    }

    public static void main(String[] args) throws Exception {
        Path webapp = Paths.get(args.length > 0 ? args[0] : "webapp").toAbsolutePath().normalize();
        E2eServer server = start(webapp);
        System.out.println("Admin page: " + server.pageUrl());
        System.out.println("Fake DHIS2: " + server.installation.dhis2.baseUrl() + " (" + TestInstallation.DHIS2_USER
                + " / " + TestInstallation.DHIS2_PASSWORD + ")");
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                server.close();
            } catch (Exception e) {
                e.printStackTrace();
            }
        }));
        Thread.currentThread().join();
    }

    /**
     * The demo's settings, metadata and mapping ("HTS Service"), and three enrolled patients with a visit each (the
     * second's with its weight taken twice: a warning in the preview); the third registered at the outreach post,
     * whose org unit DHIS2 refuses until the clinic retries.
     */
    static void seedDemoClinic(TestInstallation installation) {
        installation.configureDhis2().seedMetadata();
        installation.dhis2.metadata().addOrgUnit(new Metadata.OrgUnit(OUTREACH_ORG_UNIT, "Verify Outreach Post",
                "VERIFY_OUTREACH", "OuVerify001"));
        installation.dhis2.metadata().setOrgUnitAccessible(OUTREACH_ORG_UNIT, false);
        Dhis2SyncService system = installation.system;
        system.saveOrgUnitMapping(SyncHarness.CLINIC, SyncHarness.ORG_UNIT);
        system.saveOrgUnitMapping(OUTREACH_LOCATION, OUTREACH_ORG_UNIT);
        system.createMapping(SyncHarness.mapping(false));
        installation.openmrs.setNow(new Date(System.currentTimeMillis() - 60_000));
        addPatient(installation, 1, "NID-0001", "Jane", "F", SyncHarness.CLINIC, "2026-01-05",
                SyncHarness.weight("61.5"), SyncHarness.result(SyncHarness.POSITIVE, "Positive"));
        addPatient(installation, 2, "NID-0002", "John", "M", SyncHarness.CLINIC, "2026-01-06",
                TestInstallation.twoWeights()[0], TestInstallation.twoWeights()[1], SyncHarness.note("first visit"));
        addPatient(installation, 3, "NID-0003", "Amina", "F", OUTREACH_LOCATION, "2026-01-07",
                SyncHarness.weight("70"));
    }

    private static void addPatient(TestInstallation installation, int n, String nationalId, String given,
            String gender, String location, String day, ObsValue... obs) {
        String uuid = String.format("a1b2c3d4-0000-4000-8000-0000patient%02d", n);
        installation.openmrs.putPatient(new PatientRecord(uuid, given, null, "Doe", gender, LocalDate.of(1990, 5, 4),
                false, Collections.singletonMap(SyncHarness.NATIONAL_ID_TYPE, nationalId), Collections.emptyMap(),
                Collections.emptyMap(), location));
        installation.openmrs.putEnrollment(new EnrollmentRecord(uuid.replace("patient", "enrolmnt"), uuid,
                SyncHarness.PROGRAM_UUID, LocalDate.parse(day), null, location, false));
        installation.openmrs.putEncounter(new EncounterRecord(uuid.replace("patient", "visit000"), uuid,
                SyncHarness.VISIT_TYPE, LocalDate.parse(day).atTime(10, 0), location, null, Arrays.asList(obs)));
    }

    /**
     * The REST servlet's context: the omod's own XML, the installation's service (a retry first lets the DHIS2 user
     * write to the outreach org unit, as DHIS2's administrator would have done when the clinic reported the refusal)
     * and the test user, preferred to the OpenMRS session reader the scan finds.
     */
    static GenericWebApplicationContext restContext(TestInstallation installation) {
        GenericWebApplicationContext context = new GenericWebApplicationContext();
        XmlBeanDefinitionReader xml = new XmlBeanDefinitionReader(context);
        xml.setResourceLoader(new PathMatchingResourcePatternResolver(mainClassesOfTheWebPackage()));
        xml.loadBeanDefinitions(new ClassPathResource("webModuleApplicationContext.xml", E2eServer.class.getClassLoader()));
        Dhis2SyncService service = accessGrantedOnRetry(installation);
        openmrsDispatcherDefaults(context);
        context.registerBean("dhis2SyncService", Dhis2SyncService.class, () -> service);
        context.registerBean("e2eUser", RequestAuthorization.class, () -> installation.user,
                definition -> definition.setPrimary(true));
        return context;
    }

    /**
     * What OpenMRS's own dispatcher servlet brings: annotated controllers, with the String and Jackson message
     * converters (and no exception resolver that answers JSON: the module's XML brings its own).
     */
    private static void openmrsDispatcherDefaults(GenericWebApplicationContext context) {
        context.registerBean("requestMappingHandlerMapping", RequestMappingHandlerMapping.class);
        context.registerBean("requestMappingHandlerAdapter", RequestMappingHandlerAdapter.class, () -> {
            RequestMappingHandlerAdapter adapter = new RequestMappingHandlerAdapter();
            adapter.setMessageConverters(Arrays.asList(new ByteArrayHttpMessageConverter(),
                    new StringHttpMessageConverter(StandardCharsets.UTF_8), new MappingJackson2HttpMessageConverter()));
            return adapter;
        });
    }

    /**
     * A class loader for the XML's component scan that lists only the omod's own classes of the web package: the
     * tests of that package (TestInstallation's) are Java 17 class files, which Spring 5.2 cannot read.
     */
    private static ClassLoader mainClassesOfTheWebPackage() {
        String webPackage = OpenmrsRequestAuthorization.class.getPackage().getName().replace('.', '/');
        String mainClasses = OpenmrsRequestAuthorization.class.getProtectionDomain().getCodeSource().getLocation()
                .toString();
        return new ClassLoader(E2eServer.class.getClassLoader()) {
            @Override
            public Enumeration<URL> getResources(String name) throws IOException {
                Enumeration<URL> all = super.getResources(name);
                if (!name.startsWith(webPackage)) {
                    return all;
                }
                List<URL> main = new ArrayList<>();
                for (URL url : Collections.list(all)) {
                    if (url.toString().contains(mainClasses)) {
                        main.add(url);
                    }
                }
                return Collections.enumeration(main);
            }
        };
    }

    private static Dhis2SyncService accessGrantedOnRetry(TestInstallation installation) {
        ProxyFactory factory = new ProxyFactory(installation.service);
        factory.addInterface(Dhis2SyncService.class);
        factory.addAdvice((MethodInterceptor) invocation -> {
            if (invocation.getMethod().getName().startsWith("retryFailure")) {
                installation.dhis2.metadata().setOrgUnitAccessible(OUTREACH_ORG_UNIT, true);
            }
            return invocation.proceed();
        });
        return (Dhis2SyncService) factory.getProxy();
    }

    /**
     * @param webapp the admin page's directory
     * @param restContext the (not yet refreshed) context of the REST servlet: the DispatcherServlet refreshes it
     * @param control what the browser tests change between their steps
     */
    static Server serve(Path webapp, GenericWebApplicationContext restContext, E2eControl control) throws Exception {
        Server jetty = new Server(new InetSocketAddress("127.0.0.1", 0));
        ServletContextHandler context = new ServletContextHandler(ServletContextHandler.NO_SESSIONS);
        context.setContextPath(CONTEXT_PATH);

        ServletHolder page = new ServletHolder("moduleResources", DefaultServlet.class);
        page.setInitParameter("resourceBase", webapp.toAbsolutePath().toString());
        page.setInitParameter("pathInfoOnly", "true");
        page.setInitParameter("dirAllowed", "false");
        // the page is edited while a standalone server runs: never serve a stale copy
        page.setInitParameter("useFileMappedBuffer", "false");
        page.setInitParameter("cacheControl", "no-store");
        context.addServlet(page, "/moduleResources/dhis2sync/*");

        restContext.setServletContext(context.getServletContext());
        DispatcherServlet dispatcher = new DispatcherServlet(restContext);
        ServletHolder rest = new ServletHolder("ws", dispatcher);
        rest.setInitOrder(1);
        context.addServlet(rest, "/ws/*");

        context.addServlet(new ServletHolder("e2e", control), "/e2e/*");

        jetty.setHandler(context);
        jetty.start();
        return jetty;
    }

    /** http://127.0.0.1:port (without the context path, as the browser test takes it). */
    public String baseUrl() {
        return "http://127.0.0.1:" + ((ServerConnector) jetty.getConnectors()[0]).getLocalPort();
    }

    public String pageUrl() {
        return baseUrl() + CONTEXT_PATH + "/moduleResources/dhis2sync/index.html";
    }

    @Override
    public void close() throws Exception {
        try {
            jetty.stop();
        } finally {
            installation.close();
        }
    }
}
