package org.suggestionbox.signin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.JwtTypeValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.suggestionbox.testing.OidcLogin;
import org.suggestionbox.testing.OidcLogin.Client;
import org.suggestionbox.testing.OidcLogin.SignInRefused;
import org.suggestionbox.testing.OidcLogin.Tokens;

/**
 * Signing out at the provider (RP-initiated logout) reaches a service's back-channel logout URI with a logout token
 * it can verify. The service is a JDK HTTP server on 127.0.0.1, registered as one more client.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "signin.issuer=")
@ActiveProfiles("local")
class BackChannelLogoutIntegrationTests {

    private static final Queue<String> RECEIVED = new ConcurrentLinkedQueue<>();

    private static final HttpServer RELYING_PARTY = relyingParty();

    private static final Client CLIENT = new Client("test-rp", "test-rp-secret");

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void registerTheRelyingParty(DynamicPropertyRegistry registry) {
        registry.add("signin.services.test-rp.secret", CLIENT::secret);
        registry.add("signin.services.test-rp.base-urls", BackChannelLogoutIntegrationTests::relyingPartyBase);
    }

    @AfterAll
    static void stopTheRelyingParty() {
        RELYING_PARTY.stop(0);
    }

    @Test
    void signingOutAtTheProviderSendsAVerifiableLogoutTokenForTheSession() {
        // given alice signed in to the relying party
        URI issuer = URI.create("http://localhost:" + port);
        OidcLogin browser = new OidcLogin(issuer);
        Tokens tokens =
                browser.signIn(CLIENT, OidcLogin.redirectUriOf(URI.create(relyingPartyBase())), "alice", "demo");
        String sid = tokens.idTokenClaims().get("sid").toString();

        // when she signs out there
        HttpResponse<String> logout = browser.logout(tokens.idToken(), URI.create(relyingPartyBase() + "/"));

        // then the browser goes back to the relying party once it heard of it on its back channel, though it took
        // its time to answer: a page it draws next no longer belongs to alice's session
        assertThat(logout.statusCode()).isEqualTo(302);
        assertThat(logout.headers().firstValue("Location")).hasValue(relyingPartyBase() + "/");
        assertThat(RECEIVED)
                .as("logout tokens answered before the browser was sent on")
                .hasSize(1);
        // as the services' Spring Security checks it: signature from the JWKS, typ JWT or logout+jwt
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(issuer + "/oauth2/jwks")
                .validateType(false)
                .build();
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(
                new JwtTimestampValidator(), new JwtTypeValidator("JWT", "logout+jwt")));
        Jwt logoutToken = decoder.decode(logoutTokenOf(RECEIVED.poll()));
        assertThat(logoutToken.getHeaders()).containsEntry("typ", "logout+jwt");
        assertThat(logoutToken.getIssuer()).hasToString(issuer.toString());
        assertThat(logoutToken.getAudience()).containsExactly("test-rp");
        assertThat(logoutToken.getClaimAsString("sid")).isEqualTo(sid);
        assertThat(logoutToken.getSubject()).isEqualTo("alice");
        assertThat(logoutToken.getId()).isNotBlank();
        assertThat(logoutToken.getIssuedAt()).isNotNull();
        assertThat(logoutToken.getExpiresAt()).isAfter(logoutToken.getIssuedAt());
        assertThat(logoutToken.getClaimAsMap("events"))
                .containsOnlyKeys("http://schemas.openid.net/event/backchannel-logout");
        assertThat(logoutToken.getClaims()).doesNotContainKey("nonce");

        // and the provider's session is over: signing in again needs the password
        assertThatExceptionOfType(SignInRefused.class)
                .isThrownBy(() -> browser.signIn(
                        CLIENT, OidcLogin.redirectUriOf(URI.create(relyingPartyBase())), "alice", "wrong"));
    }

    private static String logoutTokenOf(String formBody) {
        List<String> fields = List.of(formBody.split("&"));
        return fields.stream()
                .filter(field -> field.startsWith("logout_token="))
                .map(field -> URLDecoder.decode(field.substring("logout_token=".length()), StandardCharsets.UTF_8))
                .findFirst()
                .orElseThrow(() -> new AssertionError("No logout_token in " + formBody));
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }

    private static String relyingPartyBase() {
        return "http://127.0.0.1:" + RELYING_PARTY.getAddress().getPort();
    }

    private static HttpServer relyingParty() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.createContext("/logout/connect/back-channel/suggestionbox", exchange -> {
                String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
                String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                if ("POST".equals(exchange.getRequestMethod())
                        && contentType != null
                        && contentType.startsWith("application/x-www-form-urlencoded")) {
                    // a busy service: it ends the session, then answers a moment later
                    sleep(Duration.ofMillis(700));
                    RECEIVED.add(body);
                    exchange.sendResponseHeaders(200, -1);
                } else {
                    exchange.sendResponseHeaders(400, -1);
                }
                exchange.close();
            });
            server.start();
            return server;
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }
}
