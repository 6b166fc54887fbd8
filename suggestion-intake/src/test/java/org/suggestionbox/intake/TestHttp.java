package org.suggestionbox.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.suggestionbox.testing.DemoPassword;
import tools.jackson.databind.json.JsonMapper;

/**
 * A browser-like client for one signed-in person against the running service: HTTP Basic on every
 * request, its own cookie jar (session, language), redirects not followed.
 */
final class TestHttp {

    private static final Pattern CONFIRMATION = Pattern.compile("/ideas/([0-9a-f-]{36})/submitted$");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final String baseUrl;
    private final String authorization;
    private final HttpClient client;

    private TestHttp(int port, String user) {
        this.baseUrl = "http://localhost:" + port;
        this.authorization = user == null ? null : DemoPassword.basicAuthorization(user);
        this.client = HttpClient.newBuilder()
                .cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
    }

    static TestHttp as(int port, String user) {
        return new TestHttp(port, user);
    }

    static TestHttp anonymous(int port) {
        return new TestHttp(port, null);
    }

    HttpResponse<String> get(String path) {
        return send(request(path).GET());
    }

    HttpResponse<String> postJson(String path, String json, String... headers) {
        HttpRequest.Builder request = request(path)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return send(request);
    }

    /** Sends the body without a Content-Length (chunked), as a streaming client would. */
    HttpResponse<String> postJsonChunked(String path, String json) {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        return send(request(path)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(bytes))));
    }

    HttpResponse<String> postForm(String path, Map<String, String> fields) {
        return postForm(path, List.copyOf(fields.entrySet()));
    }

    /** Posts form fields in order; a name may repeat (several ticked checkboxes). */
    HttpResponse<String> postForm(String path, List<Map.Entry<String, String>> fields) {
        String body = fields.stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return send(request(path)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)));
    }

    /** The hidden fields of the idea form (CSRF token, submission key) from a page's HTML. */
    static Map<String, String> hiddenFields(String html) {
        Map<String, String> fields = new LinkedHashMap<>();
        Matcher input = Pattern.compile("<input[^>]*type=\"hidden\"[^>]*>").matcher(html);
        while (input.find()) {
            Matcher name = Pattern.compile("name=\"([^\"]+)\"").matcher(input.group());
            Matcher value = Pattern.compile("value=\"([^\"]*)\"").matcher(input.group());
            if (name.find() && value.find()) {
                fields.put(name.group(1), value.group(1));
            }
        }
        return fields;
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder builder =
                HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(30));
        if (authorization != null) {
            builder.header("Authorization", authorization);
        }
        return builder;
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException ex) {
            throw new java.io.UncheckedIOException(ex);
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
    }

    /** The idea id of a form post answered with the redirect to its confirmation page; fails on any other answer. */
    static String confirmedIdeaId(HttpResponse<String> posted) {
        assertThat(posted.statusCode()).as("the form's answer").isEqualTo(302);
        String location = posted.headers().firstValue("Location").orElseThrow();
        Matcher matcher = CONFIRMATION.matcher(location);
        assertThat(matcher.find())
                .as("redirect to the confirmation page: %s", location)
                .isTrue();
        return matcher.group(1);
    }

    /** The idea id of an API submission answered 202; fails on any other answer. */
    static String acceptedIdeaId(HttpResponse<String> response) {
        assertThat(response.statusCode())
                .as("the API's answer: %s", response.body())
                .isEqualTo(202);
        return JSON.readTree(response.body()).path("id").asString();
    }
}
