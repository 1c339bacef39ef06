package org.openmrs.module.dhis2sync.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;
import org.openmrs.module.dhis2sync.dhis2.fake.FakeDhis2;
import org.openmrs.module.dhis2sync.testsupport.TrackingDatabase;
import org.openmrs.module.dhis2sync.tracking.LogQuery;
import org.openmrs.module.dhis2sync.tracking.SyncLog;
import org.openmrs.module.dhis2sync.tracking.SyncStatus;

/**
 * Issue 8's kill drill: the sync runs in a child JVM that is killed with SIGKILL at a random moment of its run, again
 * and again, against a fake DHIS2 that outlives the kills (it runs here, and keeps its state in a file); then one
 * last run is let finish. Every patient, enrollment and encounter must then be in DHIS2 exactly once, and the
 * trackers must point at them. Every run starts from the same markers (none advance until a run finishes), so
 * each kill lands somewhere in a full run: sending new records, updating those an earlier life sent, or confirming.
 * <p>
 * Each life is a restart of the same server a minute after the previous one (issue 13): its start must never be
 * refused for the run that died with the previous life, and every killed run's log row must end FAILED
 * ("interrupted"), none left RUNNING.
 */
class KillDrillTest {

    @TempDir
    Path dir;

    /** The short drill of the test suite: 3 kills, 100 patients. */
    @Test
    void recordsAreInDhis2ExactlyOnceAfterThreeKills() throws Exception {
        drill(3, 100, 7L);
    }

    /** The long drill, behind the {@code drills} profile: {@code -Pdrills -Ddrills.kills=50}. */
    @Test
    @EnabledIfSystemProperty(named = "dhis2sync.drills.kills", matches = "\\d+")
    void recordsAreInDhis2ExactlyOnceAfterManyKills() throws Exception {
        drill(Integer.getInteger("dhis2sync.drills.kills"), 300, System.nanoTime());
    }

    private void drill(int kills, int patients, long seed) throws Exception {
        Random random = new Random(seed);
        int batchSize = 10;
        TrackingDatabase db = BenchInstallation.newDatabase(dir.resolve("db"), false);
        try (FakeDhis2 dhis2 = FakeDhis2.start(FakeDhis2.Version.V2_41, dir.resolve("dhis2-state.json"))) {
            BenchMapping.addTo(dhis2.metadata());
            dhis2.setLatency(Duration.ofMillis(10));
            dhis2.recordRequestBodies(false);
            String database = BenchInstallation.address(db);
            // a run reads patients, enrollments and encounters in chunks of the batch size (and some by uuid): kills
            // land after a random number of the chunks a full run reads, so anywhere in it, on any machine
            int chunksOfARun = (patients + patients + 3 * patients) / batchSize;
            int killedMidRun = 0;
            List<String> lives = new ArrayList<>();
            for (int life = 1; life <= kills; life++) {
                Child child = Child.start(database, dhis2.baseUrl(), patients, batchSize, life);
                // few kills: one in each part of the run (patients, enrollments, events…); many: anywhere
                int part = (chunksOfARun - 1) / kills;
                int chunks = part >= 2 ? 1 + (life - 1) * part + random.nextInt(part) : 1 + random.nextInt(chunksOfARun - 1);
                child.awaitChunks(chunks, Duration.ofMinutes(2));
                String ended = child.kill();
                lives.add("life " + life + ": " + (ended == null ? "killed after " + chunks + " chunks read" : ended));
                if (ended == null) {
                    killedMidRun++;
                }
            }
            Child last = Child.start(database, dhis2.baseUrl(), patients, batchSize, kills + 1);
            String ended = last.awaitEnd(Duration.ofMinutes(5));
            lives.add("last life: " + ended);
            System.out.println("kill drill, " + patients + " patients, seed " + seed + ":\n  " + String.join("\n  ", lives));

            assertThat(lives).as("no restarted server is refused for the run that died with its previous life")
                    .noneMatch(line -> line.contains("REFUSED"));
            assertThat(ended).as("the last run").startsWith("DONE SUCCESS");
            assertInterruptedRunsLogged(db, kills + 1, killedMidRun, kills / 2 + 1);
            assertThat(killedMidRun).as("kills that landed while a run was going").isGreaterThanOrEqualTo(kills / 2 + 1);
            DrillChecks.assertExactlyOnce(dhis2, db, patients);
        } finally {
            db.close();
        }
    }

