package org.openmrs.module.dhis2sync.dhis2.fake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/** A small real-HTTP client for the fake's behaviour tests (java.net.http, no redirects followed). */
final class FakeHttp {

    static final ObjectMapper JSON = new ObjectMapper();

    /** A reply: status, headers and body, with the body read as JSON on demand. */
    record Answer(int status, String body, HttpResponse<String> raw) {
        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException("not JSON (HTTP " + status + "): " + body, e);
            }
        }

        String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }
    }

    private final String baseUrl;
    private final HttpClient client;
    private String authorization;
    private Duration timeout = Duration.ofSeconds(20);

    FakeHttp(FakeDhis2 fake) {
        this.baseUrl = fake.baseUrl();
        this.client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
                .followRedirects(HttpClient.Redirect.NEVER).build();
        basic("admin", "district");
    }

    FakeHttp basic(String user, String password) {
        authorization = "Basic " + Base64.getEncoder().encodeToString((user + ":" + password)
                .getBytes(StandardCharsets.UTF_8));
        return this;
    }

    FakeHttp authorization(String value) {
        authorization = value;
        return this;
    }

    FakeHttp timeout(Duration d) {
        timeout = d;
        return this;
    }

    Answer get(String path) throws IOException, InterruptedException {
        return send("GET", path, null);
    }

    Answer post(String path, String json) throws IOException, InterruptedException {
        return send("POST", path, json);
    }

    Answer send(String method, String path, String json) throws IOException, InterruptedException {
        String encoded = path.replace("[", "%5B").replace("]", "%5D").replace(" ", "%20");
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(baseUrl + encoded)).timeout(timeout)
                .header("Accept", "application/json");
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        if (json != null) {
            b.header("Content-Type", "application/json");
        }
        b.method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
        HttpResponse<String> r = client.send(b.build(), HttpResponse.BodyHandlers.ofString());
        return new Answer(r.statusCode(), r.body(), r);
    }

    /** Single quotes to double quotes, to keep JSON payloads in tests readable. */
    static String json(String singleQuoted) {
        return singleQuoted.replace('\'', '"');
    }
}
