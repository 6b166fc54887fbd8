package org.suggestionbox.signin.logout;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.suggestionbox.signin.clients.ConfiguredClients;

/**
 * Tells every service that a person's session at the provider ended (OpenID Connect Back-Channel Logout 1.0): a
 * signed logout token per back-channel logout URI, POSTed as the form field {@code logout_token}, all at once. The
 * sign-out waits for their answers, at most the back-channel timeout (2 s unless set), so the page it ends on comes
 * after the services ended their sessions: a page of another service opened right then asks for sign-in. Best
 * effort: a POST still unanswered by then goes on in the background, and a failure is only logged, so signing out
 * never waits long for a service that is down.
 */
final class BackChannelLogout {

    private static final Logger LOG = LoggerFactory.getLogger(BackChannelLogout.class);

    static final String EVENT = "http://schemas.openid.net/event/backchannel-logout";

    private static final Duration TOKEN_LIFETIME = Duration.ofMinutes(2);

    private final ConfiguredClients clients;

    private final JwtEncoder encoder;

    private final HttpClient http;

    private final Duration timeout;

    BackChannelLogout(ConfiguredClients clients, JwtEncoder encoder, Duration timeout) {
        this.clients = clients;
        this.encoder = encoder;
        this.timeout = timeout;
        this.http = HttpClient.newBuilder()
                .connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /**
     * Sends the logout tokens for session {@code sid} of {@code subject} and returns once every service answered, or
     * failed, or the timeout passed.
     */
    void sessionEnded(String issuer, String subject, String sid) {
        List<CompletableFuture<Void>> sent = new ArrayList<>();
        for (RegisteredClient client : clients.all()) {
            for (String uri : ConfiguredClients.backChannelLogoutUris(client)) {
                String token = logoutToken(issuer, client.getClientId(), subject, sid);
                sent.add(send(client.getClientId(), URI.create(uri), token));
            }
        }
        try {
            CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new))
                    .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException ex) {
            LOG.info("Back-channel logout: not every service answered within {}; the rest goes on", timeout);
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException ex) {
            // each send handles its own failure; nothing reaches here
            LOG.info("Back-channel logout failed", ex);
        }
    }

    String logoutToken(String issuer, String clientId, String subject, String sid) {
        Instant now = Instant.now();
        JwtClaimsSet claims = JwtClaimsSet.builder()
                .issuer(issuer)
                .audience(List.of(clientId))
                .issuedAt(now)
                .expiresAt(now.plus(TOKEN_LIFETIME))
                .id(UUID.randomUUID().toString())
                .subject(subject)
                .claim("sid", sid)
                .claim("events", Map.of(EVENT, Map.of()))
                .build();
        JwsHeader header =
                JwsHeader.with(SignatureAlgorithm.RS256).type("logout+jwt").build();
        return encoder.encode(JwtEncoderParameters.from(header, claims)).getTokenValue();
    }

    /** POSTs one logout token; the future completes, never exceptionally, when the answer or the failure came. */
    private CompletableFuture<Void> send(String clientId, URI uri, String token) {
        HttpRequest request = HttpRequest.newBuilder(uri)
                .timeout(timeout)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "logout_token=" + URLEncoder.encode(token, StandardCharsets.UTF_8)))
                .build();
        return http.sendAsync(request, HttpResponse.BodyHandlers.discarding()).handle((response, failure) -> {
            if (failure != null) {
                LOG.info("Back-channel logout to {} at {} failed: {}", clientId, uri, failure.toString());
            } else if (response.statusCode() / 100 != 2) {
                LOG.info("Back-channel logout to {} at {} answered {}", clientId, uri, response.statusCode());
            } else {
                LOG.debug("Back-channel logout to {} at {} delivered", clientId, uri);
            }
            return null;
        });
    }
}
