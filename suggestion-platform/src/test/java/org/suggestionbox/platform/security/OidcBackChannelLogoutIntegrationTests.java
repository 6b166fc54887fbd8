package org.suggestionbox.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.sun.net.httpserver.HttpServer;
import jakarta.servlet.http.HttpSessionEvent;
import jakarta.servlet.http.HttpSessionListener;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.tomcat.autoconfigure.servlet.TomcatServletWebServerAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.DispatcherServletAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.oauth2.client.oidc.session.OidcSessionInformation;
import org.springframework.security.oauth2.client.oidc.session.OidcSessionRegistry;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.suggestionbox.platform.directory.DirectoryAutoConfiguration;

/**
 * The provider's back-channel logout on a real server, in production mode. Spring Security ends each session a
 * logout token names by posting the session's cookie, its CSRF token and the logout token to the service itself:
 * where it posts must come neither from the request's {@code Host} header, which the sender chooses, nor from the
 * scheme a TLS-terminating proxy reports. The provider's keys are served from a JDK HTTP server on 127.0.0.1; a
 * second one on 127.0.0.2 stands for a foreign host and records what reaches it.
 */
@SpringBootTest(
        classes = OidcBackChannelLogoutIntegrationTests.Service.class,
        webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = {
            "spring.application.name=back-channel-logout-tests",
            "suggestionbox.directory.location=classpath:directory/demo-directory.json",
            "suggestionbox.security.oidc.client-id=" + OidcBackChannelLogoutIntegrationTests.CLIENT_ID,
            "suggestionbox.security.metrics-scrape-token=back-channel-logout-tests-scrape-token",
            "server.servlet.session.cookie.name=" + OidcBackChannelLogoutIntegrationTests.SESSION_COOKIE,
            // as the services run: behind a TLS-terminating proxy whose X-Forwarded-* headers are believed
            "server.forward-headers-strategy=native"
        })
@ImportAutoConfiguration({
    TomcatServletWebServerAutoConfiguration.class,
    DispatcherServletAutoConfiguration.class,
    JacksonAutoConfiguration.class,
    SecurityFilterAutoConfiguration.class,
    DirectoryAutoConfiguration.class,
    PlatformSecurityAutoConfiguration.class
})
class OidcBackChannelLogoutIntegrationTests {

    static final String CLIENT_ID = "test-service";

    static final String SESSION_COOKIE = "SB_TEST_SESSION";

    private static final String BACK_CHANNEL = "/logout/connect/back-channel/" + OidcSignIn.REGISTRATION_ID;

    private static final RSAKey SIGNING_KEY = signingKey();

    private static final HttpServer PROVIDER = server(InetAddress.getLoopbackAddress());

    private static final HttpServer FOREIGN_HOST = server(address("127.0.0.2"));

    private static final Queue<String> FOREIGN_CALLS = new ConcurrentLinkedQueue<>();

    private static final Set<String> ENDED_SESSIONS = ConcurrentHashMap.newKeySet();

    @LocalServerPort
    int port;

    @Autowired
    OidcSessionRegistry sessions;

    @DynamicPropertySource
    static void provider(DynamicPropertyRegistry registry) {
        registry.add("suggestionbox.security.oidc.issuer-uri", OidcBackChannelLogoutIntegrationTests::issuer);
    }

    @AfterAll
    static void stopTheServers() {
        PROVIDER.stop(0);
        FOREIGN_HOST.stop(0);
    }

    @BeforeEach
    void nothingReachedTheForeignHostYet() {
        FOREIGN_CALLS.clear();
    }

    @Test
    void aLogoutTokenSentWithAForeignHostEndsTheSessionHereAndReachesNoOtherHost() throws IOException {
        // given alice's session, known to the provider as session "sid-1"
        String session = signedInSession("sid-1");

        // when a valid logout token for it arrives under a Host header naming another machine
        String status = postLogoutToken("sid-1", "Host: " + foreignHost());

        // then nothing was sent there (her session cookie, its CSRF token, the logout token), and her session here
        // is over
        assertThat(FOREIGN_CALLS).isEmpty();
        assertThat(status).contains(" 200 ");
        assertThat(ENDED_SESSIONS).contains(session);
    }

    @Test
    void behindATlsTerminatingProxyTheSessionStillEnds() throws IOException {
        // given
        String session = signedInSession("sid-3");

        // when the proxy says the request came in as https (to port 443): the service itself speaks plain HTTP
        String status = postLogoutToken("sid-3", "Host: 127.0.0.2", "X-Forwarded-Proto: https");

        // then
        assertThat(status).contains(" 200 ");
        assertThat(ENDED_SESSIONS).contains(session);
    }

