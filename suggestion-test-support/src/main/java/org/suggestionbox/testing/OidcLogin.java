package org.suggestionbox.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Gets tokens from the sign-in provider the way a browser and a service would, with nothing but the JDK's HTTP
 * client: the authorization-code flow with PKCE for a person (authorize, the provider's sign-in form with its CSRF
 * token, back to the redirect URI with a code, the token endpoint), and the client-credentials grant for a machine.
 * One instance is one browser: it keeps the provider's session cookie, so a second {@link #signIn} for another
 * service needs no password (single sign-on), and {@link #logout} ends that session.
 *
 * <pre>{@code
 * OidcLogin browser = new OidcLogin(URI.create("http://localhost:9000"));
 * OidcLogin.Tokens tokens = browser.signIn(new OidcLogin.Client("suggestion-router", secret),
 *         OidcLogin.redirectUriOf(URI.create("http://localhost:8082")), "alice", "demo");
 * String bearer = tokens.accessToken();          // aud = [suggestion-router]
 * String machine = browser.clientCredentials(new OidcLogin.Client("hr-sync", hrSyncSecret), "suggestion-router")
 *         .accessToken();                        // aud = [suggestion-router], acts as admin
 * }</pre>
 */
public final class OidcLogin {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private static final Pattern CSRF = Pattern.compile(
            "<input[^>]*name=\"_csrf\"[^>]*value=\"([^\"]+)\"|<input[^>]*value=\"([^\"]+)\"[^>]*name=\"_csrf\"");

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final SecureRandom RANDOM = new SecureRandom();

    private final URI issuer;

    private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);

    private final HttpClient http;

    /** A fresh browser for the provider at {@code issuer} (e.g. {@code http://localhost:9000}). */
    public OidcLogin(URI issuer) {
        this.issuer = URI.create(issuer.toString().replaceAll("/+$", ""));
        this.http = HttpClient.newBuilder()
                .cookieHandler(cookies)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(TIMEOUT)
                .build();
    }

    /**
     * Signs {@code username} in for {@code client} with scopes {@code openid profile email}; the password is only
     * used when this browser has no session at the provider yet.
     *
     * @throws SignInRefused when the provider refuses the request, the credentials or the code
     */
    public Tokens signIn(Client client, URI redirectUri, String username, String password) {
        String verifier = random();
        String state = random();
        String query = form(Map.of(
                "response_type",
                "code",
                "client_id",
                client.id(),
                "redirect_uri",
                redirectUri.toString(),
                "scope",
                "openid profile email",
                "state",
                state,
                "nonce",
                random(),
                "code_challenge",
                challenge(verifier),
                "code_challenge_method",
                "S256"));
        HttpResponse<String> response = get(issuer.resolve("/oauth2/authorize?" + query));
        boolean credentialsSent = false;
        for (int hops = 0; hops < 10; hops++) {
            if (isRedirect(response)) {
                URI location = response.uri()
                        .resolve(response.headers().firstValue("Location").orElseThrow());
                if (location.toString().startsWith(redirectUri.toString())) {
                    return redeem(client, redirectUri, verifier, state, location);
                }
                if (credentialsSent
                        && location.getPath().equals("/login")
                        && location.getQuery() != null
                        && location.getQuery().contains("error")) {
                    throw new SignInRefused("The provider refused the credentials of " + username);
                }
                response = get(location);
            } else if (response.statusCode() == 200 && response.uri().getPath().equals("/login") && !credentialsSent) {
                response = post(
                        issuer.resolve("/login"),
                        null,
                        Map.of("username", username, "password", password, "_csrf", csrfToken(response.body())));
                credentialsSent = true;
            } else {
                throw new SignInRefused("The provider answered " + response.statusCode() + " at " + response.uri()
                        + ": " + abbreviated(response.body()));
            }
        }
        throw new SignInRefused("Too many redirects signing in " + username);
    }

    /**
     * A machine's access token (client-credentials grant, client_secret_basic).
     *
     * @param scopes the services to call, e.g. {@code suggestion-router}; they become the token's audience
     */
    public Tokens clientCredentials(Client client, String... scopes) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "client_credentials");
        if (scopes.length > 0) {
            form.put("scope", String.join(" ", scopes));
        }
        return tokens(post(issuer.resolve("/oauth2/token"), client, form));
    }

    /** New tokens from a refresh token (refresh_token grant, client_secret_basic). */
    public Tokens refresh(Client client, String refreshToken) {
        return tokens(post(
                issuer.resolve("/oauth2/token"),
                client,
                Map.of("grant_type", "refresh_token", "refresh_token", refreshToken)));
    }

    /** The provider's UserInfo answer for an access token, as JSON claims. */
    public Map<String, Object> userInfo(String accessToken) {
        HttpResponse<String> response = send(HttpRequest.newBuilder(issuer.resolve("/userinfo"))
                .timeout(TIMEOUT)
                .header("Authorization", "Bearer " + accessToken)
                .GET()
                .build());
        if (response.statusCode() != 200) {
            throw new SignInRefused("UserInfo answered " + response.statusCode() + ": " + abbreviated(response.body()));
        }
        return JSON.readValue(response.body(), new TypeReference<Map<String, Object>>() {});
    }

    /**
     * RP-initiated logout at the provider ({@code /connect/logout}) with this browser's session.
     *
     * @param postLogoutRedirectUri where to send the browser afterwards, or {@code null}
     * @return the provider's answer (a redirect when the logout was accepted)
     */
    public HttpResponse<String> logout(String idTokenHint, URI postLogoutRedirectUri) {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("id_token_hint", idTokenHint);
        if (postLogoutRedirectUri != null) {
            parameters.put("post_logout_redirect_uri", postLogoutRedirectUri.toString());
        }
        return get(issuer.resolve("/connect/logout?" + form(parameters)));
    }

    /**
     * The redirect URI a service registered for its base URL (registration id {@code suggestionbox}), e.g.
     * {@code http://localhost:8082} gives {@code http://localhost:8082/login/oauth2/code/suggestionbox}.
     */
    public static URI redirectUriOf(URI serviceBaseUrl) {
        return URI.create(serviceBaseUrl.toString().replaceAll("/+$", "") + "/login/oauth2/code/suggestionbox");
    }

    private Tokens redeem(Client client, URI redirectUri, String verifier, String state, URI callback) {
        Map<String, String> parameters = parameters(callback.getRawQuery());
        if (parameters.containsKey("error")) {
            throw new SignInRefused("The provider sent the browser back with " + parameters);
        }
        if (!state.equals(parameters.get("state"))) {
            throw new SignInRefused("The provider sent back another state: " + parameters.get("state"));
        }
        return tokens(post(
                issuer.resolve("/oauth2/token"),
                client,
                Map.of(
                        "grant_type",
                        "authorization_code",
                        "code",
                        parameters.getOrDefault("code", ""),
                        "redirect_uri",
                        redirectUri.toString(),
                        "code_verifier",
                        verifier)));
    }

    private static Tokens tokens(HttpResponse<String> response) {
        if (response.statusCode() != 200) {
            throw new SignInRefused(
                    "The token endpoint answered " + response.statusCode() + ": " + abbreviated(response.body()));
        }
        Map<String, Object> body = JSON.readValue(response.body(), new TypeReference<Map<String, Object>>() {});
        return new Tokens(
                (String) Objects.requireNonNull(body.get("access_token"), "access_token"),
                (String) body.get("id_token"),
                (String) body.get("refresh_token"));
    }

    private HttpResponse<String> get(URI uri) {
        return send(HttpRequest.newBuilder(uri)
                .timeout(TIMEOUT)
                .header("Accept", "text/html")
                .GET()
                .build());
    }

    private HttpResponse<String> post(URI uri, @Nullable Client client, Map<String, String> form) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                .timeout(TIMEOUT)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(form)));
        if (client != null) {
            request.header(
                    "Authorization",
                    "Basic "
                            + Base64.getEncoder()
                                    .encodeToString((encode(client.id()) + ":" + encode(client.secret()))
                                            .getBytes(StandardCharsets.UTF_8)));
        }
        return send(request.build());
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted talking to the provider", ex);
        }
    }

    private static boolean isRedirect(HttpResponse<?> response) {
        return response.statusCode() / 100 == 3
                && response.headers().firstValue("Location").isPresent();
    }

    /** The CSRF token of the Spring Security form on {@code page}. */
    public static String csrfToken(String page) {
        Matcher matcher = CSRF.matcher(page);
        if (!matcher.find()) {
            throw new SignInRefused("The sign-in page has no CSRF token: " + abbreviated(page));
        }
        return matcher.group(1) != null ? matcher.group(1) : matcher.group(2);
    }

    private static Map<String, String> parameters(String rawQuery) {
        Map<String, String> parameters = new LinkedHashMap<>();
        if (rawQuery != null) {
            for (String pair : rawQuery.split("&")) {
                int equals = pair.indexOf('=');
                String name = equals < 0 ? pair : pair.substring(0, equals);
                String value = equals < 0 ? "" : pair.substring(equals + 1);
                parameters.put(
                        URLDecoder.decode(name, StandardCharsets.UTF_8),
                        URLDecoder.decode(value, StandardCharsets.UTF_8));
            }
        }
        return parameters;
    }

    private static String form(Map<String, String> values) {
        return values.entrySet().stream()
                .map(entry -> encode(entry.getKey()) + "=" + encode(entry.getValue()))
                .collect(Collectors.joining("&"));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String random() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String challenge(String verifier) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException(ex);
        }
    }

    private static String abbreviated(String text) {
        return text.length() <= 500 ? text : text.substring(0, 500) + "…";
    }

    /** The claims of a JWT, read without checking its signature (the services check it). */
    public static Map<String, Object> claims(String jwt) {
        String[] parts = jwt.split("\\.");
        if (parts.length < 2) {
            throw new IllegalArgumentException("Not a JWT");
        }
        return JSON.readValue(Base64.getUrlDecoder().decode(parts[1]), new TypeReference<Map<String, Object>>() {});
    }

    /** A client registered at the provider. */
    public record Client(String id, String secret) {}

    /** What the token endpoint answered; {@code idToken} and {@code refreshToken} are absent for machines. */
    public record Tokens(
            String accessToken,
            @Nullable String idToken,
            @Nullable String refreshToken) {

        public Map<String, Object> accessTokenClaims() {
            return claims(accessToken);
        }

        public Map<String, Object> idTokenClaims() {
            if (idToken == null) {
                throw new IllegalStateException("No ID token");
            }
            return claims(idToken);
        }

        /** The access token's audience as a list ({@code aud} may be a single string in the JWT). */
        public List<String> audience() {
            Object aud = accessTokenClaims().get("aud");
            return aud instanceof List<?> list
                    ? list.stream().map(String::valueOf).toList()
                    : List.of(String.valueOf(aud));
        }
    }

    /** The provider refused a step of the flow (bad credentials, an unknown redirect URI, a bad code, …). */
    public static final class SignInRefused extends RuntimeException {

        SignInRefused(String message) {
            super(message);
        }
    }
}
