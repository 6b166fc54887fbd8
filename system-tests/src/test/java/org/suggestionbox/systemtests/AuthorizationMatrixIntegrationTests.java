package org.suggestionbox.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.suggestionbox.systemtests.AuthorizationMatrix.Outcome;

/**
 * Every HTTP endpoint of the three services, found in their request mappings, tried by every persona
 * against the decision written in {@code authorization-matrix.csv}: nobody, the employee whose idea it
 * is (alice), another employee (piotr), the idea's owner (maya), another owner (jan), a leader (lea)
 * and an administrator. A new endpoint without a row fails, so does a row without an endpoint.
 * <p>
 * The fixture goes through the real pipeline: piotr submits an idea in {@code operations} (routed to
 * jan), then alice a similar one in {@code customer-experience} (routed to maya); path variables name
 * these. Each action on an idea ({@code POST …/ideas/{id}/…}: decide, review, report progress, hand
 * on, merge) gets a fresh idea of alice's of its own, so no row depends on another. Within a row the
 * personas go in {@link #ORDER}: those who may move an idea to another owner (the owner, an
 * administrator) come last, so nobody tries an idea that an earlier persona handed to them.
 */
@SystemTest
class AuthorizationMatrixIntegrationTests {

    private static final Duration PIPELINE_TIMEOUT = Duration.ofSeconds(60);
    private static final String INTAKE = "suggestion-intake";
    private static final String ROUTER = "suggestion-router";
    private static final String NOTIFIER = "feedback-notifier";

    private static final List<Persona> ORDER = List.of(
            Persona.NOBODY,
            Persona.OWNING_EMPLOYEE,
            Persona.OTHER_EMPLOYEE,
            Persona.OTHER_OWNER,
            Persona.LEADER,
            Persona.OWNER,
            Persona.ADMIN);

    /** Pages: HTTP Basic, the local profile's sign-in (which session a page runs in does not change who may act). */
    private static final Credentials PAGE_CREDENTIALS = new BasicCredentials();

    /** The actions on one idea: each row of these gets a fresh idea. */
    private static final Pattern IDEA_ACTION = Pattern.compile("(/api)?/ideas/\\{id}/[a-z-]+");

    private static final Pattern PATH_VARIABLE = Pattern.compile("\\{([^}/]+)}");
    private static final Pattern CSRF = Pattern.compile(
            "<input[^>]*name=\"_csrf\"[^>]*value=\"([^\"]+)\"|" + "<input[^>]*value=\"([^\"]+)\"[^>]*name=\"_csrf\"");

    private static @Nullable Fixture fixture;

    @Test
    void everyEndpointHasADecisionAndEveryDecisionAnEndpoint(RunningStack stack) {
        Set<Endpoint> endpoints = endpoints(stack);
        Set<Endpoint> decided = AuthorizationMatrix.load().rows().keySet();

        List<String> problems = new ArrayList<>();
        endpoints.stream()
                .filter(endpoint -> !decided.contains(endpoint))
                .forEach(endpoint -> problems.add("add a decision for " + endpoint.method() + " " + endpoint.path()
                        + " (" + endpoint.service() + ") to " + AuthorizationMatrix.RESOURCE));
        decided.stream()
                .filter(endpoint -> !endpoints.contains(endpoint))
                .forEach(endpoint -> problems.add(AuthorizationMatrix.RESOURCE + " decides " + endpoint
                        + ", which no service maps: remove or correct the row"));

        assertThat(problems)
                .as("endpoints found in /actuator/mappings vs. rows of %s", AuthorizationMatrix.RESOURCE)
                .isEmpty();
    }

    @Test
    void everyPersonaGetsTheMatrixDecisionOnEveryEndpoint(RunningStack stack) {
        Set<Endpoint> endpoints = endpoints(stack);
        Fixture fixture = fixture(stack);
        Map<Endpoint, Map<Persona, Outcome>> rows = AuthorizationMatrix.load().rows();
        Map<String, UUID> freshIdeas = fixture.freshIdeas(
                stack,
                rows.keySet().stream()
                        .filter(endpoints::contains)
                        .filter(AuthorizationMatrixIntegrationTests::isIdeaAction)
                        .toList());
        Sessions sessions = new Sessions(stack);
        // the preferences rows save what they send: put everyone's back afterwards, as other tests rely on them
        Map<String, String> preferences = new LinkedHashMap<>();
        for (Persona persona : ORDER) {
            persona.person()
                    .ifPresent(person -> preferences.put(
                            person,
                            Api.as(person)
                                    .get(stack.notifierUrl() + "/api/preferences")
                                    .body()));
        }
        try {
            checkEveryCell(stack, endpoints, fixture, rows, freshIdeas, sessions);
        } finally {
            preferences.forEach((person, saved) -> assertThat(Api.as(person)
                            .put(stack.notifierUrl() + "/api/preferences", saved)
                            .status())
                    .isEqualTo(200));
        }
    }

