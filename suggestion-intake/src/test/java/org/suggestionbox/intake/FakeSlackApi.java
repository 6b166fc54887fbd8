package org.suggestionbox.intake;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.MergedContextConfiguration;

/**
 * A local stand-in for Slack: its Web API under {@code /api/} (answers {@code {"ok":true}}; for
 * {@code users.info} the user registered with {@link #slackUser}, else {@code user_not_found}) and
 * response URLs under {@code /response/}; a real HTTP server on a random port, one per JVM. Every
 * test context gets {@code suggestionbox.intake.slack.api-base-url} pointed at it (and the outbound
 * destination policy told to let Slack's Web API calls and response URLs go to it) by the same
 * {@link ContextCustomizerFactory} (registered in META-INF/spring.factories), so the context
 * cache still shares one context between the integration test classes.
 */
public final class FakeSlackApi {

    /** One request Slack's side received; the body URL-decoded when it was a form. */
    public record Received(String path, String authorization, String contentType, String body) {}

    private static final List<Received> RECEIVED = new CopyOnWriteArrayList<>();
    private static final Map<String, String> EMAILS = new ConcurrentHashMap<>();
    private static final HttpServer SERVER = start();

    private FakeSlackApi() {}

    public static String apiBaseUrl() {
        return "http://127.0.0.1:" + SERVER.getAddress().getPort() + "/api/";
    }

    public static String responseUrl(String id) {
        return "http://127.0.0.1:" + SERVER.getAddress().getPort() + "/response/" + id;
    }

    /** A response URL that reaches the stand-in too, but by a name that is not on the allowed hosts. */
    public static String responseUrlByName(String id) {
        return "http://localhost:" + SERVER.getAddress().getPort() + "/response/" + id;
    }

    /** Makes {@code users.info} know a Slack user with this e-mail address. */
    public static void slackUser(String userId, String email) {
        EMAILS.put(userId, email);
    }

    public static List<Received> received(String path) {
        return RECEIVED.stream().filter(r -> r.path().equals(path)).toList();
    }

    private static HttpServer start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/", exchange -> {
                String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                String contentType = String.valueOf(exchange.getRequestHeaders().getFirst("Content-Type"));
                if (contentType.startsWith("application/x-www-form-urlencoded")) {
                    body = URLDecoder.decode(body, StandardCharsets.UTF_8);
                }
                RECEIVED.add(new Received(
                        exchange.getRequestURI().getPath(),
                        String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")),
                        contentType,
                        body));
                String path = exchange.getRequestURI().getPath();
                byte[] answer = (path.equals("/api/users.info") ? usersInfo(body) : "{\"ok\":true}")
                        .getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json; charset=utf-8");
                exchange.sendResponseHeaders(200, answer.length);
                exchange.getResponseBody().write(answer);
                exchange.close();
            });
            server.start();
            return server;
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    /** A users.info answer shaped as Slack's (trimmed to what matters here). */
    private static String usersInfo(String form) {
        String userId = "";
        for (String field : form.split("&")) {
            if (field.startsWith("user=")) {
                userId = field.substring("user=".length());
            }
        }
        String email = EMAILS.get(userId);
        if (email == null) {
            return "{\"ok\":false,\"error\":\"user_not_found\"}";
        }
        return """
                {"ok":true,"user":{"id":"%s","team_id":"T0SUGGEST","name":"someone","deleted":false,\
                "real_name":"Some One","tz":"Europe/Warsaw","is_bot":false,\
                "profile":{"real_name":"Some One","display_name":"someone","email":"%s"}}}""".formatted(userId, email);
    }

    /** Points every test context's Slack Web API at the fake. */
    public static final class ContextCustomizerFactory
            implements org.springframework.test.context.ContextCustomizerFactory {

        @Override
        public ContextCustomizer createContextCustomizer(
                Class<?> testClass, List<ContextConfigurationAttributes> configAttributes) {
            return new Customizer();
        }
    }

    private static final class Customizer implements ContextCustomizer {

        @Override
        public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration config) {
            // the stand-in's Web API and response URLs are on loopback: the operator's switch for stand-ins, and
            // its host on both Slack channels' allowed hosts
            TestPropertyValues.of(
                            "suggestionbox.intake.slack.api-base-url=" + apiBaseUrl(),
                            "suggestionbox.outbound.allow-http=true",
                            "suggestionbox.outbound.allow-loopback=true",
                            "suggestionbox.outbound.allowed-hosts.slack=127.0.0.1",
                            "suggestionbox.outbound.allowed-hosts.slack-response-url=127.0.0.1")
                    .applyTo(context);
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Customizer;
        }

        @Override
        public int hashCode() {
            return Customizer.class.hashCode();
        }
    }
}
