package org.suggestionbox.systemtests;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
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
 * the notifier holds exactly one {@code IDEA_DECLINED} message for it. Both lists are newest first, and a
 * pass reads them only back to the run's start ({@code since}), so it costs the pages of the run's own
 * ideas, not of every idea the class submitted before. While the checker waits, an idea not (yet) in its
 * submitter's list counts as unanswered without asking the router for it; only the final pass asks for
 * each such id, so a lost idea costs one request once instead of one on every pass.
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

    private final Instant since;

    private int passes;

    private long checkingNanos;

    /**
     * @param since a moment before the run's first submission: ideas submitted and messages created before it
     *        belong to earlier runs and are not read
     */
    PipelineChecker(String routerUrl, String notifierUrl, Instant since) {
        this.routerUrl = routerUrl;
        this.notifierUrl = notifierUrl;
        this.since = since;
    }

    /** How many passes {@link #awaitVerdict} made, the final one included. */
    int passes() {
        return this.passes;
    }

    /** How long those passes took together. */
    Duration checking() {
        return Duration.ofNanos(this.checkingNanos);
    }

    /** Checks until everything arrived or {@code timeout} passed, then once more for late duplicates. */
    Verdict awaitVerdict(Collection<IdeaSubmitters.Submission> submissions, Duration timeout) {
        long started = System.nanoTime();
        AtomicLong lastPassNanos = new AtomicLong();
        try {
            // every pass reads the run's part of each submitter's list and inbox: paced by its own cost (at most
            // half the time checking), so the checker never takes more than its share from the services it waits for
            await().atMost(timeout)
                    .pollDelay(Duration.ZERO)
                    .pollInterval((poll, previous) -> max(POLL, Duration.ofNanos(lastPassNanos.get())))
                    .until(() -> {
                        long checking = System.nanoTime();
                        Verdict verdict = check(submissions, false);
                        lastPassNanos.set(System.nanoTime() - checking);
                        System.out.printf(
                                "[fault-injection] check at +%d ms (took %d ms): %s%n",
                                (checking - started) / 1_000_000, lastPassNanos.get() / 1_000_000, verdict);
                        return verdict.clean();
                    });
        } catch (ConditionTimeoutException ex) {
            // the final check below says what is missing
        }
        return check(submissions, true);
    }

    /**
     * One pass over every submission; {@code thorough} also asks the router for each idea its submitter's list
     * does not hold, to tell a lost idea (404) from one that is there under another view.
     */
    private Verdict check(Collection<IdeaSubmitters.Submission> submissions, boolean thorough) {
        long started = System.nanoTime();
        try {
            return pass(submissions, thorough);
        } finally {
            this.passes++;
            this.checkingNanos += System.nanoTime() - started;
        }
    }

    private Verdict pass(Collection<IdeaSubmitters.Submission> submissions, boolean thorough) {
        Map<String, Map<String, Integer>> titlesBySubmitter = new HashMap<>();
        Map<String, Map<String, Integer>> declinedBySubmitter = new HashMap<>();
        Map<String, JsonNode> ideasById = new HashMap<>();
        for (String submitter : IdeaSubmitters.SUBMITTERS) {
            Api.Response mine = getAll(submitter, this.routerUrl + "/api/my-ideas", "submittedAt");
            titlesBySubmitter.put(submitter, count(mine, "title", null));
            mine.json().forEach(idea -> ideasById.put(idea.path("id").asString(), idea));
            declinedBySubmitter.put(
                    submitter,
                    count(
                            getAll(submitter, this.notifierUrl + "/api/notifications", "createdAt"),
                            "ideaId",
                            DECLINED_MESSAGE));
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
                // null: not in its submitter's list yet, and not asked for while waiting
                Api.@Nullable Response idea = known != null
                        ? new Api.Response(200, known.toString())
                        : thorough ? get("lea", this.routerUrl + "/api/ideas/" + id) : null;
                int copies = titlesBySubmitter.get(submission.submitter()).getOrDefault(submission.title(), 0);
                int messages = declinedBySubmitter.get(submission.submitter()).getOrDefault(id, 0);
                if (idea != null && idea.status() == 404) {
                    lost++;
                    problem = id + " unknown to the router";
                } else if (copies > 1 || messages > 1) {
                    duplicated++;
                    problem = id + " stored " + copies + " times, " + messages + " decision messages";
                } else if (idea == null) {
                    unanswered++;
                    problem = id + " not in the list of " + submission.submitter() + " yet, " + messages
                            + " decision messages";
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

    /** Every item of a cursor-paged list newest first back to {@link #since} by its {@code field}, as one JSON array. */
    private Api.Response getAll(String user, String url, String field) {
        return Retrying.call(() -> Api.as(user).getAllUntil(url, item -> before(item.path(field))), RETRY, PATIENCE);
    }

    /** Whether a timestamp is before {@link #since}; what is no timestamp is not, so the list is read on. */
    private boolean before(JsonNode timestamp) {
        try {
            return timestamp.isString() && Instant.parse(timestamp.asString()).isBefore(this.since);
        } catch (DateTimeParseException ex) {
            return false;
        }
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