    private static void checkEveryCell(
            RunningStack stack,
            Set<Endpoint> endpoints,
            Fixture fixture,
            Map<Endpoint, Map<Persona, Outcome>> rows,
            Map<String, UUID> freshIdeas,
            Sessions sessions) {
        List<String> mismatches = new ArrayList<>();
        StringBuilder table = new StringBuilder(String.format("%-70s", "endpoint"));
        ORDER.forEach(persona -> table.append(String.format(" %-16s", persona.column())));
        long started = System.nanoTime();
        int requests = 0;
        for (Map.Entry<Endpoint, Map<Persona, Outcome>> row : rows.entrySet()) {
            Endpoint endpoint = row.getKey();
            if (!endpoints.contains(endpoint)) {
                continue;
            }
            table.append(String.format("%n%-70s", endpoint));
            for (Persona persona : ORDER) {
                Outcome expected = row.getValue().get(persona);
                HttpResponse<String> response = send(sessions, endpoint, persona, fixture, freshIdeas);
                requests++;
                String observed = AuthorizationMatrix.observed(
                        endpoint, response.statusCode(), response.headers().firstValue("Location"));
                boolean matches = AuthorizationMatrix.matches(expected, observed);
                table.append(String.format(" %-16s", (matches ? "" : "!") + response.statusCode() + " " + observed));
                if (!matches) {
                    mismatches.add(String.format(
                            "%s as %s: expected %s, got %d (%s) %s",
                            endpoint, persona, expected, response.statusCode(), observed, abbreviate(response.body())));
                }
            }
        }
        System.out.printf(
                "[system-tests] authorization matrix, %d requests in %d ms (! = not as decided):%n%s%n",
                requests, (System.nanoTime() - started) / 1_000_000, table);

        assertThat(mismatches)
                .as("decisions of %s that the services do not keep", AuthorizationMatrix.RESOURCE)
                .isEmpty();
    }

    @Test
    void similarIdeasListOnlyIdeasTheViewerMayRead(RunningStack stack) {
        Fixture fixture = fixture(stack);
        String alicesIdea = stack.routerUrl() + "/api/ideas/" + fixture.alicesIdea;

        // lea may read both ideas, so piotr's earlier one shows as similar to alice's for her
        await().atMost(PIPELINE_TIMEOUT)
                .untilAsserted(() -> assertThat(Api.as("lea")
                                .get(alicesIdea)
                                .json()
                                .path("similar")
                                .findValuesAsString("id"))
                        .contains(fixture.piotrsIdea.toString()));
        // maya owns alice's idea but may not read piotr's (it is jan's): not even its title
        assertThat(Api.as("maya")
                        .get(stack.routerUrl() + "/api/ideas/" + fixture.piotrsIdea)
                        .status())
                .isEqualTo(403);
        Api.Response forMaya = Api.as("maya").get(alicesIdea);
        assertThat(forMaya.status()).isEqualTo(200);
        assertThat(forMaya.json().path("similar").findValuesAsString("id"))
                .doesNotContain(fixture.piotrsIdea.toString());
        assertThat(forMaya.body()).doesNotContain(Fixture.PIOTRS_TITLE);
    }

    private static Set<Endpoint> endpoints(RunningStack stack) {
        Set<Endpoint> endpoints = new TreeSet<>();
        endpoints.addAll(RequestMappings.of(INTAKE, stack.intakeUrl()));
        endpoints.addAll(RequestMappings.of(ROUTER, stack.routerUrl()));
        endpoints.addAll(RequestMappings.of(NOTIFIER, stack.notifierUrl()));
        return endpoints;
    }

    private static boolean isIdeaAction(Endpoint endpoint) {
        return endpoint.service().equals(ROUTER)
                && endpoint.method().equals("POST")
                && IDEA_ACTION.matcher(endpoint.path()).matches();
    }

    private static synchronized Fixture fixture(RunningStack stack) {
        if (fixture == null) {
            fixture = Fixture.create(stack);
        }
        return fixture;
    }

