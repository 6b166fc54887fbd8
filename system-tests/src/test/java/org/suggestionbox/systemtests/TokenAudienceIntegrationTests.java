package org.suggestionbox.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.suggestionbox.localstack.LocalSecrets;
import org.suggestionbox.testing.OidcLogin;

/**
 * Bearer tokens from the local stack's OpenID Connect provider: each is issued for one service (its
 * audience) and every other service refuses it; a forged signature is refused; a machine client gets in
 * only where it asked to.
 */
@SystemTest
class TokenAudienceIntegrationTests {

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void aPersonsTokenIsTakenByTheServiceItWasIssuedForAndRefusedByTheOthers(RunningStack stack) {
        OidcCredentials credentials = new OidcCredentials(stack);
        String forRouter = credentials.accessToken("alice", "suggestion-router");
        String forNotifier = credentials.accessToken("alice", "feedback-notifier");
        String forIntake = credentials.accessToken("alice", "suggestion-intake");

        assertThat(OidcLogin.claims(forRouter)).containsEntry("email", "alice@suggestionbox.example");
        assertThat(get(stack.routerUrl() + "/api/my-ideas", forRouter).statusCode())
                .isEqualTo(200);
        assertThat(get(stack.notifierUrl() + "/api/notifications", forNotifier).statusCode())
                .isEqualTo(200);
        assertThat(postIdea(stack, forIntake).statusCode())
                .as("a bad body, but signed in")
                .isEqualTo(400);

        HttpResponse<String> refused = get(stack.notifierUrl() + "/api/notifications", forRouter);
        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(refused.headers().firstValue("WWW-Authenticate"))
                .hasValueSatisfying(
                        challenge -> assertThat(challenge).startsWith("Bearer").contains("invalid_token"));
        assertThat(refused.body()).contains("another audience");
        assertThat(get(stack.routerUrl() + "/api/my-ideas", forNotifier).statusCode())
                .isEqualTo(401);
        assertThat(postIdea(stack, forRouter).statusCode()).isEqualTo(401);
    }

    @Test
    void aTokenWithAForgedSignatureIsRefused(RunningStack stack) {
        String token = new OidcCredentials(stack).accessToken("maya", "suggestion-router");
        String[] parts = token.split("\\.");
        String forged = parts[0] + "." + parts[1] + "." + new StringBuilder(parts[2]).reverse();

        assertThat(get(stack.routerUrl() + "/api/queue", token).statusCode()).isEqualTo(200);
        assertThat(get(stack.routerUrl() + "/api/queue", forged).statusCode()).isEqualTo(401);
    }

    @Test
    void aMachineClientGetsInOnlyWhereItAskedToGo(RunningStack stack) {
        OidcLogin.Tokens tokens = new OidcLogin(URI.create(stack.signInUrl()))
                .clientCredentials(
                        new OidcLogin.Client("hr-sync", stack.secrets().get(LocalSecrets.HR_SYNC_CLIENT_SECRET)),
                        "suggestion-router");

        assertThat(tokens.audience()).containsExactly("suggestion-router");
        HttpResponse<String> reload = send(
                HttpRequest.newBuilder(URI.create(stack.routerUrl() + "/api/admin/directory/reload"))
                        .POST(HttpRequest.BodyPublishers.noBody()),
                tokens.accessToken());
        assertThat(reload.statusCode()).as(reload.body()).isEqualTo(200);
        assertThat(get(stack.notifierUrl() + "/api/unanswered", tokens.accessToken())
                        .statusCode())
                .isEqualTo(401);
    }

    private static HttpResponse<String> postIdea(RunningStack stack, String token) {
        return send(
                HttpRequest.newBuilder(URI.create(stack.intakeUrl() + "/api/ideas"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{}")),
                token);
    }

    private static HttpResponse<String> get(String url, String token) {
        return send(HttpRequest.newBuilder(URI.create(url)).GET(), token);
    }

    static HttpResponse<String> send(HttpRequest.Builder request, String token) {
        request.header("Authorization", "Bearer " + token)
                .header("Accept", "application/json")
                .timeout(Duration.ofSeconds(30));
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException ex) {
            throw new java.io.UncheckedIOException(ex);
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
    }
}
