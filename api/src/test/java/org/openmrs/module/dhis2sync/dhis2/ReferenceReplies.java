package org.openmrs.module.dhis2sync.dhis2;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The replies of a real DHIS2, in the test resources under {@code /dhis2/<version>/} (see the README there): each
 * {@code .response.txt} is the body, then a last line "HTTP nnn".
 */
public final class ReferenceReplies {

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

    /** e.g. reply("2.41.9.1", "depr-tei") reads depr-tei.response.txt. */
    static Reply reply(String version, String name) {
        String text = read(version + "/" + name + ".response.txt");
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
            JsonNode node = MAPPER.readTree(read(version + "/" + name + ".request.json"));
            return node.has("method") && node.has("body") ? node.get("body") : node;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A whole JSON file, e.g. file("2.41.9.1", "metadata-request.json"). */
    static JsonNode file(String version, String fileName) {
        try {
            return MAPPER.readTree(read(version + "/" + fileName));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A captured file as text, e.g. read("2.41.9.1", "depr-tei.response.txt"). */
    public static String read(String version, String fileName) {
        return read(version + "/" + fileName);
    }

    private static String read(String relative) {
        String resource = "/dhis2/" + relative;
        try (InputStream in = ReferenceReplies.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("no test resource " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
