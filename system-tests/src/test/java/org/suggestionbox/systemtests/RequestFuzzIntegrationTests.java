package org.suggestionbox.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.assertj.core.api.MapAssert;
import org.junit.jupiter.api.Test;
import org.suggestionbox.testing.DemoPassword;

/**
 * Random and malformed requests to every endpoint of the three services (found in their
 * {@code /actuator/mappings}): broken, truncated, deeply nested and wrongly typed JSON, wrong
 * content types, odd headers, path variables that are no ids, random query parameters — as nobody,
 * as the employee alice and as the administrator (HTTP Basic, local profile). None may answer with a
 * 5xx, and every refusal of the API to a program that asks for JSON (or for nothing) is RFC 9457 problem
 * details, also where no controller answers (an unknown address, a method or body type an address does not
 * take, a path the firewall or Tomcat refuses). The requests come from a seeded {@link Random}: the seed is
 * printed, and {@code -Dsuggestionbox.fuzz.seed=…} replays a run.
 * <p>
 * The bodies are never well-formed JSON objects or lists, so no request can change the directory,
 * the routing rules or anybody's preferences by chance; other system tests share the stack.
 */
@SystemTest
class RequestFuzzIntegrationTests {

    private static final int REQUESTS_PER_PERSONA = 8;
    private static final List<String> PERSONAS = List.of("nobody", "alice", "admin");
    private static final Pattern PATH_VARIABLE = Pattern.compile("\\{([^}/]+)}");
    private static final HttpClient HTTP = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    /** What a path variable may be instead of an id. */
    private static final List<String> PATH_VALUES = List.of(
            "not-a-uuid",
            "x".repeat(2000),
            "%F0%9F%92%A1idée",
            "%00",
            "12345",
            "-1",
            "%27%20OR%201%3D1",
            "..",
            "%25",
            "null",
            "a%20b",
            "%E2%80%AE",
            "6f1c2a1e-8d3b-4c4e-9a51-0d2f3b7c9e10",
            "00000000-0000-0000-0000-00000000000g");

    private static final List<String> QUERY_NAMES = List.of(
            "limit",
            "cursor",
            "state",
            "category",
            "lang",
            "query",
            "department",
            "id",
            "token",
            "page",
            "x%00",
            "%E2%98%83",
            "limit");

    private static final List<String> QUERY_VALUES = List.of(
            "-1",
            "0",
            "201",
            "99999999999999999999",
            "abc",
            "",
            "%00",
            "%FF%FE",
            "x".repeat(1500),
            "EXPLORING",
            "NOPE",
            "%7B%22a%22%3A1%7D",
            "true",
            "1e309",
            "Y29ycnVwdA",
            "%E0%A4");

    private static final List<String> CONTENT_TYPES = List.of(
            "application/json",
            "application/json; charset=nope",
            "text/plain",
            "application/xml",
            "application/x-www-form-urlencoded",
            "multipart/form-data",
            "garbage/type;;;",
            "application/json; charset=UTF-16",
            "*/*",
            "");

    private static final String PROBLEM_JSON = "application/problem+json";

    private static final List<String> ACCEPTS = List.of(
            "application/json", "text/html", "garbage", "application/xml", "*/*;q=abc", "text/csv", "image/png", "");

    @Test
    void noRandomOrMalformedRequestGetsA5xxAndEveryApiRefusalIsProblemDetails(RunningStack stack) throws Exception {
        long seed = Long.getLong("suggestionbox.fuzz.seed", System.nanoTime());
        System.out.printf(
                "[system-tests] request fuzz seed %d (replay with -Dsuggestionbox.fuzz.seed=%d)%n", seed, seed);
        Random random = new Random(seed);
        Map<String, String> baseUrls = Map.of(
                "suggestion-intake",
                stack.intakeUrl(),
                "suggestion-router",
                stack.routerUrl(),
                "feedback-notifier",
                stack.notifierUrl());
        Set<Endpoint> endpoints = new TreeSet<>();
        baseUrls.forEach((service, url) -> endpoints.addAll(RequestMappings.of(service, url)));

        // built in one thread from the seed, sent in parallel: the same seed gives the same requests
        List<FuzzRequest> requests = new ArrayList<>();
        for (Endpoint endpoint : endpoints) {
            for (String persona : PERSONAS) {
                for (int i = 0; i < REQUESTS_PER_PERSONA; i++) {
                    requests.add(request(random, endpoint, baseUrls.get(endpoint.service()), persona));
                }
            }
        }
        long started = System.nanoTime();
        List<String> offences = Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> sent = new ArrayList<>();
            for (FuzzRequest request : requests) {
                sent.add(pool.submit(() -> send(request, offences)));
            }
            for (Future<?> each : sent) {
                each.get();
            }
        } finally {
            pool.shutdownNow();
        }
        System.out.printf(
                "[system-tests] request fuzz: %d requests to %d endpoints in %d ms, %d answered 5xx or without"
                        + " problem details%n",
                requests.size(), endpoints.size(), (System.nanoTime() - started) / 1_000_000, offences.size());

