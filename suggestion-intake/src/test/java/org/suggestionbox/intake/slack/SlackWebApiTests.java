package org.suggestionbox.intake.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import com.slack.api.Slack;
import com.slack.api.methods.response.users.UsersInfoResponse;
import com.slack.api.util.http.SlackHttpClient;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.net.SocketFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.suggestionbox.platform.outbound.AddressClass;
import org.suggestionbox.platform.outbound.DestinationRefusedException;
import org.suggestionbox.platform.outbound.HostResolver;
import org.suggestionbox.platform.outbound.OutboundAutoConfiguration;

/**
 * Intake's Slack Web API client under the outbound destination policy: the base URL checked at start-up, names
 * resolved through the policy. A stub resolver stands for DNS, so that {@code slack.com} leads to a loopback
 * stand-in or to an inside address without the network; every socket the client opens is watched, and one to
 * anything but loopback is refused before it connects.
 */
class SlackWebApiTests {

    private final Map<String, List<InetAddress>> dns = new ConcurrentHashMap<>();
    private final List<String> lookups = new CopyOnWriteArrayList<>();
    private final List<InetSocketAddress> connections = new CopyOnWriteArrayList<>();
    private final List<String> received = new CopyOnWriteArrayList<>();
    private HttpServer server;

    private final HostResolver resolver = host -> {
        lookups.add(host);
        List<InetAddress> addresses = dns.get(host);
        if (addresses == null) {
            throw new UnknownHostException(host);
        }
        return addresses;
    };

