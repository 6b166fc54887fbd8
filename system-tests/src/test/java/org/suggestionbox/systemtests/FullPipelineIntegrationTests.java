package org.suggestionbox.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * One idea through the whole pipeline, for real: intake's API publishes to the Kafka broker process, the
 * router assigns it to maya, maya declines it over HTTP, and the notifier tells alice in her in-app
 * inbox and by email through the SMTP server, both with the reason.
 */
@SystemTest
class FullPipelineIntegrationTests {

    private static final Duration PIPELINE_TIMEOUT = Duration.ofSeconds(60);

    @Test
    void aDeclinedIdeaReachesItsSubmitterInAppAndByEmailWithTheReason(RunningStack stack) {
        String marker = UUID.randomUUID().toString().substring(0, 8);
        String explanation = "We tried this in 2024 and the phone system cannot queue call-backs (" + marker + ").";
        long started = System.nanoTime();

        // alice submits an idea
        Api.Response submitted = Api.as("alice")
                .post(
                        stack.intakeUrl() + "/api/ideas",
                        Map.of(
                                "title", "Call-back instead of waiting on hold " + marker,
                                "description", "Customers could leave their number and be called back in order.",
                                "category", "customer-experience"));
        assertThat(submitted.status()).as(submitted.body()).isEqualTo(202);
        String ideaId = submitted.json().path("id").asString();
        assertThat(submitted.json().path("status").asString()).isEqualTo("SUBMITTED");
        long accepted = System.nanoTime();

        // it reaches maya's queue
        await().atMost(PIPELINE_TIMEOUT).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> {
            Api.Response queue = Api.as("maya").getAll(stack.routerUrl() + "/api/queue");
            assertThat(queue.status()).as(queue.body()).isEqualTo(200);
            assertThat(queue.body()).contains(ideaId);
        });
        long queued = System.nanoTime();

        // maya declines it with a reason
        Api.Response decided = Api.as("maya")
                .post(
                        stack.routerUrl() + "/api/ideas/" + ideaId + "/decision",
                        Map.of("outcome", "DECLINE", "reasonCode", "NOT_FEASIBLE", "explanation", explanation));
        assertThat(decided.status()).as(decided.body()).isBetween(200, 299);
        assertThat(Api.as("maya")
                        .get(stack.routerUrl() + "/api/ideas/" + ideaId)
                        .body())
                .contains("DECLINED");
        long declined = System.nanoTime();

        // alice's in-app inbox has the decision with the explanation
        await().atMost(PIPELINE_TIMEOUT).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> {
            Api.Response inbox = Api.as("alice").getAll(stack.notifierUrl() + "/api/notifications");
            assertThat(inbox.status()).as(inbox.body()).isEqualTo(200);
            assertThat(inbox.body()).contains(explanation).containsIgnoringCase("declin");
        });
        long notified = System.nanoTime();

        // and an email to alice carries the explanation too
        await().atMost(PIPELINE_TIMEOUT).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> {
            assertThat(stack.receivedMail().stream()
                            .filter(mail -> Mails.isTo(mail, "alice@suggestionbox.example"))
                            .map(Mails::text))
                    .anySatisfy(text -> assertThat(text).contains(explanation));
        });
        long mailed = System.nanoTime();

        System.out.printf(
                "[system-tests] pipeline: accepted %d ms, in queue +%d ms, declined +%d ms, "
                        + "in inbox +%d ms, email +%d ms (total %d ms)%n",
                millis(started, accepted),
                millis(accepted, queued),
                millis(queued, declined),
                millis(declined, notified),
                millis(notified, mailed),
                millis(started, mailed));
    }

    @Test
    void anOwnerCannotDeclineWithoutAReason(RunningStack stack) {
        String ideaId = Ideas.submitAndAwaitQueue(
                stack,
                "alice",
                Map.of(
                        "title", "Quieter ring tones on the support floor",
                        "description", "The default ring tone is loud and makes the floor stressful.",
                        "category", "customer-experience"),
                "maya");

        Api.Response refused = Api.as("maya")
                .post(stack.routerUrl() + "/api/ideas/" + ideaId + "/decision", Map.of("outcome", "DECLINE"));

        assertThat(refused.status()).as(refused.body()).isEqualTo(400);
        assertThat(Api.as("maya")
                        .get(stack.routerUrl() + "/api/ideas/" + ideaId)
                        .body())
                .doesNotContain("DECLINED");
    }

    private static long millis(long from, long to) {
        return (to - from) / 1_000_000;
    }
}
