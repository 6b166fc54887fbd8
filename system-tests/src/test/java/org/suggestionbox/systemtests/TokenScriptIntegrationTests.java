package org.suggestionbox.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.suggestionbox.testing.OidcLogin;

/** The README's {@code ops/token.sh}: curl walks the browser's code + PKCE flow and the token works. */
@SystemTest
class TokenScriptIntegrationTests {

    private static final Path PROJECT_DIR = TestStacks.PROJECT_DIR;

    @Test
    void theScriptGivesAPersonATokenForTheServiceAsked(RunningStack stack) throws Exception {
        Result result = run(stack, "maya", "suggestion-router", "demo");

        assertThat(result.exit()).as(result.output()).isZero();
        String token = result.output().strip();
        assertThat(OidcLogin.claims(token)).containsEntry("email", "maya@suggestionbox.example");
        HttpResponse<String> queue = TokenAudienceIntegrationTests.send(
                HttpRequest.newBuilder(URI.create(stack.routerUrl() + "/api/queue"))
                        .GET(),
                token);
        assertThat(queue.statusCode()).isEqualTo(200);
    }

    @Test
    void aWrongPasswordGivesNoToken(RunningStack stack) throws Exception {
        Result result = run(stack, "maya", "suggestion-router", "not-the-password");

        assertThat(result.exit()).isNotZero();
        assertThat(result.output()).contains("sign-in refused for maya");
    }

    private static Result run(RunningStack stack, String user, String service, String password)
            throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder("bash", "ops/token.sh", user, service)
                .directory(PROJECT_DIR.toFile())
                .redirectErrorStream(true);
        builder.environment().put("SIGNIN_URL", stack.signInUrl());
        builder.environment().put("SERVICE_URL", stack.routerUrl());
        builder.environment()
                .put(
                        "SECRETS_FILE",
                        stack.dataDir().resolve("secrets.properties").toString());
        builder.environment().put("PASSWORD", password);
        Process process = builder.start();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("ops/token.sh did not finish in 60 s");
        }
        return new Result(
                process.exitValue(), new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
    }

    private record Result(int exit, String output) {}
}