    /** Production: no {@code local} allowances, Slack's default allowed hosts. */
    private final ApplicationContextRunner production = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(OutboundAutoConfiguration.class))
            .withUserConfiguration(SlackConfiguration.class)
            .withBean(HostResolver.class, () -> resolver);

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            received.add(exchange.getRequestHeaders().getFirst("Host") + " "
                    + exchange.getRequestURI().getPath());
            // users.info as Slack answers it (trimmed); the SDK's auth.test, made once per token, gets a bare ok
            byte[] answer = (exchange.getRequestURI().getPath().equals("/api/users.info")
                            ? "{\"ok\":true,\"user\":{\"id\":\"U0ALICE\",\"profile\":{\"email\":\"alice@example.com\"}}}"
                            : "{\"ok\":true}")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json; charset=utf-8");
            exchange.sendResponseHeaders(200, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void aBaseUrlThePolicyRefusesStopsTheStartNamingTheSetting() {
        production
                .withPropertyValues("suggestionbox.intake.slack.api-base-url=http://slack.test/api/")
                .run(context -> assertThat(context.getStartupFailure())
                        .rootCause()
                        .hasMessageContainingAll("suggestionbox.intake.slack.api-base-url", "SCHEME", "https"));
        production
                .withPropertyValues("suggestionbox.intake.slack.api-base-url=https://slack.test/api/")
                .run(context -> assertThat(context.getStartupFailure())
                        .rootCause()
                        .hasMessageContainingAll(
                                "suggestionbox.intake.slack.api-base-url",
                                "HOST_NOT_ALLOWED",
                                "suggestionbox.outbound.allowed-hosts.slack"));
        production
                .withPropertyValues(
                        "suggestionbox.intake.slack.api-base-url=https://127.0.0.1/api/",
                        "suggestionbox.outbound.allowed-hosts.slack=127.0.0.1")
                .run(context -> assertThat(context.getStartupFailure())
                        .rootCause()
                        .hasMessageContainingAll("suggestionbox.intake.slack.api-base-url", "ADDRESS (LOOPBACK)"));
        production.run(context -> assertThat(context).hasNotFailed().hasSingleBean(Slack.class));
        assertThat(lookups).as("the start resolves no name").isEmpty();
    }

    @Test
    void theWebApiIsCalledOnTheAddressesThePolicyResolved() throws Exception {
        dns.put("slack.com", List.of(InetAddress.getLoopbackAddress()));

        standIn().run(context -> {
            UsersInfoResponse answer =
                    watched(context.getBean(Slack.class)).methods("xoxb-test").usersInfo(r -> r.user("U0ALICE"));

            assertThat(answer.isOk()).isTrue();
        });

        assertThat(lookups).isNotEmpty().containsOnly("slack.com");
        assertThat(connections)
                .isNotEmpty()
                .containsOnly(new InetSocketAddress(InetAddress.getLoopbackAddress(), port()));
        assertThat(received).contains("slack.com:" + port() + " /api/users.info");
    }

    @Test
    void aSlackNameThatResolvesInsideIsRefusedBeforeAnyConnection() {
        dns.put("slack.com", List.of(address(10, 0, 0, 5)));

        standIn().run(context -> {
            Slack slack = watched(context.getBean(Slack.class));

            assertThatExceptionOfType(UnknownHostException.class)
                    .isThrownBy(() -> slack.methods("xoxb-test").usersInfo(r -> r.user("U0ALICE")))
                    .havingCause()
                    .isInstanceOfSatisfying(DestinationRefusedException.class, refused -> {
                        assertThat(refused.reason()).isEqualTo(DestinationRefusedException.Reason.ADDRESS);
                        assertThat(refused.addressClass()).isEqualTo(AddressClass.PRIVATE);
                    });
        });

        assertThat(lookups).isNotEmpty().containsOnly("slack.com");
        assertThat(connections).isEmpty();
        assertThat(received).isEmpty();
    }

    @Test
    void theClientCallsNoOtherDestinationThanItsWebApi() {
        dns.put("slack.com", List.of(InetAddress.getLoopbackAddress()));

        standIn().run(context -> {
            SlackHttpClient http = watched(context.getBean(Slack.class)).getHttpClient();

            assertThatExceptionOfType(IOException.class)
                    .isThrownBy(() ->
                            http.postJsonBody("http://127.0.0.1:" + port() + "/commands/T0/1/x", Map.of("text", "hi")))
                    .withMessageContaining("suggestionbox.intake.slack.api-base-url");
        });

        assertThat(connections).isEmpty();
        assertThat(received).isEmpty();
    }

    /** {@code slack.com} on the stand-in's port, over http, reaching loopback: the local profile's allowances. */
    private ApplicationContextRunner standIn() {
        return production.withPropertyValues(
                "suggestionbox.intake.slack.api-base-url=http://slack.com:" + port() + "/api/",
                "suggestionbox.outbound.allow-http=true",
                "suggestionbox.outbound.allow-loopback=true");
    }

    /** The same client, its sockets watched: each connection is recorded, and only loopback is reached. */
    private Slack watched(Slack slack) {
        SocketFactory loopbackOnly = new SocketFactory() {
            @Override
            public Socket createSocket() {
                return new Socket() {
                    @Override
                    public void connect(SocketAddress endpoint, int timeout) throws IOException {
                        InetSocketAddress to = (InetSocketAddress) endpoint;
                        connections.add(to);
                        if (!to.getAddress().isLoopbackAddress()) {
                            throw new ConnectException("This test connects to loopback only");
                        }
                        super.connect(endpoint, timeout);
                    }
                };
            }

            @Override
            public Socket createSocket(String host, int port) {
                throw new UnsupportedOperationException();
            }

            @Override
            public Socket createSocket(String host, int port, InetAddress localHost, int localPort) {
                throw new UnsupportedOperationException();
            }

            @Override
            public Socket createSocket(InetAddress host, int port) {
                throw new UnsupportedOperationException();
            }

            @Override
            public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort) {
                throw new UnsupportedOperationException();
            }
        };
        return Slack.getInstance(
                slack.getConfig(),
                new SlackHttpClient(slack.getHttpClient()
                        .getOkHttpClient()
                        .newBuilder()
                        .socketFactory(loopbackOnly)
                        .build()));
    }

    private int port() {
        return server.getAddress().getPort();
    }

    private static InetAddress address(int... parts) {
        byte[] bytes = new byte[parts.length];
        for (int i = 0; i < parts.length; i++) {
            bytes[i] = (byte) parts[i];
        }
        try {
            return InetAddress.getByAddress(bytes);
        } catch (UnknownHostException ex) {
            throw new IllegalStateException(ex);
        }
    }
}
