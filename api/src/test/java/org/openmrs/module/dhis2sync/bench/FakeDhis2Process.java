package org.openmrs.module.dhis2sync.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/** A {@link FakeDhis2Main} started in a child JVM, on this JVM's class path; closing it stops the child. */
public final class FakeDhis2Process implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Process process;
    private final BufferedReader out;
    private final Writer in;
    private final String baseUrl;

    private FakeDhis2Process(Process process) throws IOException {
        this.process = process;
        this.out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        this.in = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
        String line = out.readLine();
        while (line != null && !line.startsWith("URL ")) {
            line = out.readLine();
        }
        if (line == null) {
            throw new IllegalStateException("the fake DHIS2 process ended before printing its URL");
        }
        this.baseUrl = line.substring(4).trim();
    }

    /**
     * @param heapMb the child's -Xmx (a fake holding 100,000 patients needs a few GiB)
     * @param stateFile where the fake keeps its state across restarts, or null
     */
    public static FakeDhis2Process start(long latencyMs, int heapMb, Path stateFile) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx" + heapMb + "m");
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(FakeDhis2Main.class.getName());
        command.add(Long.toString(latencyMs));
        if (stateFile != null) {
            command.add(stateFile.toString());
        }
        try {
            return new FakeDhis2Process(new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the fake DHIS2 process", e);
        }
    }

    public String baseUrl() {
        return baseUrl;
    }

    private synchronized String ask(String command) {
        try {
            in.write(command + "\n");
            in.flush();
            String reply = out.readLine();
            if (reply == null) {
                throw new IllegalStateException("the fake DHIS2 process ended");
            }
            return reply;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Requests received so far, keyed like {@code POST /api/tracker}. */
    public Map<String, Integer> requestCounts() {
        try {
            return new TreeMap<>(JSON.readValue(ask("counts"), new TypeReference<Map<String, Integer>>() { }));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Dhis2Census census() {
        try {
            return JSON.readValue(ask("census"), Dhis2Census.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void clearRequests() {
        ask("clear");
    }

    /** Back to a DHIS2 holding no tracker data (metadata kept) and no request recorded, its JVM as warm as it is. */
    public void reset() {
        ask("reset");
    }

    @Override
    public void close() {
        try {
            in.close();
        } catch (IOException e) {
            // the child is stopped below either way
        }
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