    /**
     * A session of this service (a page asked for before sign-in opens one) registered as the provider's session
     * {@code sid}, as a sign-in through the provider registers it, CSRF token included.
     */
    private String signedInSession(String sid) throws IOException {
        CookieManager cookies = new CookieManager();
        try (HttpClient browser = HttpClient.newBuilder().cookieHandler(cookies).build()) {
            HttpResponse<Void> page = browser.send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/my-ideas"))
                            .build(),
                    HttpResponse.BodyHandlers.discarding());
            assertThat(page.statusCode()).as("sent to sign in").isEqualTo(302);
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
        String sessionId = cookies.getCookieStore().getCookies().stream()
                .filter(cookie -> SESSION_COOKIE.equals(cookie.getName()))
                .map(HttpCookie::getValue)
                .findFirst()
                .orElseThrow(() -> new AssertionError("No session cookie"));
        OidcIdToken idToken = OidcIdToken.withTokenValue("id-token")
                .issuer(issuer())
                .subject("alice")
                .audience(List.of(CLIENT_ID))
                .issuedAt(Instant.now())
                .expiresAt(Instant.now().plusSeconds(300))
                .claim("sid", sid)
                .build();
        this.sessions.saveSessionInformation(new OidcSessionInformation(
                sessionId,
                Map.of("X-CSRF-TOKEN", "csrf-token-of-" + sid),
                new DefaultOidcUser(AuthorityUtils.createAuthorityList("ROLE_EMPLOYEE"), idToken)));
        return sessionId;
    }

    /**
     * POSTs the provider's logout token for {@code sid} with the given headers, over a socket: an HTTP client
     * would not send a {@code Host} header of the caller's choice. Returns the status line.
     */
    private String postLogoutToken(String sid, String... headers) throws IOException {
        String body = "logout_token=" + URLEncoder.encode(logoutToken(sid), StandardCharsets.UTF_8);
        StringBuilder request = new StringBuilder("POST " + BACK_CHANNEL + " HTTP/1.1\r\n");
        for (String header : headers) {
            request.append(header).append("\r\n");
        }
        request.append("Content-Type: application/x-www-form-urlencoded\r\n")
                .append("Content-Length: ")
                .append(body.getBytes(StandardCharsets.UTF_8).length)
                .append("\r\nConnection: close\r\n\r\n")
                .append(body);
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.toString().getBytes(StandardCharsets.UTF_8));
            out.flush();
            BufferedReader in =
                    new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            return String.valueOf(in.readLine());
        }
    }

    /** What the provider sends: a signed logout token for this client and the provider's session {@code sid}. */
    private static String logoutToken(String sid) {
        Instant now = Instant.now();
        JwtClaimsSet claims = JwtClaimsSet.builder()
                .issuer(issuer())
                .subject("alice")
                .audience(List.of(CLIENT_ID))
                .issuedAt(now)
                .expiresAt(now.plusSeconds(120))
                .id(UUID.randomUUID().toString())
                .claim("sid", sid)
                .claim("events", Map.of("http://schemas.openid.net/event/backchannel-logout", Map.of()))
                .build();
        JwsHeader header = JwsHeader.with(SignatureAlgorithm.RS256)
                .keyId(SIGNING_KEY.getKeyID())
                .type("logout+jwt")
                .build();
        return new NimbusJwtEncoder(new ImmutableJWKSet<>(new JWKSet(SIGNING_KEY)))
                .encode(JwtEncoderParameters.from(header, claims))
                .getTokenValue();
    }

    private static String issuer() {
        return "http://127.0.0.1:" + PROVIDER.getAddress().getPort();
    }

    private static String foreignHost() {
        return "127.0.0.2:" + FOREIGN_HOST.getAddress().getPort();
    }

    private static RSAKey signingKey() {
        try {
            return new RSAKeyGenerator(2048)
                    .keyID("provider-key")
                    .keyUse(KeyUse.SIGNATURE)
                    .algorithm(JWSAlgorithm.RS256)
                    .generate();
        } catch (JOSEException ex) {
            throw new IllegalStateException(ex);
        }
    }

    private static InetAddress address(String literal) {
        try {
            return InetAddress.getByName(literal);
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    /** The provider's key set at {@code /jwks}; anything else it is sent is recorded as a foreign call. */
    private static HttpServer server(InetAddress address) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(address, 0), 0);
            server.createContext("/", exchange -> {
                byte[] answer = new byte[0];
                if ("/jwks".equals(exchange.getRequestURI().getPath())) {
                    answer = new JWKSet(SIGNING_KEY.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
                    exchange.getResponseHeaders().add("Content-Type", "application/json");
                } else {
                    FOREIGN_CALLS.add(exchange.getRequestMethod() + " " + exchange.getRequestURI() + " "
                            + exchange.getRequestHeaders().getFirst("Cookie"));
                }
                exchange.sendResponseHeaders(200, answer.length == 0 ? -1 : answer.length);
                exchange.getResponseBody().write(answer);
                exchange.close();
            });
            server.start();
            return server;
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class Service {

        /** The provider's registration as discovery would give it; the keys come from the stand-in provider. */
        @Bean
        ClientRegistrationRepository clientRegistrationRepository() {
            return new InMemoryClientRegistrationRepository(
                    ClientRegistration.withRegistrationId(OidcSignIn.REGISTRATION_ID)
                            .clientId(CLIENT_ID)
                            .clientSecret("test-service-secret")
                            .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                            .redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
                            .scope("openid")
                            .issuerUri(issuer())
                            .authorizationUri(issuer() + "/authorize")
                            .tokenUri(issuer() + "/token")
                            .jwkSetUri(issuer() + "/jwks")
                            .userNameAttributeName("sub")
                            .build());
        }

        @Bean
        HttpSessionListener endedSessions() {
            return new HttpSessionListener() {
                @Override
                public void sessionDestroyed(HttpSessionEvent event) {
                    ENDED_SESSIONS.add(event.getSession().getId());
                }
            };
        }
    }
}
