package org.suggestionbox.benchmarks;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.HdrHistogram.Histogram;

/**
 * Slack's side of intake: signed {@code /idea} slash commands from alice's Slack id, as Slack sends them,
 * one after the other at a fixed pace; times each until intake's HTTP answer (the acknowledgement Slack
 * needs within 3 s, given once the idea's event is acknowledged by Kafka).
 */
final class SlackAcknowledgement {

    record Result(Histogram micros, Map<Integer, Integer> statuses) {}

    private final String intakeUrl;

    private final String signingSecret;

    private final HttpClient http = Http.client();

    SlackAcknowledgement(String intakeUrl, String signingSecret) {
        this.intakeUrl = intakeUrl;
        this.signingSecret = signingSecret;
    }

    Result run(int requests, double perSecond) {
        Histogram micros = new Histogram(TimeUnit.MINUTES.toMicros(1), 3);
        Map<Integer, Integer> statuses = new TreeMap<>();
        long interval = (long) (1e9 / perSecond);
        long next = System.nanoTime();
        String run = UUID.randomUUID().toString().substring(0, 8);
        for (int i = 0; i < requests; i++) {
            // pacing the requests, not waiting for a condition
            LockSupport.parkNanos(next - System.nanoTime());
            long sent = System.nanoTime();
            int status = send(run, i);
            micros.recordValue((System.nanoTime() - sent) / 1000);
            statuses.merge(status, 1, Integer::sum);
            next += interval;
        }
        return new Result(micros, statuses);
    }

    private int send(String run, int number) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("token", "benchmark");
        fields.put("team_id", "T0BENCH");
        fields.put("team_domain", "benchmark");
        fields.put("channel_id", "C0BENCH");
        fields.put("user_id", "U0ALICE");
        fields.put("user_name", "alice");
        fields.put("command", "/idea");
        fields.put("text", "Benchmark idea " + run + "-" + number + ": measure how fast Slack hears back");
        fields.put("response_url", "http://127.0.0.1:9/unused");
        fields.put("trigger_id", "benchmark-" + run + "-" + number);
        String body = fields.entrySet().stream()
                .map(field -> field.getKey() + "=" + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        String timestamp = Long.toString(Instant.now().getEpochSecond());
        HttpRequest request = HttpRequest.newBuilder(URI.create(this.intakeUrl + "/slack/events"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-Slack-Request-Timestamp", timestamp)
                .header("X-Slack-Signature", signature(timestamp, body))
                .timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        try {
            return this.http
                    .send(request, HttpResponse.BodyHandlers.discarding())
                    .statusCode();
        } catch (IOException ex) {
            return -1;
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", ex);
        }
    }

    /** Slack's v0 request signature: HMAC-SHA256 of {@code v0:<timestamp>:<body>} with the signing secret. */
    String signature(String timestamp, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(this.signingSecret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] digest = mac.doFinal(("v0:" + timestamp + ":" + body).getBytes(StandardCharsets.UTF_8));
            return "v0=" + HexFormat.of().formatHex(digest);
        } catch (GeneralSecurityException ex) {
            throw new IllegalStateException("HmacSHA256 is not available", ex);
        }
    }
}
