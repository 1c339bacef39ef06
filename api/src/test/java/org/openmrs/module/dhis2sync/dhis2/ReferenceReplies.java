package org.openmrs.module.dhis2sync.dhis2;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The replies of a real DHIS2 in /work/shared/reference/dhis2: each file is the body, then a last line "HTTP nnn". */
final class ReferenceReplies {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    record Reply(int status, String body) {
        JsonNode json() {
            try {
                return MAPPER.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        Dhis2Http.JsonReply jsonReply() {
            return new Dhis2Http.JsonReply(status, json());
        }
    }

    private ReferenceReplies() {
    }

    static Path dir() {
        String root = System.getProperty("dhis2sync.project.root", ".");
        return Paths.get(root, "..", "shared", "reference", "dhis2").normalize();
    }

    /** e.g. reply("2.41.9.1", "depr-tei") reads depr-tei.response.txt. */
    static Reply reply(String version, String name) {
        String text = read(dir().resolve(version).resolve(name + ".response.txt"));
        String trimmed = text.stripTrailing();
        int last = trimmed.lastIndexOf('\n');
        String statusLine = trimmed.substring(last + 1).trim();
        if (!statusLine.startsWith("HTTP ")) {
            throw new IllegalStateException(name + ": no status line");
        }
        return new Reply(Integer.parseInt(statusLine.substring(5).trim()), last < 0 ? "" : trimmed.substring(0, last));
    }

    /** The JSON body a captured request sent (the "body" of a {method, path, body} wrapper, or the file itself). */
    static JsonNode requestBody(String version, String name) {
        try {
            JsonNode node = MAPPER.readTree(read(dir().resolve(version).resolve(name + ".request.json")));
            return node.has("method") && node.has("body") ? node.get("body") : node;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A whole JSON file, e.g. file("2.41.9.1", "metadata-request.json"). */
    static JsonNode file(String version, String fileName) {
        try {
            return MAPPER.readTree(read(dir().resolve(version).resolve(fileName)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
