package org.openmrs.module.dhis2sync.dhis2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.HttpServer;

/** A URL that is not a DHIS2: its reply is quoted back only as a short sanitised excerpt. */
class NotDhis2ReplyTest {

    private static final String FAR_INTO_THE_BODY = "SESSION-TOKEN-abc123";

    private HttpServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    private String serve(int status, String contentType, String body) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", contentType);
            exchange.sendResponseHeaders(status, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        });
        server.start();
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private Dhis2UnavailableException connect(String url) {
        Dhis2Connection connection = new Dhis2Connection(url, "admin", "district", null, ApiChoice.TRACKER,
                Duration.ofSeconds(2), Duration.ofSeconds(5), 0, Duration.ofMillis(10));
        Dhis2UnavailableException e = catchThrowableOfType(() -> {
            try (Dhis2Client client = Dhis2Clients.create(connection)) {
                client.systemInfo();
            }
        }, Dhis2UnavailableException.class);
        assertThat(e).as("a Dhis2UnavailableException").isNotNull();
        return e;
    }

    private static String noise() {
        return "Welcome to the\r\nINFO forged log line\u001b[31m " + "x".repeat(200) + " " + FAR_INTO_THE_BODY;
    }

    @Test
    void aPlainTextReplyIsQuotedShortAndWithoutControlCharacters() throws IOException {
        Dhis2UnavailableException e = connect(serve(200, "text/plain", noise()));

        assertThat(e.getReason()).isEqualTo(Dhis2UnavailableException.Reason.MALFORMED_REPLY);
        assertThat(e.getMessage()).contains("Welcome to the INFO forged log line").doesNotContain(FAR_INTO_THE_BODY)
                .doesNotContain("\n").doesNotContain("\r").doesNotContain("\u001b");
        assertThat(e.getMessage().length()).isLessThan(400);
    }

    @Test
    void anErrorReplyOfAnotherServerIsQuotedShortToo() throws IOException {
        Dhis2UnavailableException e = connect(serve(500, "application/json", "{\"error\": \"" + "y".repeat(300)
                + FAR_INTO_THE_BODY + "\"}"));

        assertThat(e.getMessage()).doesNotContain(FAR_INTO_THE_BODY);
        assertThat(e.getMessage().length()).isLessThan(500);
    }

    @Test
    void sanitisingDropsMarkupAndControlCharactersAndCuts() {
        assertThat(Dhis2Reply.sanitise("<b>Bad</b>\n\tGateway\u0007", 120)).isEqualTo("Bad Gateway");
        assertThat(Dhis2Reply.sanitise("z".repeat(500), 120)).hasSize(121).endsWith("…");
        assertThat(Dhis2Reply.sanitise("<br/>\n", 120)).isEqualTo("no readable text");
    }
}
