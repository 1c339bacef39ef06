package org.openmrs.module.dhis2sync.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import org.openmrs.module.dhis2sync.dhis2.Dhis2Clients;
import org.openmrs.module.dhis2sync.sync.RunState;
import org.openmrs.module.dhis2sync.testsupport.TrackingDatabase;
import org.openmrs.module.dhis2sync.tracking.SyncStatus;

/**
 * Issue 8's benchmark: N synthetic patients (each 1 enrollment, 3 encounters of 10 obs) synced by the real engine
 * into the fake DHIS2 (in a JVM of its own, answering after a set latency), then a sample of them sent the way the
 * older integrations do (one search per patient, one request per object) into a fresh fake, and both compared.
 * Run it with {@code -Xmx256m}: finishing at all shows the heap bound. Settings (system properties):
 * {@code benchmark.patients} (10000), {@code benchmark.latencyMs} (20), {@code benchmark.perRecordSample} (500),
 * {@code benchmark.batchSize} (250, the module's default), {@code benchmark.fakeHeapMb} (4096),
 * {@code benchmark.report} (a file the report is also written to).
 */
public final class SyncBenchmark {

    private final int patients = Integer.getInteger("benchmark.patients", 10_000);
    private final long latencyMs = Long.getLong("benchmark.latencyMs", 20);
    private final int sample = Math.min(patients, Integer.getInteger("benchmark.perRecordSample", 500));
    private final int batchSize = Integer.getInteger("benchmark.batchSize", 250);
    private final int fakeHeapMb = Integer.getInteger("benchmark.fakeHeapMb", 4096);
    private final StringBuilder report = new StringBuilder();

