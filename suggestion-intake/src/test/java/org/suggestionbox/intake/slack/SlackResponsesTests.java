package org.suggestionbox.intake.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;
import org.suggestionbox.platform.outbound.HostResolver;
import org.suggestionbox.platform.outbound.OutboundClient;
import org.suggestionbox.platform.outbound.OutboundPolicy;
import org.suggestionbox.platform.outbound.OutboundPolicyProperties;
import tools.jackson.databind.json.JsonMapper;

/**
 * Slack's response URL against a loopback stand-in reached by name through a stub resolver, with
 * Slack's default allowed hosts: only Slack's names are called, whatever they resolve to.
 */
class SlackResponsesTests {

    private HttpServer server;
    private final List<String> received = new CopyOnWriteArrayList<>();
    private SlackResponses responses;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            received.add(exchange.getRequestHeaders().getFirst("Host") + " "
                    + new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        server.start();
        // both names lead to the stand-in; only one of them is Slack's
        HostResolver stub = host -> switch (host) {
            case "hooks.slack.com", "hooks.slack.com.evil.example", "evil.example" ->
                List.of(InetAddress.getLoopbackAddress());
            default -> throw new UnknownHostException(host);
        };
        OutboundPolicyProperties properties = new OutboundPolicyProperties(
                true, true, Map.of(), Duration.ofSeconds(2), Duration.ofSeconds(2), DataSize.ofKilobytes(64));
        responses = new SlackResponses(
                new OutboundClient(new OutboundPolicy(properties, true, stub), properties),
                JsonMapper.builder().build());
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void aResponseUrlOnSlacksHostIsCalledWithAnEphemeralMessage() {
        assertThat(responses.ephemeral(url("hooks.slack.com"), "Recorded")).isTrue();

        assertThat(received)
                .singleElement()
                .satisfies(request -> assertThat(request)
                        .startsWith("hooks.slack.com:" + port())
                        .contains("\"response_type\":\"ephemeral\"", "\"text\":\"Recorded\""));
    }

    @Test
    void aResponseUrlOutsideSlacksHostsIsNotCalled() {
        assertThat(responses.ephemeral(url("evil.example"), "Recorded")).isFalse();
        assertThat(responses.ephemeral(url("hooks.slack.com.evil.example"), "Recorded"))
                .isFalse();
        assertThat(responses.ephemeral("http://127.0.0.1:" + port() + "/commands/T1/2/3", "Recorded"))
                .isFalse();
        assertThat(responses.ephemeral(null, "Recorded")).isFalse();

        assertThat(received).isEmpty();
    }

    private String url(String host) {
        return "http://" + host + ":" + port() + "/commands/T1/2/3";
    }

    private int port() {
        return server.getAddress().getPort();
    }
}
