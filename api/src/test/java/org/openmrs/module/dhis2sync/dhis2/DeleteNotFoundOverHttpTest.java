package org.openmrs.module.dhis2sync.dhis2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A deprecated-API delete that DHIS2 answers with its own JSON 404 ("not found") means the object is already gone:
 * IGNORED, as "not present"; an HTML 404 (no such API) still fails the request.
 */
class DeleteNotFoundOverHttpTest {

    private HttpServer server;
    private Dhis2Client client;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/api/events/", exchange -> reply(exchange, 404, "application/json;charset=UTF-8",
                "{\"httpStatus\":\"Not Found\",\"httpStatusCode\":404,\"status\":\"ERROR\","
                        + "\"message\":\"Event not found for uid: EvGone00001\"}"));
        server.createContext("/api/trackedEntityInstances/", exchange -> reply(exchange, 404, "text/html",
                "<html><body>HTTP Status 404 – Not Found</body></html>"));
        server.start();
        client = Dhis2Clients.create(Dhis2Connection.withPassword("http://127.0.0.1:" + server.getAddress().getPort(),
                "admin", "district").withApi(ApiChoice.LEGACY).withRetries(0, Duration.ofMillis(10)));
    }

    @AfterEach
    void stop() {
        client.close();
        server.stop(0);
    }

    private static void reply(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Test
    void aJsonNotFoundIsAlreadyGone() {
        ObjectResult verdict = client.deleteEvents(List.of("EvGone00001")).resultFor(ObjectType.EVENT, "EvGone00001");

        assertThat(verdict.getOutcome()).isEqualTo(Outcome.IGNORED);
        assertThat(verdict.getMessage()).contains("404").contains("Event not found for uid: EvGone00001");
    }

    @Test
    void anHtmlNotFoundIsNoSuchApiAndFails() {
        assertThatThrownBy(() -> client.deleteTrackedEntities(List.of("TeGone00001")))
                .isInstanceOf(Dhis2UnavailableException.class);
    }
}