    private SyncBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        // Liquibase and Hibernate log their start-up through java.util.logging: keep the report readable
        java.util.logging.Logger.getLogger("").setLevel(java.util.logging.Level.WARNING);
        for (java.util.logging.Handler handler : java.util.logging.Logger.getLogger("").getHandlers()) {
            handler.setLevel(java.util.logging.Level.WARNING);
        }
        new SyncBenchmark().run();
        System.exit(0);
    }

    private void run() throws IOException {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        threads.setThreadCpuTimeEnabled(true);
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        Date registered = Date.from(LocalDateTime.of(2025, 12, 31, 8, 0).atZone(ZoneId.systemDefault()).toInstant());
        SyntheticClinicalSource source = new SyntheticClinicalSource(patients, registered);

        line("dhis2sync benchmark, %s", LocalDateTime.now().withNano(0));
        line("machine: %d cores, JVM max heap %d MiB, Java %s", Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() >> 20, System.getProperty("java.version"));
        line("patients %,d (1 enrollment, 3 encounters x 10 obs each; 1 in 5 enrollments completed), "
                + "DHIS2 latency %d ms per request, batch size %d", patients, latencyMs, batchSize);

        // ---------------------------------------------------------------- batched: the module
        Path h2Dir = Path.of("target", "benchmark-db");
        TrackingDatabase db = BenchInstallation.newDatabase(h2Dir, true);
        line("module tables: %s", BenchInstallation.describe(db));
        Batched batched;
        try (FakeDhis2Process dhis2 = FakeDhis2Process.start(latencyMs, fakeHeapMb, null)) {
            ImportCountingClient client = new ImportCountingClient(
                    Dhis2Clients.create(BenchInstallation.connection(dhis2.baseUrl())));
            Date[] clock = {new Date()};
            try (BenchInstallation module = new BenchInstallation(db, source, client, batchSize, () -> clock[0],
                    Runnable::run)) {
                System.gc();
                for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
                    pool.resetPeakUsage();
                }
                dhis2.clearRequests();
                long wall0 = System.nanoTime();
                long cpu0 = threads.getCurrentThreadCpuTime();
                long process0 = os.getProcessCpuTime();
                RunState state = module.runNow("scheduler");
                long cpu = threads.getCurrentThreadCpuTime() - cpu0;
                long process = os.getProcessCpuTime() - process0;
                long wall = System.nanoTime() - wall0;
                long peak = peakHeap();
                if (state.getStatus() != SyncStatus.SUCCESS) {
                    throw new IllegalStateException("the sync ended " + state.getStatus() + ": " + state.getStatusInfo());
                }
                System.gc();
                long live = liveHeap();
                batched = new Batched(wall, cpu, process, peak, live, dhis2.requestCounts(), client.importCalls(),
                        dhis2.census());
            }
        } finally {
            db.close();
        }

        // ---------------------------------------------------------------- per record: the older integrations
        long perRecordWall;
        long perRecordCpu;
        Map<String, Integer> perRecordRequests;
        Map<String, Integer> perRecordImports;
        try (FakeDhis2Process dhis2 = FakeDhis2Process.start(latencyMs, 1024, null)) {
            ImportCountingClient client = new ImportCountingClient(
                    Dhis2Clients.create(BenchInstallation.connection(dhis2.baseUrl())));
            try {
                dhis2.clearRequests();
                long wall0 = System.nanoTime();
                long cpu0 = threads.getCurrentThreadCpuTime();
                new PerRecordSync(client).sync(source, sample);
                perRecordCpu = threads.getCurrentThreadCpuTime() - cpu0;
                perRecordWall = System.nanoTime() - wall0;
                perRecordRequests = dhis2.requestCounts();
                perRecordImports = client.importCalls();
            } finally {
                client.close();
            }
        }

        // ---------------------------------------------------------------- report
        line("");
        line("BATCHED (this module), all %,d patients", patients);
        line("  result           %s", batched.census.exactlyOnce(patients) ? "every patient, enrollment and encounter"
                + " exactly once in DHIS2" : "NOT exactly once: " + batched.census);
        line("  wall time        %.1f s", batched.wall / 1e9);
        line("  patients/s       %.0f", patients / (batched.wall / 1e9));
        int batchedTotal = total(batched.requests);
        line("  HTTP requests    %,d in all, %.1f per 1,000 patients:", batchedTotal, perThousand(batchedTotal, patients));
        printKinds(batched.requests, batched.imports, patients);
        line("  module CPU       %.3f ms per patient (CPU time of the sync thread: engine, client, JDBC driver;"
                + " not DHIS2, not the database server)", batched.cpu / 1e6 / patients);
        line("  whole JVM CPU    %.3f ms per patient (adds JIT compiler and GC threads)", batched.process / 1e6 / patients);
        line("  peak heap        %.0f MiB (sum of the heap pools' peaks during the run; -Xmx %d MiB); %.0f MiB live after",
                batched.peak / 1048576.0, Runtime.getRuntime().maxMemory() >> 20, batched.live / 1048576.0);

        line("");
        line("PER RECORD (older integrations), the first %,d patients", sample);
        int perRecordTotal = total(perRecordRequests);
        line("  wall time        %.1f s, %.1f ms per patient", perRecordWall / 1e9, perRecordWall / 1e6 / sample);
        line("  HTTP requests    %,d in all, %.1f per 1,000 patients:", perRecordTotal,
                perThousand(perRecordTotal, sample));
        printKinds(perRecordRequests, perRecordImports, sample);
        line("  client CPU       %.3f ms per patient", perRecordCpu / 1e6 / sample);

        double batchedPerThousand = perThousand(batchedTotal, patients);
        double perRecordPerThousand = perThousand(perRecordTotal, sample);
        double batchedMsPerPatient = batched.wall / 1e6 / patients;
        double perRecordMsPerPatient = perRecordWall / 1e6 / sample;
        line("");
        line("RATIOS (per record / batched)");
        line("  HTTP requests per patient   %.0fx fewer", perRecordPerThousand / batchedPerThousand);
        line("  wall time per patient       %.0fx faster (%.2f ms vs %.2f ms)", perRecordMsPerPatient / batchedMsPerPatient,
                batchedMsPerPatient, perRecordMsPerPatient);

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

    private record Batched(long wall, long cpu, long process, long peak, long live, Map<String, Integer> requests,
            Map<String, Integer> imports, Dhis2Census census) {
    }

    private void printKinds(Map<String, Integer> requests, Map<String, Integer> imports, int patients) {
        Map<String, Integer> kinds = new TreeMap<>(requests);
        Integer posts = kinds.remove("POST /api/tracker");
        kinds.forEach((kind, n) -> line("    %-44s %,8d  %8.1f", kind, n, perThousand(n, patients)));
        if (posts != null) {
            line("    %-44s %,8d  %8.1f", "POST /api/tracker", posts, perThousand(posts, patients));
            imports.forEach((type, n) -> line("      %-42s %,8d  %8.1f", "of which " + type, n, perThousand(n, patients)));
        }
    }

    private static int total(Map<String, Integer> counts) {
        return counts.values().stream().mapToInt(Integer::intValue).sum();
    }

    private static double perThousand(int count, int patients) {
        return count * 1000.0 / patients;
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

    private static long liveHeap() {
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private void line(String format, Object... args) {
        String text = String.format(Locale.ROOT, format, args);
        System.out.println(text);
        System.out.flush();
        report.append(text).append('\n');
    }
}
