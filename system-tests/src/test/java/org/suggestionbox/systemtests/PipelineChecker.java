package org.suggestionbox.systemtests;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.awaitility.core.ConditionTimeoutException;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Checks through the public APIs that every submitted idea came through: the router knows it exactly
 * once (the submitter's /api/my-ideas, also for copies under another id; GET /api/ideas/{id} as the
 * leader lea for an id not found there), with an owner and DECLINED; and its submitter's in-app inbox on
 * the notifier holds exactly one {@code IDEA_DECLINED} message for it. One pass costs two requests per
 * submitter, so thousands of ideas are checked in seconds.
 */
final class PipelineChecker {

    private static final Set<Integer> RETRY = Set.of(502, 503, 504);

    private static final Duration PATIENCE = Duration.ofSeconds(60);

    private static final String DECLINED_MESSAGE = "IDEA_DECLINED";

    /** The shortest pause between two passes; a pass that took longer is followed by a pause as long. */
    private static final Duration POLL = Duration.ofSeconds(1);

    /** The counts the scenario must end with at zero, and a few examples of each. */
    record Verdict(int ideas, int lost, int duplicated, int unanswered, List<String> examples) {

        boolean clean() {
            return this.lost == 0 && this.duplicated == 0 && this.unanswered == 0;
        }

        @Override
        public String toString() {
            return "ideas=%d lost=%d duplicated=%d unanswered=%d%s"
                    .formatted(
                            this.ideas,
                            this.lost,
                            this.duplicated,
                            this.unanswered,
                            this.examples.isEmpty() ? "" : " e.g. " + this.examples);
        }
    }

    private final String routerUrl;

    private final String notifierUrl;

    PipelineChecker(String routerUrl, String notifierUrl) {
        this.routerUrl = routerUrl;
        this.notifierUrl = notifierUrl;
    }

    /** Checks until everything arrived or {@code timeout} passed, then once more for late duplicates. */
    Verdict awaitVerdict(Collection<IdeaSubmitters.Submission> submissions, Duration timeout) {
        long started = System.nanoTime();
        AtomicLong lastPassNanos = new AtomicLong();
        try {
            // every pass reads each submitter's whole inbox: paced by its own cost (at most half the time
            // checking), so the checker never takes more than its share from the notifier it waits for
            await().atMost(timeout)
                    .pollDelay(Duration.ZERO)
                    .pollInterval((poll, previous) -> max(POLL, Duration.ofNanos(lastPassNanos.get())))
                    .until(() -> {
                        long checking = System.nanoTime();
                        Verdict verdict = check(submissions);
                        lastPassNanos.set(System.nanoTime() - checking);
                        System.out.printf(
                                "[fault-injection] check at +%d ms (took %d ms): %s%n",
                                (checking - started) / 1_000_000, lastPassNanos.get() / 1_000_000, verdict);
                        return verdict.clean();
                    });
        } catch (ConditionTimeoutException ex) {
            // the final check below says what is missing
        }
        return check(submissions);
    }

    Verdict check(Collection<IdeaSubmitters.Submission> submissions) {
        Map<String, Map<String, Integer>> titlesBySubmitter = new HashMap<>();
        Map<String, Map<String, Integer>> declinedBySubmitter = new HashMap<>();
        Map<String, JsonNode> ideasById = new HashMap<>();
        for (String submitter : IdeaSubmitters.SUBMITTERS) {
            Api.Response mine = getAll(submitter, this.routerUrl + "/api/my-ideas");
            titlesBySubmitter.put(submitter, count(mine, "title", null));
            mine.json().forEach(idea -> ideasById.put(idea.path("id").asString(), idea));
            declinedBySubmitter.put(
                    submitter,
                    count(getAll(submitter, this.notifierUrl + "/api/notifications"), "ideaId", DECLINED_MESSAGE));
        }
        int lost = 0;
        int duplicated = 0;
        int unanswered = 0;
        List<String> examples = new ArrayList<>();
        for (IdeaSubmitters.Submission submission : submissions) {
            String problem = null;
            if (submission.ideaIds().size() != 1) {
                duplicated++;
                problem = "key " + submission.key() + " got ideas " + submission.ideaIds();
            } else {
                String id = submission.ideaIds().iterator().next();
                JsonNode known = ideasById.get(id);
                Api.Response idea = known != null
                        ? new Api.Response(200, known.toString())
                        : get("lea", this.routerUrl + "/api/ideas/" + id);
                int copies = titlesBySubmitter.get(submission.submitter()).getOrDefault(submission.title(), 0);
                int messages = declinedBySubmitter.get(submission.submitter()).getOrDefault(id, 0);
                if (idea.status() == 404) {
                    lost++;
                    problem = id + " unknown to the router";
                } else if (copies > 1 || messages > 1) {
                    duplicated++;
                    problem = id + " stored " + copies + " times, " + messages + " decision messages";
                } else if (idea.status() != 200
                        || !"DECLINED".equals(idea.json().path("state").asString())
                        || idea.json().path("owner").path("id").asString("").isEmpty()
                        || messages == 0) {
                    unanswered++;
                    problem = id + " router " + idea.status() + " state "
                            + idea.json().path("state").asString("?") + ", " + messages + " decision messages";
                }
            }
            if (problem != null && examples.size() < 5) {
                examples.add(problem);
            }
        }
        return new Verdict(submissions.size(), lost, duplicated, unanswered, examples);
    }

    private static Duration max(Duration one, Duration other) {
        return one.compareTo(other) >= 0 ? one : other;
    }

    private static Api.Response get(String user, String url) {
        return Retrying.call(() -> Api.as(user).get(url), RETRY, PATIENCE);
    }

    /** Every item of a cursor-paged list, as one JSON array. */
    private static Api.Response getAll(String user, String url) {
        return Retrying.call(() -> Api.as(user).getAll(url), RETRY, PATIENCE);
    }

    /** How often each value of {@code field} occurs in a JSON array answer, optionally only of one kind. */
    private static Map<String, Integer> count(Api.Response response, String field, @Nullable String kind) {
        if (response.status() != 200) {
            throw new IllegalStateException("Unexpected answer " + response.status() + " " + response.body());
        }
        Map<String, Integer> counts = new HashMap<>();
        for (JsonNode entry : response.json()) {
            if (kind == null || kind.equals(entry.path("kind").asString())) {
                counts.merge(entry.path(field).asString(), 1, Integer::sum);
            }
        }
        return counts;
    }
}
