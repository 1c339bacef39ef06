package org.openmrs.module.dhis2sync.bench;

import java.io.Closeable;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;

import javax.sql.DataSource;

import org.openmrs.module.dhis2sync.dhis2.Dhis2Clients;
import org.openmrs.module.dhis2sync.testsupport.TestDatabase;
import org.openmrs.module.dhis2sync.testsupport.TrackingDatabase;
import org.openmrs.module.dhis2sync.tracking.SyncStatus;

/**
 * Issue 11's benchmark: a clinic in OpenMRS-shaped tables ({@link OpenmrsShapedClinic}) read by the real
 * {@code OpenmrsClinicalSource} through Hibernate entities mapped as OpenMRS 2.5.14 maps them, in the same
 * SessionFactory as the module's tables, the run going in a thread with a session bound as OpenMRS binds one
 * ({@link OpenmrsSession}); DHIS2 is the fake in a JVM of its own, answering after a set latency. For each size a
 * fresh database; one fake for all, emptied before each. Settings (system properties): {@code benchmark.sizes}
 * (1000,10000,50000),
 * {@code benchmark.latencyMs} (20), {@code benchmark.batchSize} (250), {@code benchmark.fakeHeapMb} (4096),
 * {@code benchmark.warmup} (1000 patients synced first and not reported; 0 for none),
 * {@code benchmark.report} (a file the report is also written to). Run it with {@code -Xmx256m}.
 */
public final class OpenmrsShapedBenchmark {

    /** Held here: java.util.logging forgets the level of a logger nobody references. */
    private static final java.util.logging.Logger HIBERNATE_DEPRECATIONS =
            java.util.logging.Logger.getLogger("org.hibernate.orm.deprecation");

