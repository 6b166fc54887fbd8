package org.suggestionbox.localstack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A tiny JSON-over-HTTP client that signs in demo users with HTTP Basic and password {@code demo}. */
final class DemoClient {

    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"");

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    record Response(int status, String body) {

        String requireStatus(int expected, String what) {
            if (this.status != expected) {
                throw new IllegalStateException(what + " answered " + this.status + ": " + this.body);
            }
            return this.body;
        }

        String requireSuccess(String what) {
            if (this.status < 200 || this.status > 299) {
                throw new IllegalStateException(what + " answered " + this.status + ": " + this.body);
            }
            return this.body;
        }
    }

    Response get(String url, String user) {
        return send(HttpRequest.newBuilder(URI.create(url)).GET(), user);
    }

    Response post(String url, String user, String json) {
        return send(
                HttpRequest.newBuilder(URI.create(url))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)),
                user);
    }

    private Response send(HttpRequest.Builder request, String user) {
        String credentials = Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8));
        try {
            HttpResponse<String> response = this.http.send(
                    request.header("Authorization", "Basic " + credentials)
                            .header("Accept", "application/json")
                            .timeout(Duration.ofSeconds(30))
                            .build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Response(response.statusCode(), response.body());
        } catch (IOException ex) {
            throw new IllegalStateException("Request failed: " + ex.getMessage(), ex);
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", ex);
        }
    }

    /** The first {@code "id"} value of a JSON answer. */
    static String id(String json) {
        Matcher matcher = ID.matcher(json);
        if (!matcher.find()) {
            throw new IllegalStateException("No id in " + json);
        }
        return matcher.group(1);
    }

    /** A JSON string literal. */
    static String quote(String text) {
        StringBuilder json = new StringBuilder("\"");
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                case '\n' -> json.append("\\n");
                case '\r' -> json.append("\\r");
                case '\t' -> json.append("\\t");
                default -> {
                    if (c < 0x20) {
                        json.append(String.format("\\u%04x", (int) c));
                    } else {
                        json.append(c);
                    }
                }
            }
        }
        return json.append('"').toString();
    }
}