    /**
     * One log row per life, none left RUNNING: a run either finished (SUCCESS) or was killed and then logged
     * FAILED as interrupted by the restart. (A kill can land between a run's end and its DONE line, hence at most
     * the kills seen mid-run.)
     */
    private static void assertInterruptedRunsLogged(TrackingDatabase db, int lives, int killedMidRun, int atLeast) {
        List<SyncLog> rows = db.inTransaction(() -> db.syncLogDao().search(new LogQuery(null, null, null, 0, 1000)));
        assertThat(rows).as("log rows").hasSize(lives);
        List<SyncLog> interrupted = rows.stream().filter(row -> row.getStatus() == SyncStatus.FAILED
                && row.getStatusInfo() != null
                && row.getStatusInfo().startsWith("interrupted: OpenMRS was stopped or restarted")).toList();
        assertThat(rows).as("every run finished or was logged interrupted")
                .allMatch(row -> row.getStatus() == SyncStatus.SUCCESS || interrupted.contains(row));
        assertThat(interrupted).as("runs logged as interrupted by the restart").hasSizeBetween(atLeast, killedMidRun);
    }

    /** One life of the sync in a child JVM. */
    private static final class Child {
        private final Process process;
        private final CompletableFuture<String> done = new CompletableFuture<>();
        private final java.util.concurrent.Semaphore chunks = new java.util.concurrent.Semaphore(0);

        private Child(Process process) {
            this.process = process;
        }

        static Child start(String database, String url, int patients, int batchSize, int life) throws IOException {
            List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx256m", "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn", "-cp",
                    System.getProperty("java.class.path"), KillDrillChild.class.getName(), database, url,
                    Integer.toString(patients), Integer.toString(batchSize), Integer.toString(life));
            Child child = new Child(new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start());
            CompletableFuture<Void> ready = new CompletableFuture<>();
            Thread reader = new Thread(() -> {
                try (BufferedReader out = new BufferedReader(new InputStreamReader(child.process.getInputStream(),
                        StandardCharsets.UTF_8))) {
                    String line;
                    while ((line = out.readLine()) != null) {
                        if (line.equals("READY")) {
                            ready.complete(null);
                        } else if (line.equals("CHUNK")) {
                            child.chunks.release();
                        } else if (line.startsWith("DONE") || line.startsWith("REFUSED")) {
                            child.done.complete(line);
                        }
                    }
                } catch (IOException e) {
                    // the process was killed
                }
                ready.complete(null);
                child.done.complete(null);
            }, "kill-drill-child");
            reader.setDaemon(true);
            reader.start();
            try {
                ready.get(60, TimeUnit.SECONDS);
            } catch (Exception e) {
                child.process.destroyForcibly();
                throw new IllegalStateException("the drill's child JVM did not start", e);
            }
            return child;
        }

        /** Waits until the run has read that many chunks (or ended). */
        void awaitChunks(int count, Duration timeout) throws InterruptedException {
            long deadline = System.nanoTime() + timeout.toNanos();
            for (int i = 0; i < count && !done.isDone(); i++) {
                long left = deadline - System.nanoTime();
                if (left <= 0 || !chunks.tryAcquire(left, TimeUnit.NANOSECONDS)) {
                    return;
                }
            }
        }

        /** SIGKILL; returns the run's end when it had finished before, else null. */
        String kill() throws InterruptedException {
            String before = done.getNow(null);
            process.destroyForcibly();
            process.waitFor(30, TimeUnit.SECONDS);
            return before;
        }

        String awaitEnd(Duration timeout) throws Exception {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                return "did not finish in " + timeout;
            }
            String line = done.get(10, TimeUnit.SECONDS);
            return line == null ? "ended with exit code " + process.exitValue() + " without a result" : line;
        }
    }
}
