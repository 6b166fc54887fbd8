package org.suggestionbox.systemtests;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.suggestionbox.testing.DemoPassword;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;

/** JSON over HTTP as a demo user (HTTP Basic, password {@code demo}). */
final class Api {

    static final JsonMapper JSON = JsonMapper.builder().build();

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    record Response(int status, String body, Map<String, List<String>> headers) {

        Response(int status, String body) {
            this(status, body, Map.of());
        }

        JsonNode json() {
            return JSON.readTree(this.body);
        }

        Optional<String> header(String name) {
            return this.headers.entrySet().stream()
                    .filter(header -> header.getKey().equalsIgnoreCase(name))
                    .flatMap(header -> header.getValue().stream())
                    .findFirst();
        }
    }

    private final String user;

    private Api(String user) {
        this.user = user;
    }

    static Api as(String user) {
        return new Api(user);
    }

    Response get(String url) {
        return send(HttpRequest.newBuilder(URI.create(url)).GET());
    }

    /**
     * Every item of a cursor-paged list ({@code {items, nextCursor}}), following {@code nextCursor}
     * 200 at a time: a 200 response whose body is the JSON array of all items, or the first response
     * that was not 200.
     */
    Response getAll(String url) {
        return getAllUntil(url, item -> false);
    }

    /**
     * Like {@link #getAll(String)}, but stops after the first page that holds an item {@code past} accepts:
     * for a list newest first, everything newer than a moment costs only the pages that hold it.
     */
    Response getAllUntil(String url, Predicate<JsonNode> past) {
        ArrayNode all = JSON.createArrayNode();
        String cursor = null;
        String separator = url.contains("?") ? "&" : "?";
        do {
            String page = url + separator + "limit=200"
                    + (cursor == null ? "" : "&cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8));
            Response response = get(page);
            if (response.status() != 200) {
                return response;
            }
            JsonNode json = response.json();
            boolean reachedPast = false;
            for (JsonNode item : json.path("items")) {
                all.add(item);
                reachedPast |= past.test(item);
            }
            JsonNode next = json.path("nextCursor");
            cursor = next.isString() && !reachedPast ? next.asString() : null;
        } while (cursor != null);
        return new Response(200, JSON.writeValueAsString(all));
    }

    Response post(String url, Object body) {
        return post(url, body, Map.of());
    }

    Response post(String url, Object body, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body), StandardCharsets.UTF_8));
        headers.forEach(request::header);
        return send(request);
    }

    Response put(String url, String json) {
        return send(HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)));
    }

    private Response send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = HTTP.send(
                    request.header("Authorization", DemoPassword.basicAuthorization(this.user))
                            .header("Accept", "application/json")
                            .timeout(Duration.ofSeconds(30))
                            .build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Response(
                    response.statusCode(), response.body(), response.headers().map());
        } catch (IOException ex) {
            throw new IllegalStateException("Request failed: " + ex, ex);
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", ex);
        }
    }
}