        assertThat(offences)
                .as(
                        "requests answered with a server error, or refused by the API without problem details (seed %d)",
                        seed)
                .isEmpty();
    }

    @Test
    void whatNoControllerAnswersIsProblemDetailsForTheApiAndAPageForABrowser(RunningStack stack) throws Exception {
        for (String service : List.of(stack.intakeUrl(), stack.routerUrl(), stack.notifierUrl())) {
            assertProblem(send("GET", service + "/api/no-such-thing", "application/json", null), 404, service)
                    .containsEntry("detail", "Nothing answers at this address.")
                    .containsEntry("instance", "/api/no-such-thing");
            // refused by the firewall before any controller: a doubled slash, a path parameter
            assertProblem(send("GET", service + "/api/ideas//x", "application/json", null), 400, service);
            assertProblem(send("GET", service + "/api/ideas;x=1", "", null), 400, service);
            // refused by Tomcat before any application sees it: an encoded NUL, a request line over 8 KB
            assertProblem(send("GET", service + "/api/ideas/%00", "application/json", null), 400, service)
                    .doesNotContainKey("instance");
            assertProblem(
                    send("GET", service + "/api/ideas?x=" + "a".repeat(12_000), "application/json", null),
                    400,
                    service);
            HttpResponse<String> page = send("GET", service + "/no-such-page", "text/html", null);
            assertThat(page.statusCode()).as(service).isEqualTo(404);
            assertThat(page.headers().firstValue("Content-Type"))
                    .as(service)
                    .hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
        }
        HttpResponse<String> wrongMethod = send("PATCH", stack.routerUrl() + "/api/queue", "application/json", null);
        assertProblem(wrongMethod, 405, "router").containsKey("detail");
        assertThat(wrongMethod.headers().firstValue("Allow")).hasValue("GET");
        assertProblem(send("POST", stack.intakeUrl() + "/api/ideas", "application/json", "text/plain"), 415, "intake")
                .containsEntry("detail", "This address does not read a body of this Content-Type.");
    }

    /** The answer's status, its type {@code application/problem+json}, and its members, for further checks. */
    private static MapAssert<String, Object> assertProblem(HttpResponse<String> response, int status, String service) {
        assertThat(response.statusCode()).as(service + " " + response.uri()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type"))
                .as(service + " " + response.uri())
                .hasValueSatisfying(type -> assertThat(type).startsWith(PROBLEM_JSON));
        Map<String, Object> problem = Api.JSON.readValue(response.body(), Map.class);
        return assertThat(problem)
                .as(service + " " + response.uri() + " " + response.body())
                .containsEntry("status", status)
                .containsKeys("title", "detail")
                // Spring Boot's own error JSON has these; problem details do not
                .doesNotContainKeys("timestamp", "path", "error");
    }

    private static HttpResponse<String> send(String method, String url, String accept, String contentType)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(30))
                .method(
                        method,
                        contentType == null
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofString("x"));
        new BasicCredentials().headers("alice", "").forEach(request::header);
        if (!accept.isEmpty()) {
            request.header("Accept", accept);
        }
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static FuzzRequest request(Random random, Endpoint endpoint, String baseUrl, String persona) {
        StringBuilder url = new StringBuilder(baseUrl).append(fillPath(random, endpoint.path()));
        int parameters = random.nextInt(4);
        for (int i = 0; i < parameters; i++) {
            url.append(i == 0 ? '?' : '&')
                    .append(pick(random, QUERY_NAMES))
                    .append('=')
                    .append(pick(random, QUERY_VALUES));
        }
        List<String> headers = new ArrayList<>();
        String accept = pick(random, ACCEPTS);
        if (!accept.isEmpty()) {
            headers.add("Accept");
            headers.add(accept);
        }
        if (!persona.equals("nobody")) {
            headers.add("Authorization");
            headers.add(DemoPassword.basicAuthorization(persona));
        }
        switch (random.nextInt(6)) {
            case 0 -> headers.addAll(List.of("Idempotency-Key", "x".repeat(4000)));
            case 1 -> headers.addAll(List.of("Idempotency-Key", "not a key \u00e9"));
            case 2 -> headers.addAll(List.of("Accept-Language", "@@;q=zz, xx-YY-ZZ-QQ"));
            case 3 -> headers.addAll(List.of("Cookie", "SESSION=" + "z".repeat(300) + "; JSESSIONID=%%%"));
            case 4 ->
                headers.addAll(
                        List.of("X-Slack-Signature", "v0=" + "0".repeat(64), "X-Slack-Request-Timestamp", "yesterday"));
            default -> {
                // no odd header this time
            }
        }
        byte[] body = new byte[0];
        if (!endpoint.method().equals("GET")) {
            body = body(random);
            String contentType = pick(random, CONTENT_TYPES);
            if (!contentType.isEmpty()) {
                headers.add("Content-Type");
                headers.add(contentType);
            }
        }
        return new FuzzRequest(endpoint, persona, endpoint.method(), url.toString(), headers, body);
    }

    private static String fillPath(Random random, String pattern) {
        Matcher variables = PATH_VARIABLE.matcher(pattern);
        StringBuilder path = new StringBuilder();
        while (variables.find()) {
            variables.appendReplacement(path, Matcher.quoteReplacement(pick(random, PATH_VALUES)));
        }
        variables.appendTail(path);
        return path.toString();
    }

    /** Never a well-formed JSON object or list: broken, truncated, scalar, deeply nested, huge, not UTF-8. */
    private static byte[] body(Random random) {
        String text = switch (random.nextInt(12)) {
            case 0 -> "";
            case 1 -> "{";
            case 2 -> "{\"title\": \"Truncated";
            case 3 -> "not json at all";
            case 4 -> "\"a string\"";
            case 5 -> Long.toString(random.nextLong());
            case 6 -> "null";
            case 7 -> "[".repeat(5000) + "]".repeat(5000);
            case 8 -> "{\"a\":".repeat(3000) + "1" + "}".repeat(3000);
            case 9 -> "{\"title\": \"" + "a".repeat(1_000_000);
            case 10 -> "title=&description=%ZZ&category=" + "c".repeat(3000);
            default -> null;
        };
        if (text != null) {
            return text.getBytes(StandardCharsets.UTF_8);
        }
        byte[] bytes = new byte[1 + random.nextInt(512)];
        random.nextBytes(bytes);
        return bytes;
    }

    private static void send(FuzzRequest request, List<String> offences) {
        HttpRequest.Builder builder;
        try {
            builder = HttpRequest.newBuilder(URI.create(request.url()))
                    .timeout(Duration.ofSeconds(30))
                    .method(request.method(), HttpRequest.BodyPublishers.ofByteArray(request.body()));
            for (int i = 0; i < request.headers().size(); i += 2) {
                builder.header(request.headers().get(i), request.headers().get(i + 1));
            }
        } catch (IllegalArgumentException notSendable) {
            return; // the client refuses to send it (e.g. a header it does not allow): nothing to learn
        }
        try {
            HttpResponse<String> response =
                    HTTP.send(builder.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            if (response.statusCode() >= 500) {
                offences.add(request.describe() + " -> " + response.statusCode() + " " + excerpt(response.body()));
            } else if (request.asksForJson()
                    && response.statusCode() >= 400
                    && !response.body().isEmpty()
                    && !response.headers().firstValue("Content-Type").orElse("").startsWith(PROBLEM_JSON)) {
                offences.add(request.describe() + " -> " + response.statusCode() + " not problem details: "
                        + response.headers().firstValue("Content-Type").orElse("no Content-Type") + " "
                        + excerpt(response.body()));
            }
        } catch (IOException ex) {
            // a connection the server closed on an oversized or broken request is a refusal, not an error;
            // a timeout is one
            if (ex instanceof java.net.http.HttpTimeoutException) {
                offences.add(request.describe() + " -> no answer within 30 s");
            }
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }

    private static <T> T pick(Random random, List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    private static String excerpt(String text) {
        String flat = text.replaceAll("\\s+", " ").strip();
        return flat.length() <= 200 ? flat : flat.substring(0, 200) + "…";
    }

    /** One request as sent, with what the failure list shows of it. */
    private record FuzzRequest(
            Endpoint endpoint, String persona, String method, String url, List<String> headers, byte[] body) {

        /** A request to the API that asks for JSON, or for nothing in particular, as programs do. */
        boolean asksForJson() {
            if (!this.endpoint.path().startsWith("/api/")) {
                return false;
            }
            for (int i = 0; i < this.headers.size(); i += 2) {
                if (this.headers.get(i).equals("Accept")) {
                    return this.headers.get(i + 1).equals("application/json");
                }
            }
            return true;
        }

        String describe() {
            String shownUrl = this.url.length() <= 160 ? this.url : this.url.substring(0, 160) + "…";
            List<String> shownHeaders = new ArrayList<>();
            for (int i = 0; i < this.headers.size(); i += 2) {
                if (!this.headers.get(i).equals("Authorization")) {
                    String value = this.headers.get(i + 1);
                    shownHeaders.add(
                            this.headers.get(i) + ": " + (value.length() <= 40 ? value : value.substring(0, 40) + "…"));
                }
            }
            return String.format(
                    "%n  %s as %s: %s %s %s body %s",
                    this.endpoint,
                    this.persona,
                    this.method,
                    shownUrl,
                    shownHeaders,
                    excerpt(new String(this.body, 0, Math.min(this.body.length, 120), StandardCharsets.UTF_8)));
        }
    }
}