    private static HttpResponse<String> send(
            Sessions sessions, Endpoint endpoint, Persona persona, Fixture fixture, Map<String, UUID> freshIdeas) {
        Session session = sessions.of(persona, endpoint.service(), endpoint.api());
        String path = fill(endpoint, fixture, freshIdeas);
        HttpRequest.Builder request =
                HttpRequest.newBuilder(URI.create(session.baseUrl + path)).timeout(Duration.ofSeconds(30));
        session.headers.forEach(request::header);
        if (endpoint.method().equals("GET")) {
            request.header("Accept", endpoint.api() ? "application/json" : "text/html")
                    .GET();
        } else if (endpoint.api()
                || endpoint.path().startsWith("/slack/")
                || endpoint.path().startsWith("/teams/")) {
            request.header("Accept", "application/json")
                    .header("Content-Type", "application/json")
                    .method(
                            endpoint.method(),
                            HttpRequest.BodyPublishers.ofString(
                                    jsonBody(endpoint, persona, fixture), StandardCharsets.UTF_8));
        } else {
            Map<String, String> form = new LinkedHashMap<>(formBody(endpoint, persona, fixture));
            form.put("_csrf", session.csrfToken());
            request.header("Accept", "text/html")
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .method(endpoint.method(), HttpRequest.BodyPublishers.ofString(urlEncoded(form)));
        }
        return session.send(request.build());
    }

    /** Path variables from the fixture: ideas are alice's, notifications hers too. */
    private static String fill(Endpoint endpoint, Fixture fixture, Map<String, UUID> freshIdeas) {
        Matcher variables = PATH_VARIABLE.matcher(endpoint.path());
        StringBuilder path = new StringBuilder();
        while (variables.find()) {
            String value = switch (endpoint.service() + " " + variables.group(1)) {
                case ROUTER + " id" ->
                    isIdeaAction(endpoint)
                            ? freshIdeas.get(endpoint.toString()).toString()
                            : fixture.alicesIdea.toString();
                case INTAKE + " id" -> fixture.alicesIdea.toString();
                case NOTIFIER + " id" -> fixture.alicesNotification;
                // no dead letter exists: whoever gets past authorization finds none
                case ROUTER + " token" -> fixture.trackingToken;
                case ROUTER + " eventId" ->
                    UUID.nameUUIDFromBytes("no dead letter".getBytes(StandardCharsets.UTF_8))
                            .toString();
                default ->
                    throw new IllegalStateException("The matrix test cannot fill {" + variables.group(1) + "} of "
                            + endpoint + ": say in fill() what it names");
            };
            variables.appendReplacement(path, Matcher.quoteReplacement(value));
        }
        variables.appendTail(path);
        return path.toString();
    }

    /** A minimal valid body where the endpoint takes one; {@code {}} otherwise. */
    private static String jsonBody(Endpoint endpoint, Persona persona, Fixture fixture) {
        Object body = switch (endpoint.service() + " " + endpoint.method() + " " + endpoint.path()) {
            case INTAKE + " POST /api/ideas" ->
                Map.of(
                        "title",
                        "Matrix idea by " + persona.column(),
                        "description",
                        "Submitted by the authorization matrix test.",
                        "category",
                        "workplace");
            case ROUTER + " POST /api/ideas/{id}/decision" ->
                Map.of(
                        "outcome",
                        "DECLINE",
                        "reasonCode",
                        "NOT_FEASIBLE",
                        "explanation",
                        "Declined by the authorization matrix test.");
            case ROUTER + " POST /api/ideas/{id}/status" -> Map.of("status", "IN_PROGRESS", "note", "Started.");
            case ROUTER + " POST /api/ideas/{id}/reassign" -> Map.of("ownerId", "jan", "note", "Jan's area.");
            case ROUTER + " POST /api/ideas/{id}/merge" ->
                Map.of("originalId", fixture.piotrsIdea.toString(), "note", "The same wish.");
            // the rules as they are: an administrator's PUT changes nothing
            case ROUTER + " PUT /api/admin/rules" -> fixture.rules;
            // one row without an id: an administrator gets 400 and the directory stays as it is
            case ROUTER + " POST /api/admin/directory" -> List.of(Map.of());
            default -> Map.of();
        };
        return body instanceof String text ? text : Api.JSON.writeValueAsString(body);
    }

