package org.openmrs.module.dhis2sync.bench;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.openmrs.module.dhis2sync.dhis2.fake.FakeDhis2;

/**
 * The fake DHIS2 in a JVM of its own, so that the benchmark measures the module's CPU and heap, not the server's.
 * Arguments: {@code <latency ms> [state file]}. Prints {@code URL <base url>}, then answers commands read from
 * stdin, one per line — {@code counts} (requests by kind), {@code census} ({@link Dhis2Census}), {@code clear} —
 * each with one line of JSON; it stops when stdin closes.
 */
public final class FakeDhis2Main {

    private FakeDhis2Main() {
    }

    public static void main(String[] args) throws Exception {
        Duration latency = Duration.ofMillis(Long.parseLong(args[0]));
        Path stateFile = args.length > 1 ? Path.of(args[1]) : null;
        ObjectMapper json = new ObjectMapper();
        try (FakeDhis2 dhis2 = FakeDhis2.start(FakeDhis2.Version.V2_41, stateFile)) {
            BenchMapping.addTo(dhis2.metadata());
            dhis2.setLatency(latency);
            dhis2.recordRequestBodies(false);
            System.out.println("URL " + dhis2.baseUrl());
            System.out.flush();
            BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            String command;
            while ((command = in.readLine()) != null) {
                switch (command.trim()) {
                    case "counts":
                        System.out.println(json.writeValueAsString(dhis2.requestCountsByKind()));
                        break;
                    case "census":
                        System.out.println(json.writeValueAsString(Dhis2Census.of(dhis2)));
                        break;
                    case "clear":
                        dhis2.clearRequests();
                        System.out.println("{}");
                        break;
                    case "reset":
                        dhis2.clearData();
                        System.out.println("{}");
                        break;
                    default:
                        System.out.println("{\"error\":\"unknown command: " + command.replace("\"", "'") + "\"}");
                }
                System.out.flush();
            }
        }
    }
}
