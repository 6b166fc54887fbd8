package org.suggestionbox.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/** Ideas submitted through intake's API as a demo person, and awaited where their owner works on them. */
final class Ideas {

    /** As long as an idea may take from intake through the broker and the router on a busy machine. */
    private static final Duration THROUGH_THE_PIPELINE = Duration.ofSeconds(90);

    private Ideas() {}

    /** Submits {@code idea} (the API's fields) as {@code person} and gives back intake's acceptance (202). */
    static JsonNode submit(RunningStack stack, String person, Map<String, ?> idea) {
        Api.Response submitted = Api.as(person).post(stack.intakeUrl() + "/api/ideas", idea);
        assertThat(submitted.status()).as(submitted.body()).isEqualTo(202);
        return submitted.json();
    }

    /** Submits {@code idea} as {@code person}, waits until it is in {@code owner}'s queue and gives back its id. */
    static String submitAndAwaitQueue(RunningStack stack, String person, Map<String, ?> idea, String owner) {
        String ideaId = submit(stack, person, idea).path("id").asString();
        awaitInQueue(stack, owner, ideaId);
        return ideaId;
    }

    /** Waits until the idea {@code ideaId} is in {@code owner}'s queue. */
    static void awaitInQueue(RunningStack stack, String owner, String ideaId) {
        await().atMost(THROUGH_THE_PIPELINE)
                .pollInterval(Duration.ofMillis(250))
                .untilAsserted(() -> assertThat(Api.as(owner)
                                .getAll(stack.routerUrl() + "/api/queue")
                                .body())
                        .contains(ideaId));
    }
}