    private static Map<String, String> formBody(Endpoint endpoint, Persona persona, Fixture fixture) {
        return switch (endpoint.service() + " " + endpoint.method() + " " + endpoint.path()) {
            case INTAKE + " POST /ideas" ->
                Map.of(
                        "title",
                        "Matrix form idea by " + persona.column(),
                        "description",
                        "Submitted through the form by the authorization matrix test.",
                        "category",
                        "workplace",
                        "submissionKey",
                        UUID.randomUUID().toString());
            case ROUTER + " POST /ideas/{id}/decision" ->
                Map.of(
                        "outcome",
                        "DECLINE",
                        "reasonCode",
                        "NOT_FEASIBLE",
                        "explanation",
                        "Declined by the authorization matrix test.");
            case ROUTER + " POST /ideas/{id}/status" -> Map.of("status", "IN_PROGRESS", "note", "Started.");
            case ROUTER + " POST /ideas/{id}/reassign" -> Map.of("ownerId", "jan", "note", "Jan's area.");
            case ROUTER + " POST /ideas/{id}/merge" ->
                Map.of("originalId", fixture.piotrsIdea.toString(), "note", "The same wish.");
            default -> Map.of();
        };
    }

    private static String urlEncoded(Map<String, String> form) {
        return form.entrySet().stream()
                .map(field -> URLEncoder.encode(field.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    private static String abbreviate(String body) {
        String flat = body.replaceAll("\\s+", " ").strip();
        return flat.length() <= 200 ? flat : flat.substring(0, 200) + "…";
    }

    /**
     * The ideas the rows act on, made through the real pipeline. piotr's comes first so that it is an
     * earlier, similar idea to alice's.
     */
    private static final class Fixture {

        static final String PIOTRS_TITLE = "Rainwater tank for the depot washing bay";

        final UUID piotrsIdea;
        final UUID alicesIdea;
        final String alicesNotification;
        final String rules;
        /** The token of an anonymous idea's private tracking link (noa's). */
        final String trackingToken;

        private Fixture(
                UUID piotrsIdea, UUID alicesIdea, String alicesNotification, String rules, String trackingToken) {
            this.piotrsIdea = piotrsIdea;
            this.alicesIdea = alicesIdea;
            this.alicesNotification = alicesNotification;
            this.rules = rules;
            this.trackingToken = trackingToken;
        }

        static Fixture create(RunningStack stack) {
            UUID piotrs = submit(
                    stack,
                    "piotr",
                    PIOTRS_TITLE,
                    "Collect rainwater from the depot roof in a tank and use it in the truck washing bay.",
                    "operations");
            awaitOwner(stack, piotrs, "jan");
            UUID alices = submit(
                    stack,
                    "alice",
                    "Rainwater for the truck washing bay",
                    "A rainwater tank on the depot roof could feed the truck washing bay.",
                    "customer-experience");
            awaitOwner(stack, alices, "maya");

            // maya takes alice's idea up: alice hears of it in her inbox, which gives the notification rows theirs
            explore(stack, alices);
            String notification = await().atMost(PIPELINE_TIMEOUT)
                    .pollInterval(Duration.ofMillis(250))
                    .until(
                            () -> Api.as("alice")
                                    .getAll(stack.notifierUrl() + "/api/notifications")
                                    .json()
                                    .findValuesAsString("id"),
                            ids -> !ids.isEmpty())
                    .getFirst();

            Api.Response rules = Api.as("admin").get(stack.routerUrl() + "/api/admin/rules");
            assertThat(rules.status()).as(rules.body()).isEqualTo(200);
            Api.Response anonymous = Api.as("noa")
                    .post(
                            stack.intakeUrl() + "/api/ideas",
                            Map.of(
                                    "title",
                                    "Quiet room for calls",
                                    "description",
                                    "A room for difficult calls, asked anonymously.",
                                    "category",
                                    "workplace",
                                    "anonymous",
                                    true),
                            Map.of("Idempotency-Key", UUID.randomUUID().toString()));
            assertThat(anonymous.status()).as(anonymous.body()).isEqualTo(202);
            String trackingUrl = anonymous.json().path("trackingUrl").asString();
            assertThat(trackingUrl).contains("/track/");
            return new Fixture(
                    piotrs,
                    alices,
                    notification,
                    rules.body(),
                    trackingUrl.substring(trackingUrl.lastIndexOf('/') + 1));
        }

        /** A fresh idea of alice's, assigned to maya, for each action row; explored first where the action reports progress. */
        Map<String, UUID> freshIdeas(RunningStack stack, List<Endpoint> actions) {
            Map<String, UUID> ideas = new HashMap<>();
            for (Endpoint action : actions) {
                ideas.put(
                        action.toString(),
                        submit(
                                stack,
                                "alice",
                                "Matrix: " + action,
                                "A fresh idea for one row of the authorization matrix.",
                                "customer-experience"));
            }
            for (Endpoint action : actions) {
                UUID idea = ideas.get(action.toString());
                awaitOwner(stack, idea, "maya");
                if (action.path().endsWith("/status")) {
                    explore(stack, idea);
                }
            }
            return ideas;
        }

        private static UUID submit(
                RunningStack stack, String person, String title, String description, String category) {
            // other system tests submit as these people too: wait out their rate limit, safely under one key
            Map<String, String> key =
                    Map.of("Idempotency-Key", UUID.randomUUID().toString());
            Api.Response submitted = await().atMost(PIPELINE_TIMEOUT)
                    .pollInterval(Duration.ofSeconds(1))
                    .until(
                            () -> Api.as(person)
                                    .post(
                                            stack.intakeUrl() + "/api/ideas",
                                            Map.of(
                                                    "title",
                                                    title,
                                                    "description",
                                                    description,
                                                    "category",
                                                    category,
                                                    // private, so that who may read an idea differs by persona
                                                    "visibility",
                                                    "PRIVATE"),
                                            key),
                            response -> response.status() != 429);
            assertThat(submitted.status()).as(submitted.body()).isEqualTo(202);
            return UUID.fromString(submitted.json().path("id").asString());
        }

        private static void awaitOwner(RunningStack stack, UUID idea, String owner) {
            await().atMost(PIPELINE_TIMEOUT)
                    .pollInterval(Duration.ofMillis(200))
                    .until(() -> Api.as(owner)
                                    .get(stack.routerUrl() + "/api/ideas/" + idea)
                                    .status()
                            == 200);
        }

        private static void explore(RunningStack stack, UUID idea) {
            Api.Response explored = Api.as("maya")
                    .post(
                            stack.routerUrl() + "/api/ideas/" + idea + "/decision",
                            Map.of(
                                    "outcome",
                                    "EXPLORE",
                                    "nextStep",
                                    "Ask the depot team.",
                                    "expectedBy",
                                    LocalDate.now().plusDays(30).toString()));
            assertThat(explored.status()).as(explored.body()).isEqualTo(200);
        }
    }

    /** One persona's cookies at each service, and the CSRF token of that session for page forms. */
    private static final class Sessions {

        private final RunningStack stack;
        private final Map<String, Session> sessions = new HashMap<>();

        Sessions(RunningStack stack) {
            this.stack = stack;
            this.apiCredentials = new OidcCredentials(stack);
        }

        /** {@code /api}: a bearer token issued by the local sign-in provider for this service only. */
        private final Credentials apiCredentials;

        Session of(Persona persona, String service, boolean api) {
            return this.sessions.computeIfAbsent(persona.column() + " " + service + " " + api, key -> {
                String baseUrl = switch (service) {
                    case INTAKE -> this.stack.intakeUrl();
                    case ROUTER -> this.stack.routerUrl();
                    case NOTIFIER -> this.stack.notifierUrl();
                    default -> throw new IllegalArgumentException(service);
                };
                Credentials credentials = api ? this.apiCredentials : PAGE_CREDENTIALS;
                Map<String, String> headers = persona.person()
                        .map(person -> credentials.headers(person, service))
                        .orElse(Map.of());
                return new Session(baseUrl, headers);
            });
        }
    }

    private static final class Session {

        final String baseUrl;
        final Map<String, String> headers;
        private final HttpClient http = HttpClient.newBuilder()
                .cookieHandler(new CookieManager())
                .connectTimeout(Duration.ofSeconds(5))
                .build();
        private @Nullable String csrfToken;

        Session(String baseUrl, Map<String, String> headers) {
            this.baseUrl = baseUrl;
            this.headers = headers;
        }

        /** The token the sign-in page renders into this session (it is public, so everyone gets one). */
        String csrfToken() {
            if (this.csrfToken == null) {
                HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.baseUrl + "/login"))
                        .header("Accept", "text/html")
                        .GET();
                this.headers.forEach(request::header);
                HttpResponse<String> page = send(request.build());
                Matcher token = CSRF.matcher(page.body());
                if (!token.find()) {
                    fail("No CSRF token on " + this.baseUrl + "/login (" + page.statusCode() + "): "
                            + abbreviate(page.body()));
                }
                this.csrfToken = token.group(1) != null ? token.group(1) : token.group(2);
            }
            return this.csrfToken;
        }

        HttpResponse<String> send(HttpRequest request) {
            try {
                return this.http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            } catch (IOException ex) {
                throw new IllegalStateException(request.method() + " " + request.uri() + " failed: " + ex, ex);
            } catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted", ex);
            }
        }
    }
}
