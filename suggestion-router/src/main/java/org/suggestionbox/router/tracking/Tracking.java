package org.suggestionbox.router.tracking;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.suggestionbox.platform.directory.Directory;
import org.suggestionbox.platform.directory.Person;
import org.suggestionbox.router.idea.Decision;
import org.suggestionbox.router.idea.Idea;
import org.suggestionbox.router.idea.Progress;
import org.suggestionbox.router.storage.IdeaStore;

/**
 * Finds an anonymous idea by its tracking token: hashes the token and looks the hash up (one index
 * lookup, whether or not the token is known), so the token is never stored and an unknown one costs
 * the same as a known one.
 */
@Service
class Tracking {

    static final String OWNER_ROLE = "OWNER";

    private final IdeaStore store;
    private final Directory directory;
    private final MessageSource messages;

    Tracking(IdeaStore store, Directory directory, MessageSource messages) {
        this.store = store;
        this.directory = directory;
        this.messages = messages;
    }

    Optional<TrackedIdea> find(String token) {
        return store.findByTrackingTokenHash(hashOf(token))
                .filter(Idea::isAnonymous)
                .map(this::view);
    }

    private TrackedIdea view(Idea idea) {
        String ownerId = idea.ownerId();
        TrackedIdea.Owner owner = ownerId == null
                ? null
                : new TrackedIdea.Owner(
                        directory.find(ownerId).map(Person::department).orElse(""), OWNER_ROLE);
        Decision decision = idea.decision();
        TrackedIdea.Decision decided = decision == null
                ? null
                : new TrackedIdea.Decision(
                        decision.outcome(),
                        decision.reasonCode(),
                        decision.reasonCode() == null
                                ? null
                                : messages.getMessage(
                                        "reason." + decision.reasonCode().name(), null, Locale.ENGLISH),
                        decision.explanation(),
                        decision.nextStep(),
                        decision.expectedBy(),
                        decision.decidedAt());
        Progress progressed = idea.progress();
        TrackedIdea.Progress progress =
                progressed == null ? null : new TrackedIdea.Progress(progressed.status(), progressed.note());
        return new TrackedIdea(
                idea.title(),
                idea.category(),
                idea.state(),
                idea.shownSubmittedAt(),
                owner,
                idea.state().isUndecided() ? idea.answerDueBy() : null,
                decided,
                decision == null ? null : decision.nextStep(),
                progress,
                idea.answered(),
                idea.history().stream()
                        // only what happened and when: who acted and their notes stay inside
                        .map(entry -> new TrackedIdea.Step(idea.shownAt(entry), entry.what()))
                        .toList());
    }

    /** SHA-256 of the token, lowercase hex, as intake put it on {@code IdeaSubmitted}. */
    static String hashOf(String token) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException(ex);
        }
    }
}
