package org.openmrs.module.dhis2sync.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.abort;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The admin page in a real headless Chromium against the real REST layer: starts {@link E2eServer} (H2, the fake
 * DHIS2, the demo clinic), then runs the node test of {@code webapp/test} (playwright-core driving Debian's
 * {@code /usr/bin/chromium}) against it. The screenshots stay in {@code webapp/test/output/}.
 *
 * <p>Without Chromium or node the test is skipped, except on CI ({@code CI=true}) where it fails.
 */
class AdminPageBrowserIT {

    private static final Path CHROMIUM = Paths.get("/usr/bin/chromium");
    private static final Duration NPM_CI_LIMIT = Duration.ofMinutes(5);
    private static final Duration NODE_TEST_LIMIT = Duration.ofMinutes(5);

    private static E2eServer server;

    @BeforeAll
    static void startTheServer() throws Exception {
        server = E2eServer.start(webappDirectory());
    }

    @AfterAll
    static void stopTheServer() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void everyScenarioOfTheAdminPagePassesInChromium() throws Exception {
        Path testDir = webappDirectory().resolve("test");
        Path npm = requireTool("npm");
        requireTool("node");
        if (!Files.isExecutable(CHROMIUM)) {
            missing(CHROMIUM + " is not installed (apt-get install chromium)");
        }

        // npm ci here rather than in the pom: `mvn -DskipTests package` then never needs node
        assertThat(run(List.of(npm.toString(), "ci", "--no-audit", "--no-fund"), testDir, Map.of(), NPM_CI_LIMIT))
            .as("exit code of npm ci in %s", testDir).isZero();

        Map<String, String> env = Map.of(
            "DHIS2SYNC_TEST_URL", server.baseUrl(),
            "DHIS2SYNC_TEST_OPENMRS_PROGRAM", E2eServer.OPENMRS_PROGRAM,
            "DHIS2SYNC_TEST_DHIS2_PROGRAM", E2eServer.DHIS2_PROGRAM,
            "DHIS2SYNC_TEST_PATIENT_FIELD", E2eServer.PATIENT_FIELD,
            "DHIS2SYNC_TEST_ATTRIBUTE", E2eServer.ATTRIBUTE,
            "DHIS2SYNC_TEST_FEED", E2eServer.ENCOUNTER_TYPE,
            "DHIS2SYNC_TEST_STAGE", E2eServer.STAGE,
            "DHIS2SYNC_TEST_CONCEPT", E2eServer.CONCEPT,
            "DHIS2SYNC_TEST_DATA_ELEMENT", E2eServer.DATA_ELEMENT);
        assertThat(run(List.of(npm.toString(), "test"), testDir, env, NODE_TEST_LIMIT))
            .as("exit code of the browser tests (npm test in %s); screenshots in %s", testDir, testDir.resolve("output"))
            .isZero();
    }

    static Path webappDirectory() {
        String root = System.getProperty("dhis2sync.project.root");
        Path base = root == null || root.isEmpty() ? Paths.get("").toAbsolutePath().getParent() : Paths.get(root);
        Path webapp = base.resolve("webapp");
        assertThat(webapp.resolve("index.html")).as("the admin page (system property dhis2sync.project.root)")
            .isRegularFile();
        return webapp;
    }

    private static Path requireTool(String name) {
        Optional<Path> found = onPath(name);
        if (found.isEmpty()) {
            missing(name + " is not on the PATH (apt-get install nodejs npm)");
        }
        return found.get();
    }

    static Optional<Path> onPath(String name) {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (String dir : path.split(File.pathSeparator)) {
            Path candidate = Paths.get(dir, name);
            if (Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    private static void missing(String reason) {
        if ("true".equals(System.getenv("CI"))) {
            fail("The browser tests must run on CI, but " + reason);
        }
        System.out.println("[AdminPageBrowserIT] skipped: " + reason);
        abort(reason);
    }

    /** Runs a command, its output streamed to ours line by line, and returns its exit code. */
    private static int run(List<String> command, Path dir, Map<String, String> env, Duration limit)
        throws IOException, InterruptedException {
        System.out.println("[AdminPageBrowserIT] " + String.join(" ", command) + " (in " + dir + ")");
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
        builder.environment().putAll(env);
        Process process = builder.start();
        Thread pump = new Thread(() -> {
            try (BufferedReader out = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = out.readLine()) != null) {
                    System.out.println("  | " + line);
                }
            } catch (IOException e) {
                System.out.println("  | (output lost: " + e.getMessage() + ")");
            }
        }, "output of " + command.get(command.size() - 1));
        pump.setDaemon(true);
        pump.start();
        if (!process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            pump.join(5_000);
            fail(String.join(" ", command) + " did not finish within " + limit);
        }
        pump.join(5_000);
        return process.exitValue();
    }
}
