package org.suggestionbox.platform.outbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import org.apache.hc.core5.http.ContentType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Calls a real HTTP server on loopback (with loopback allowed, as the operator's stand-ins are). */
class OutboundClientTests {

    private static final byte[] JSON = "{}".getBytes(StandardCharsets.UTF_8);

    private HttpServer server;
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private final List<String> hostHeaders = new CopyOnWriteArrayList<>();
    private OutboundClient client;

    @BeforeEach
    void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newFixedThreadPool(2));
        server.createContext("/", exchange -> {
            requests.add(exchange.getRequestURI().getPath());
            hostHeaders.add(exchange.getRequestHeaders().getFirst("Host"));
            switch (exchange.getRequestURI().getPath()) {
                case "/redirect" -> {
                    exchange.getResponseHeaders().add("Location", base() + "/elsewhere");
                    answer(exchange, 302, new byte[0]);
                }
                case "/large" -> answer(exchange, 200, new byte[5 * 1024 * 1024]);
                case "/trickle" -> trickle(exchange);
                default -> answer(exchange, 200, "{\"ok\":true}".getBytes(StandardCharsets.UTF_8));
            }
        });
        server.start();
        HostResolver stub = host -> switch (host) {
            case "fake.example" -> List.of(InetAddress.getLoopbackAddress());
            case "evil.example" -> List.of(InetAddress.getByAddress(new byte[] {10, 0, 0, 5}));
            default -> throw new UnknownHostException(host);
        };
        OutboundPolicyProperties properties = OutboundPolicyTests.properties(true, Map.of());
        client = new OutboundClient(new OutboundPolicy(properties, true, stub), properties);
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
    }

    @Test
    void aRedirectIsNotFollowed() throws IOException {
        OutboundResponse response = client.post(
                OutboundPolicy.WEBHOOK, URI.create(base() + "/redirect"), ContentType.APPLICATION_JSON, JSON, Map.of());

        assertThat(response.status()).isEqualTo(302);
        assertThat(response.successful()).isFalse();
        assertThat(requests).containsExactly("/redirect");
    }

    @Test
    void aLargeAnswerIsCutAt64Kilobytes() throws IOException {
        OutboundResponse response = client.post(
                OutboundPolicy.WEBHOOK, URI.create(base() + "/large"), ContentType.APPLICATION_JSON, JSON, Map.of());

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.truncated()).isTrue();
        assertThat(response.body()).hasSize(64 * 1024);
    }

    @Test
    void aSmallAnswerIsReadWhole() throws IOException {
        OutboundResponse response = client.post(
                OutboundPolicy.WEBHOOK,
                URI.create(base() + "/hook"),
                ContentType.APPLICATION_JSON,
                JSON,
                Map.of("X-Test", "1"));

        assertThat(response.successful()).isTrue();
        assertThat(response.truncated()).isFalse();
        assertThat(response.text()).isEqualTo("{\"ok\":true}");
    }

    @Test
    void theCallGoesToTheVettedAddressWithTheHostNameKept() throws IOException {
        int port = server.getAddress().getPort();

        OutboundResponse response = client.post(
                OutboundPolicy.WEBHOOK,
                URI.create("http://fake.example:" + port + "/hook"),
                ContentType.APPLICATION_JSON,
                JSON,
                Map.of());

        assertThat(response.successful()).isTrue();
        assertThat(hostHeaders).containsExactly("fake.example:" + port);
    }

    @Test
    void aNameThatResolvesInsideIsRefusedBeforeAnyConnection() {
        assertThatExceptionOfType(DestinationRefusedException.class)
                .isThrownBy(() -> client.post(
                        OutboundPolicy.WEBHOOK,
                        URI.create("http://evil.example/hook"),
                        ContentType.APPLICATION_JSON,
                        JSON,
                        Map.of()))
                .satisfies(refused -> assertThat(refused.addressClass()).isEqualTo(AddressClass.PRIVATE));
        assertThat(requests).isEmpty();
    }

    @Test
    void aServerThatAnswersAByteAtATimeIsCutOffAfterBothTimeouts() {
        // every byte comes well within the response timeout, so only a deadline for the whole call ends it
        OutboundClient quick = client.withTimeouts(Duration.ofMillis(500), Duration.ofSeconds(1));

        assertTimeoutPreemptively(
                Duration.ofSeconds(20),
                () -> assertThatExceptionOfType(SocketTimeoutException.class)
                        .isThrownBy(() -> quick.post(
                                OutboundPolicy.WEBHOOK,
                                URI.create(base() + "/trickle"),
                                ContentType.APPLICATION_JSON,
                                JSON,
                                Map.of()))
                        .withMessage("127.0.0.1 gave no whole answer within 1500 ms"));
        assertThat(requests).containsExactly("/trickle");
    }

    private String base() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Sends a 60-byte answer one byte every 200 ms, twelve seconds in all. */
    private static void trickle(HttpExchange exchange) throws IOException {
        exchange.getRequestBody().readAllBytes();
        exchange.sendResponseHeaders(200, 60);
        try (OutputStream out = exchange.getResponseBody()) {
            for (int i = 0; i < 60; i++) {
                out.write('x');
                out.flush();
                Thread.sleep(200);
            }
        } catch (IOException | InterruptedException clientWentAway) {
            // the client cut the call off, as it should
        }
    }

    private static void answer(HttpExchange exchange, int status, byte[] body) throws IOException {
        exchange.getRequestBody().readAllBytes();
        try {
            exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
            if (body.length > 0) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            }
        } catch (IOException clientWentAway) {
            // the client stops reading at its cap
        } finally {
            exchange.close();
        }
    }
}
