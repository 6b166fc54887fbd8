package org.suggestionbox.router.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.suggestionbox.testing.DemoPassword;

/** Real HTTP against the router on its random port, signed in with HTTP Basic (password {@code demo}). */
public final class RouterHttp {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");

    private final int port;

    public RouterHttp(int port) {
        this.port = port;
    }

    public HttpResponse<String> get(String user, String path) {
        return send(client(), request(user, path).GET().build());
    }

    public HttpResponse<String> postJson(String user, String path, String json) {
        return send(
                client(),
                request(user, path)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(json))
                        .build());
    }

    public HttpResponse<String> putJson(String user, String path, String json) {
        return send(
                client(),
                request(user, path)
                        .header("Content-Type", "application/json")
                        .PUT(HttpRequest.BodyPublishers.ofString(json))
                        .build());
    }

    public HttpResponse<String> delete(String user, String path) {
        return send(client(), request(user, path).DELETE().build());
    }

    public HttpResponse<String> post(String user, String path, String contentType, String body) {
        return send(
                client(),
                request(user, path)
                        .header("Content-Type", contentType)
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build());
    }

    /** A browser-like session: keeps cookies, so a form can be posted with the CSRF token of its page. */
    public Browser browser(String user) {
        return new Browser(
                user,
                HttpClient.newBuilder()
                        .cookieHandler(new CookieManager())
                        .followRedirects(HttpClient.Redirect.NEVER)
                        .connectTimeout(Duration.ofSeconds(5))
                        .build());
    }

    /** One signed-in person's browser. */
    public final class Browser {

        private final String user;
        private final HttpClient client;

        private Browser(String user, HttpClient client) {
            this.user = user;
            this.client = client;
        }

        public HttpResponse<String> get(String path) {
            return send(client, request(user, path).GET().build());
        }

        /** Posts a form the way the page's form would, with the CSRF token taken from {@code page}. */
        public HttpResponse<String> submit(String page, String action, Map<String, String> fields) {
            Matcher csrf = CSRF.matcher(page);
            if (!csrf.find()) {
                throw new IllegalStateException("No CSRF token on the page");
            }
            String body = fields.entrySet().stream()
                    .map(field -> encode(field.getKey()) + "=" + encode(field.getValue()))
                    .collect(Collectors.joining("&", "_csrf=" + encode(csrf.group(1)) + "&", ""));
            return send(
                    client,
                    request(user, action)
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .POST(HttpRequest.BodyPublishers.ofString(body))
                            .build());
        }
    }

    private HttpRequest.Builder request(String user, String path) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", DemoPassword.basicAuthorization(user))
                .header("Accept-Language", "en")
                .timeout(Duration.ofSeconds(30));
    }

    private static HttpClient client() {
        return HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
    }

    private static HttpResponse<String> send(HttpClient client, HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