    private final long latencyMs = Long.getLong("benchmark.latencyMs", 20);
    private final int batchSize = Integer.getInteger("benchmark.batchSize", 250);
    private final int fakeHeapMb = Integer.getInteger("benchmark.fakeHeapMb", 4096);
    private final int warmup = Integer.getInteger("benchmark.warmup", 1000);
    private final StringBuilder report = new StringBuilder();
    private final List<String> requestLines = new ArrayList<>();
    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private final com.sun.management.OperatingSystemMXBean os =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    private OpenmrsShapedBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        java.util.logging.Logger.getLogger("").setLevel(java.util.logging.Level.WARNING);
        for (java.util.logging.Handler handler : java.util.logging.Logger.getLogger("").getHandlers()) {
            handler.setLevel(java.util.logging.Level.WARNING);
        }
        // the declarations have no id property for most classes: Hibernate warns of each id mapped without one
        HIBERNATE_DEPRECATIONS.setLevel(java.util.logging.Level.SEVERE);
        new OpenmrsShapedBenchmark().run();
        System.exit(0);
    }

    private void run() throws IOException {
        threads.setThreadCpuTimeEnabled(true);
        List<Integer> sizes = new ArrayList<>();
        for (String size : System.getProperty("benchmark.sizes", "1000,10000,50000").split(",")) {
            sizes.add(Integer.valueOf(size.trim()));
        }
        line("dhis2sync OpenMRS-shaped benchmark, %s", LocalDateTime.now().withNano(0));
        line("machine: %d cores, JVM max heap %d MiB, Java %s", Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() >> 20, System.getProperty("java.version"));
        line("clinic: per patient 1 person (1 name, 2 identifiers, 2 attributes, 1 address), 1 enrollment,"
                + " %d encounters x %d obs; DHIS2 latency %d ms per request, batch size %d",
                OpenmrsShapedClinic.ENCOUNTERS_PER_PATIENT, OpenmrsShapedClinic.OBS_PER_ENCOUNTER, latencyMs,
                batchSize);
        line("%8s  %9s  %10s  %14s  %14s  %10s  %10s  %13s  %-26s  %s", "patients", "wall s", "patients/s",
                "module CPU ms/p", "JVM CPU ms/p", "peak heap", "SQL prep/p", "HTTP req/1000",
                "left in the thread's session", "DHIS2");
        // one fake DHIS2 for every size, emptied before each: a DHIS2 server is a JVM long warm, not one just started
        try (FakeDhis2Process dhis2 = FakeDhis2Process.start(latencyMs, fakeHeapMb, null)) {
            if (warmup > 0) {
                // a server's JVM has long compiled the run's code: the sizes measured are not to pay for the JIT
                line("warm-up: one run of %d patients on a database of its own, not reported", warmup);
                measure(dhis2, warmup, false);
            }
            for (int size : sizes) {
                measure(dhis2, size, true);
            }
        }
        for (String requests : requestLines) {
            line("%s", requests);
        }
        String path = System.getProperty("benchmark.report");
        if (path != null && !path.isEmpty()) {
            Path file = Path.of(path);
            if (file.getParent() != null) {
                Files.createDirectories(file.getParent());
            }
            Files.write(file, report.toString().getBytes(StandardCharsets.UTF_8));
            System.out.println("(written to " + file.toAbsolutePath() + ")");
        }
    }

    private void measure(FakeDhis2Process dhis2, int patients, boolean reported) {
        dhis2.reset();
        TestDatabase database = TestDatabase.create(TestDatabase.Kind.MARIADB);
        DataSource pool = database.pooledAsOpenmrs(4);
        TrackingDatabase db = null;
        try {
            long load0 = System.nanoTime();
            DataSource loader = database.pooled(2);
            try {
                OpenmrsShapedClinic.load(loader, patients, LocalDateTime.of(2025, 12, 31, 8, 0));
            } finally {
                close(loader);
            }
            long load = System.nanoTime() - load0;
            db = TrackingDatabase.createWith(database.through(pool), openmrsHibernateSettings(),
                    "openmrs-bench/openmrs.hbm.xml");
            BenchInstallation.mapClinic(db);
            try (ImportCountingClient client = new ImportCountingClient(
                            Dhis2Clients.create(BenchInstallation.connection(dhis2.baseUrl())))) {
                OpenmrsShapedInstallation module = new OpenmrsShapedInstallation(db, client, batchSize, Date::new);
                System.gc();
                for (MemoryPoolMXBean heapPool : ManagementFactory.getMemoryPoolMXBeans()) {
                    heapPool.resetPeakUsage();
                }
                dhis2.clearRequests();
                org.hibernate.stat.Statistics statistics = db.getSessionFactory().getStatistics();
                statistics.clear();
                long wall0 = System.nanoTime();
                long cpu0 = threads.getCurrentThreadCpuTime();
                long process0 = os.getProcessCpuTime();
                OpenmrsShapedInstallation.Finished finished = module.runInOpenmrsSession("benchmark");
                long cpu = threads.getCurrentThreadCpuTime() - cpu0;
                long process = os.getProcessCpuTime() - process0;
                long wall = System.nanoTime() - wall0;
                long peak = peakHeap();
                if (finished.state().getStatus() != SyncStatus.SUCCESS) {
                    throw new IllegalStateException("the sync of " + patients + " patients ended "
                            + finished.state().getStatus() + ": " + finished.state().getStatusInfo());
                }
                long statements = statistics.getPrepareStatementCount();
                int requests = 0;
                for (int count : dhis2.requestCounts().values()) {
                    requests += count;
                }
                Dhis2Census census = dhis2.census();
                requestLines.add(String.format(Locale.ROOT, "%,8d  HTTP requests: %s", patients,
                        new java.util.TreeMap<>(dhis2.requestCounts())));
                if (!reported) {
                    return;
                }
                line("%,8d  %9.1f  %10.0f  %14.3f  %14.3f  %6.0f MiB  %10.1f  %13.1f  %-29s  %s (loaded in %.0f s)",
                        patients, wall / 1e9, patients / (wall / 1e9), cpu / 1e6 / patients, process / 1e6 / patients,
                        peak / 1048576.0, statements / (double) patients, requests * 1000.0 / patients,
                        finished.sessionContents(),
                        census.exactlyOnce(patients, OpenmrsShapedClinic.ENCOUNTERS_PER_PATIENT) ? "exactly once"
                                : "NOT exactly once: " + census, load / 1e9);
            }
        } finally {
            if (db != null) {
                db.getSessionFactory().close();
            }
            close(pool);
            database.drop();
        }
    }

    private static void close(DataSource pool) {
        try {
            ((Closeable) pool).close();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** What OpenMRS 2.5.14's hibernate.default.properties sets that bears on a run's work (no second-level cache). */
    private static java.util.Properties openmrsHibernateSettings() {
        java.util.Properties settings = new java.util.Properties();
        settings.setProperty("hibernate.jdbc.batch_size", "50");
        settings.setProperty("hibernate.order_inserts", "true");
        settings.setProperty("hibernate.order_updates", "true");
        settings.setProperty("hibernate.generate_statistics", "true");
        return settings;
    }

    private static long peakHeap() {
        long sum = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                sum += pool.getPeakUsage().getUsed();
            }
        }
        return sum;
    }

    private void line(String format, Object... args) {
        String text = String.format(Locale.ROOT, format, args);
        System.out.println(text);
        System.out.flush();
        report.append(text).append('\n');
    }
}
