package org.suggestionbox.notifier;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One local HTTP server per JVM standing in for Slack's Web API ({@code /slack/api/chat.postMessage}),
 * Teams incoming webhooks ({@code /teams/<hook>}) and webhook receivers ({@code /webhook/<hook>}).
 * It keeps what it accepted; Slack calls to a channel can be made to fail on cue. Tests share it,
 * so every lookup filters by the test's own channel, hook or idea.
 */
public final class FakeChatServers {

    public static final String SLACK_TOKEN = "xoxb-test-token";

    /** Teams refuses a message over 28 KB with {@code 413}, as its incoming webhooks do. */
    public static final int TEAMS_MAX_BYTES = 28 * 1024;

    private static final FakeChatServers INSTANCE = new FakeChatServers();

    /** A request the server accepted. */
    public record Received(String path, Map<String, List<String>> headers, byte[] rawBody, JsonNode json) {

        public String header(String name) {
            return headers.entrySet().stream()
                    .filter(entry -> entry.getKey().equalsIgnoreCase(name))
                    .map(entry -> entry.getValue().getFirst())
                    .findFirst()
                    .orElse(null);
        }

        public String body() {
            return new String(rawBody, StandardCharsets.UTF_8);
        }
    }

    private final HttpServer server;
    private final JsonMapper json = JsonMapper.builder().build();
    private final List<Received> accepted = new CopyOnWriteArrayList<>();
    private final Map<String, AtomicInteger> slackFailuresLeft = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> slackCalls = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> failingCalls = new ConcurrentHashMap<>();

    private FakeChatServers() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException ex) {
            throw new IllegalStateException(ex);
        }
        server.setExecutor(Executors.newFixedThreadPool(4, runnable -> {
            Thread thread = new Thread(runnable, "fake-chat-servers");
            thread.setDaemon(true);
            return thread;
        }));
        server.createContext("/slack/api/chat.postMessage", this::slack);
        server.createContext("/teams/", exchange -> {
            if (exchange.getRequestHeaders().getFirst("Content-Length") != null
                    && Long.parseLong(exchange.getRequestHeaders().getFirst("Content-Length")) > TEAMS_MAX_BYTES) {
                read(exchange);
                respond(exchange, 413, "{\"error\":\"RequestEntityTooLarge\"}");
                return;
            }
            accept(exchange, 202, "1");
        });
        server.createContext("/webhook/", exchange -> accept(exchange, 200, "{}"));
        server.createContext("/failing/", exchange -> {
            failingCalls
                    .computeIfAbsent(exchange.getRequestURI().getPath(), key -> new AtomicInteger())
                    .incrementAndGet();
            read(exchange);
            respond(exchange, 500, "{}");
        });
        server.start();
    }

    public static FakeChatServers get() {
        return INSTANCE;
    }

    public String slackApiBase() {
        return base() + "/slack/api/";
    }

    public String teamsUrl(String hook) {
        return base() + "/teams/" + hook;
    }

    public String webhookUrl(String hook) {
        return base() + "/webhook/" + hook;
    }

    /** A URL that always answers HTTP 500. */
    public String failingUrl(String hook) {
        return base() + "/failing/" + hook;
    }

    /** Posts to {@link #failingUrl}. */
    public int failingCalls(String hook) {
        AtomicInteger calls = failingCalls.get("/failing/" + hook);
        return calls == null ? 0 : calls.get();
    }

    /** The next {@code times} posts to the Slack channel answer HTTP 500. */
    public void failSlack(String channel, int times) {
        slackFailuresLeft.put(channel, new AtomicInteger(times));
    }

    /** All posts to the Slack channel, failed ones included. */
    public int slackCalls(String channel) {
        AtomicInteger calls = slackCalls.get(channel);
        return calls == null ? 0 : calls.get();
    }

    /** Accepted Slack messages to the channel. */
    public List<Received> slackMessages(String channel) {
        return accepted.stream()
                .filter(received -> received.path().startsWith("/slack/"))
                .filter(received ->
                        channel.equals(received.json().path("channel").asString("")))
                .toList();
    }

    /** Accepted posts to {@code /teams/<hook>} or {@code /webhook/<hook>}. */
    public List<Received> posts(String path) {
        return accepted.stream()
                .filter(received -> received.path().equals(path))
                .toList();
    }

    private String base() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private void slack(HttpExchange exchange) throws IOException {
        byte[] body = read(exchange);
        JsonNode request = json.readTree(body);
        String channel = request.path("channel").asString("");
        slackCalls.computeIfAbsent(channel, key -> new AtomicInteger()).incrementAndGet();
        if (!("Bearer " + SLACK_TOKEN).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
            respond(exchange, 200, "{\"ok\":false,\"error\":\"invalid_auth\"}");
            return;
        }
        AtomicInteger failures = slackFailuresLeft.get(channel);
        if (failures != null && failures.getAndDecrement() > 0) {
            respond(exchange, 500, "{\"ok\":false,\"error\":\"internal_error\"}");
            return;
        }
        accepted.add(new Received(
                exchange.getRequestURI().getPath(), Map.copyOf(exchange.getRequestHeaders()), body, request));
        respond(exchange, 200, "{\"ok\":true,\"channel\":\"D0" + channel + "\",\"ts\":\"1700000000.000100\"}");
    }

    private void accept(HttpExchange exchange, int status, String answer) throws IOException {
        byte[] body = read(exchange);
        accepted.add(new Received(
                exchange.getRequestURI().getPath(),
                Map.copyOf(exchange.getRequestHeaders()),
                body,
                json.readTree(body)));
        respond(exchange, status, answer);
    }

    private static byte[] read(HttpExchange exchange) throws IOException {
        try (InputStream in = exchange.getRequestBody()) {
            return in.readAllBytes();
        }
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json; charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }
}
