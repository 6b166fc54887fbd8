package org.suggestionbox.signin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.test.context.ActiveProfiles;
import org.suggestionbox.testing.ObservationNames;
import org.suggestionbox.testing.OidcLogin;
import org.suggestionbox.testing.OidcLogin.Client;
import org.suggestionbox.testing.OidcLogin.SignInRefused;
import org.suggestionbox.testing.OidcLogin.Tokens;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The real provider over real HTTP: discovery, the authorization-code flow with PKCE as a browser does it, the
 * machine client, and what the tokens say. The issuer is left blank here, so it is this test's own
 * {@code http://localhost:<random port>}.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "signin.issuer=")
@ActiveProfiles("local")
@Import(ObservationNames.class)
class SignInProviderIntegrationTests {

    static final Client ROUTER = new Client("suggestion-router", "local-router-secret");

    static final Client INTAKE = new Client("suggestion-intake", "local-intake-secret");

    static final Client HR_SYNC = new Client("hr-sync", "local-hr-sync-secret");

    static final URI ROUTER_CALLBACK = URI.create("http://localhost:8082/login/oauth2/code/suggestionbox");

    static final URI INTAKE_CALLBACK = OidcLogin.redirectUriOf(URI.create("http://127.0.0.1:8081"));

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    URI issuer() {
        return URI.create("http://localhost:" + port);
    }

    OidcLogin browser() {
        return new OidcLogin(issuer());
    }

    @Test
    void requestsAreTimedAndSpringSecurityObservesNothing() throws Exception {
        ObservationNames.clear();

        assertThat(get("/.well-known/openid-configuration", "en").statusCode()).isEqualTo(200);
        assertThat(get("/login", "he").statusCode()).isEqualTo(200);

        assertThat(ObservationNames.asked())
                .contains("http.server.requests")
                .noneMatch(name -> name.startsWith("spring.security"));
    }

    @Test
    void someoneWhoSignsInAtTheProviderItselfGoesOnToTheProductsStart() throws Exception {
        HttpClient browser =
                HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        assertThat(browser.send(request("/").build(), HttpResponse.BodyHandlers.discarding())
                        .headers()
                        .firstValue("Location"))
                .as("not signed in: the sign-in page")
                .hasValue(issuer() + "/login");

        HttpResponse<String> page = browser.send(request("/login").build(), HttpResponse.BodyHandlers.ofString());
        String form = "username=alice&password=demo&_csrf="
                + URLEncoder.encode(OidcLogin.csrfToken(page.body()), StandardCharsets.UTF_8);
        HttpResponse<Void> signedIn = browser.send(
                request("/login")
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form))
                        .build(),
                HttpResponse.BodyHandlers.discarding());
        assertThat(signedIn.headers().firstValue("Location")).hasValue(issuer() + "/");

        assertThat(browser.send(request("/").build(), HttpResponse.BodyHandlers.discarding())
                        .headers()
                        .firstValue("Location"))
                .as("signed in: the router's start, which sends each person to their page")
                .hasValue("http://localhost:8082/");
    }

    @Test
    void discoveryNamesTheEndpointsAndBackChannelLogout() throws Exception {
        Map<String, Object> discovery =
                json(get("/.well-known/openid-configuration", "en").body());

        assertThat(discovery)
                .containsEntry("issuer", issuer().toString())
                .containsEntry("authorization_endpoint", issuer() + "/oauth2/authorize")
                .containsEntry("token_endpoint", issuer() + "/oauth2/token")
                .containsEntry("jwks_uri", issuer() + "/oauth2/jwks")
                .containsEntry("end_session_endpoint", issuer() + "/connect/logout")
                .containsEntry("backchannel_logout_supported", true)
                .containsEntry("backchannel_logout_session_supported", true);
        assertThat(get("/actuator/health", "en").body()).contains("\"UP\"");
    }

    @Test
    void personSignsInWithCodeAndPkceForOneServiceOnly() {
        Tokens tokens = browser().signIn(ROUTER, ROUTER_CALLBACK, "alice", "demo");

        Jwt access = verified(tokens.accessToken());
        assertThat(access.getAudience()).containsExactly("suggestion-router");
        assertThat(access.getIssuer()).hasToString(issuer().toString());
        assertThat(access.getSubject()).isEqualTo("alice");
        assertThat(access.getClaimAsString("email")).isEqualTo("alice@suggestionbox.example");
        assertThat(access.getClaimAsString("name")).isEqualTo("Alice Walker");
        assertThat(access.getClaimAsString("preferred_username")).isEqualTo("alice");
        assertThat(access.getClaimAsStringList("roles")).containsExactly("EMPLOYEE");

        Jwt id = verified(tokens.idToken());
        assertThat(id.getAudience()).containsExactly("suggestion-router");
        assertThat(id.getClaimAsString("sid")).isNotBlank();
        assertThat(id.getClaimAsString("email")).isEqualTo("alice@suggestionbox.example");
        assertThat(id.getClaimAsStringList("roles")).containsExactly("EMPLOYEE");
        assertThat(tokens.refreshToken()).isNotBlank();
    }

    @Test
    void refreshedTokensSayTheSame() {
        OidcLogin browser = browser();
        Tokens first = browser.signIn(ROUTER, ROUTER_CALLBACK, "piotr", "demo");

        Tokens refreshed = browser.refresh(ROUTER, first.refreshToken());

        Jwt access = verified(refreshed.accessToken());
        assertThat(access.getAudience()).containsExactly("suggestion-router");
        assertThat(access.getClaimAsString("email")).isEqualTo("piotr@suggestionbox.example");
        assertThat(access.getClaimAsStringList("roles")).containsExactly("EMPLOYEE");
        assertThat(refreshed.accessToken()).isNotEqualTo(first.accessToken());
    }

    @Test
    void userInfoCarriesThePersonAndTheirRoles() {
        OidcLogin browser = browser();
        Tokens tokens = browser.signIn(ROUTER, ROUTER_CALLBACK, "noa", "demo");

        assertThat(browser.userInfo(tokens.accessToken()))
                .containsEntry("sub", "noa")
                .containsEntry("email", "noa@suggestionbox.example")
                .containsEntry("preferred_username", "noa")
                .containsEntry("roles", List.of("EMPLOYEE"));
    }

    @Test
    void ownerSignsInWithTheirEmailAndCarriesTheOwnerRole() {
        Tokens tokens = browser().signIn(ROUTER, ROUTER_CALLBACK, "maya@suggestionbox.example", "demo");

        assertThat(tokens.accessTokenClaims()).containsEntry("sub", "maya");
        assertThat(verified(tokens.accessToken()).getClaimAsStringList("roles")).contains("EMPLOYEE", "OWNER");
    }

    @Test
    void oneSignInServesTheNextServiceWithoutAPassword() {
        OidcLogin browser = browser();
        browser.signIn(ROUTER, ROUTER_CALLBACK, "lea", "demo");

        // the provider's session answers; the (wrong) password is never asked for
        Tokens intake = browser.signIn(INTAKE, INTAKE_CALLBACK, "lea", "not-asked");

        assertThat(intake.audience()).containsExactly("suggestion-intake");
        assertThat(intake.accessTokenClaims()).containsEntry("sub", "lea");
    }

    @Test
    void wrongPasswordIsRefused() {
        assertThatExceptionOfType(SignInRefused.class)
                .isThrownBy(() -> browser().signIn(ROUTER, ROUTER_CALLBACK, "alice", "not-the-password"))
                .withMessageContaining("refused the credentials");
    }

    @Test
    void personUnknownToTheDirectoryIsRefused() {
        assertThatExceptionOfType(SignInRefused.class)
                .isThrownBy(() -> browser().signIn(ROUTER, ROUTER_CALLBACK, "mallory", "demo"))
                .withMessageContaining("refused the credentials");
    }

    @Test
    void clientAskingForAnotherClientsRedirectUriIsRefused() {
        assertThatExceptionOfType(SignInRefused.class)
                .isThrownBy(() -> browser().signIn(INTAKE, ROUTER_CALLBACK, "alice", "demo"))
                .withMessageContaining("400");
    }

    @Test
    void wrongClientSecretGetsNoTokens() {
        assertThatExceptionOfType(SignInRefused.class)
                .isThrownBy(() ->
                        browser().signIn(new Client("suggestion-router", "guessed"), ROUTER_CALLBACK, "alice", "demo"))
                .withMessageContaining("401");
    }

    @Test
    void machineTokenIsForTheServicesItAskedForAndActsAsAdmin() {
        Tokens tokens = browser().clientCredentials(HR_SYNC, "suggestion-router");

        Jwt access = verified(tokens.accessToken());
        assertThat(access.getAudience()).containsExactly("suggestion-router");
        assertThat(access.getClaimAsString("email")).isEqualTo("admin@suggestionbox.example");
        assertThat(access.getClaimAsStringList("roles")).containsExactly("ADMIN");
        assertThat(tokens.idToken()).isNull();
    }

    @Test
    void machineTokenForTwoServicesNamesBoth() {
        Tokens tokens = browser().clientCredentials(HR_SYNC, "suggestion-intake", "feedback-notifier");

        assertThat(tokens.audience()).containsExactlyInAnyOrder("suggestion-intake", "feedback-notifier");
    }

    @Test
    void machineCannotAskForAScopeItWasNotGiven() {
        assertThatExceptionOfType(SignInRefused.class)
                .isThrownBy(() -> browser().clientCredentials(HR_SYNC, "payroll"))
                .withMessageContaining("invalid_scope");
    }

    @Test
    void serviceClientCannotUseClientCredentials() {
        assertThatExceptionOfType(SignInRefused.class)
                .isThrownBy(() -> browser().clientCredentials(ROUTER, "suggestion-router"))
                .withMessageContaining("unauthorized_client");
    }

    @Test
    void signInPageSpeaksTheBrowsersLanguageAndHebrewRightToLeft() throws Exception {
        String english = get("/login", "en").body();
        String hebrew = get("/login", "he-IL,he;q=0.9").body();
        String polish = get("/login", "pl").body();

        assertThat(english)
                .contains(
                        "lang=\"en\"",
                        "dir=\"ltr\"",
                        "Suggestion Box",
                        "name=\"username\"",
                        "name=\"password\"",
                        "name=\"_csrf\"",
                        "<label for=\"username\"");
        assertThat(hebrew).contains("lang=\"he\"", "dir=\"rtl\"", "תיבת ההצעות");
        assertThat(polish).contains("lang=\"pl\"", "Skrzynka pomysłów", "Hasło");
        assertThat(english).doesNotContain("role=\"alert\"");
        assertThat(english)
                .as("the local profile names the demo people")
                .contains("id=\"demo-people\"", "alice, noa, piotr");
        assertThat(hebrew).contains("משתמשי הדגמה");
    }

    @Test
    void signInPageSpeaksTheLanguageTheServiceAskedForThenTheOnePickedOnIt() throws Exception {
        HttpClient browser = HttpClient.newBuilder()
                .cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        String authorize = "/oauth2/authorize?response_type=code&client_id=suggestion-router&scope=openid&state=s1"
                + "&code_challenge=E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM&code_challenge_method=S256"
                + "&redirect_uri=" + URLEncoder.encode(ROUTER_CALLBACK.toString(), StandardCharsets.UTF_8)
                + "&ui_locales=he-IL%20en";

        HttpResponse<String> toSignIn = get(browser, authorize, "en");
        assertThat(toSignIn.statusCode()).isEqualTo(302);
        assertThat(toSignIn.headers().firstValue("Location"))
                .hasValueSatisfying(to -> assertThat(to).endsWith("/login"));

        assertThat(get(browser, "/login", "en").body())
                .as("the service's page was in Hebrew, the browser says English")
                .contains("lang=\"he\"", "dir=\"rtl\"", "aria-current=\"true\">עברית");
        assertThat(get(browser, "/login?lang=pl", "en").body()).contains("lang=\"pl\"", "Hasło");
        assertThat(get(browser, "/login", "he").body())
                .as("picked on the page, it stays")
                .contains("lang=\"pl\"");
    }

    @Test
    void signInPageSaysWhenTheCredentialsWereWrong() throws Exception {
        String page = get("/login?error", "en").body();

        assertThat(page)
                .contains(
                        "role=\"alert\"",
                        "The user name or the password is wrong",
                        "aria-invalid=\"true\"",
                        "aria-describedby=\"login-error\"");
    }

    @Test
    void theSignInPageMayLoadOnlyItsOwnFilesAndNoSiteMayFrameIt() throws Exception {
        HttpResponse<String> page = get("/login", "en");

        assertThat(page.headers().allValues("Content-Security-Policy"))
                .singleElement()
                .satisfies(csp ->
                        assertThat(csp).contains("default-src 'self'", "script-src 'self'", "frame-ancestors 'none'"));
        assertThat(page.headers().allValues("X-Frame-Options")).containsExactly("DENY");
        assertThat(page.headers().allValues("Referrer-Policy")).containsExactly("same-origin");
    }

    /**
     * A browser whose request the firewall refuses before any filter ran (a path parameter) reads a page of the
     * provider in its language, not Spring Boot's "Whitelabel Error Page", with the headers of every other page.
     */
    @Test
    void whatTheFirewallRefusesIsAPageInTheBrowsersLanguageWithTheSameProtections() throws Exception {
        for (String language : List.of("en", "he")) {
            HttpResponse<String> refused = HTTP.send(
                    HttpRequest.newBuilder(issuer().resolve("/login;x=1"))
                            .header("Accept", "text/html")
                            .header("Accept-Language", language)
                            .build(),
                    HttpResponse.BodyHandlers.ofString());

            assertThat(refused.statusCode()).isEqualTo(400);
            assertThat(refused.body())
                    .doesNotContain("Whitelabel")
                    .contains("id=\"error-home\" href=\"/\"")
                    .contains(
                            language.equals("he")
                                    ? List.of("dir=\"rtl\"", "לא הצלחנו לפתוח את הדף הזה")
                                    : List.of("dir=\"ltr\"", "We could not open this page"));
            assertThat(refused.headers().allValues("Content-Security-Policy"))
                    .singleElement()
                    .satisfies(csp -> assertThat(csp).contains("frame-ancestors 'none'"));
            assertThat(refused.headers().allValues("X-Frame-Options")).containsExactly("DENY");
            assertThat(refused.headers().allValues("X-Content-Type-Options")).containsExactly("nosniff");
            assertThat(refused.headers().allValues("Referrer-Policy")).containsExactly("same-origin");
        }
    }

    /** What Tomcat refuses before the provider sees it (an encoded NUL) is its short page, with the same headers. */
    @Test
    void whatTomcatRefusesCarriesTheSameProtections() throws Exception {
        HttpResponse<String> refused = HTTP.send(
                HttpRequest.newBuilder(issuer().resolve("/login/%00"))
                        .header("Accept", "text/html")
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("400").doesNotContain("Apache Tomcat/");
        assertThat(refused.headers().allValues("Content-Security-Policy"))
                .singleElement()
                .satisfies(csp -> assertThat(csp).contains("default-src 'none'", "frame-ancestors 'none'"));
        assertThat(refused.headers().allValues("X-Frame-Options")).containsExactly("DENY");
        assertThat(refused.headers().allValues("X-Content-Type-Options")).containsExactly("nosniff");
    }

    private Jwt verified(String token) {
        return NimbusJwtDecoder.withJwkSetUri(issuer() + "/oauth2/jwks").build().decode(token);
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(issuer().resolve(path));
    }

    private HttpResponse<String> get(String path, String language) throws IOException, InterruptedException {
        return get(HTTP, path, language);
    }

    private HttpResponse<String> get(HttpClient client, String path, String language)
            throws IOException, InterruptedException {
        return client.send(
                HttpRequest.newBuilder(issuer().resolve(path))
                        .header("Accept-Language", language)
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static Map<String, Object> json(String body) {
        return JsonMapper.builder().build().readValue(body, new TypeReference<Map<String, Object>>() {});
    }
}
