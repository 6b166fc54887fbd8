package org.suggestionbox.intake.submission;

import io.micrometer.core.instrument.Timer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.suggestionbox.events.EventIds;
import org.suggestionbox.events.IdeaSubmitted;
import org.suggestionbox.events.SubmissionChannel;
import org.suggestionbox.events.Submitter;
import org.suggestionbox.intake.config.AnonymityRules;
import org.suggestionbox.intake.config.IntakeProperties;
import org.suggestionbox.platform.anonymity.IdentitySealer;
import org.suggestionbox.platform.anonymity.SealedContact;
import org.suggestionbox.platform.directory.Directory;
import org.suggestionbox.platform.directory.Person;
import org.suggestionbox.platform.web.PlatformLinks;

/**
 * Turns a submission into exactly one acknowledged {@link IdeaSubmitted} event, or a refusal:
 * checks the rules, answers a repeated Idempotency-Key with the first answer, limits how fast one
 * person submits, seals an anonymous submitter's identity, and reports acceptance only once the
 * broker acknowledged the event.
 * <p>
 * Logs and metrics never name the submitter: not for anonymous ideas (whose submitter nobody may
 * learn), and for simplicity not for the others either.
 */
@Service
public class IdeaIntake {

    private static final Logger LOG = LoggerFactory.getLogger(IdeaIntake.class);

    private final IdeaRules rules;
    private final IdeaPublisher publisher;
    private final Directory directory;
    private final IdentitySealer identitySealer;
    private final IntakeMetrics metrics;
    private final Clock clock;
    private final IntakeProperties properties;
    private final String ideaLinkBase;
    private final String trackingLinkBase;
    private final int minDepartmentSize;
    private final RecentSubmissions recent;
    private final SubmissionRateLimiter rateLimiter;

    public IdeaIntake(
            IdeaPublisher publisher,
            Directory directory,
            IdentitySealer identitySealer,
            IntakeMetrics metrics,
            Clock clock,
            IntakeProperties properties,
            AnonymityRules anonymity,
            PlatformLinks links,
            SubmissionRateLimiter rateLimiter) {
        this.rules = new IdeaRules(properties.categories(), properties.defaultCategory());
        this.publisher = publisher;
        this.directory = directory;
        this.identitySealer = identitySealer;
        this.metrics = metrics;
        this.clock = clock;
        this.properties = properties;
        String router = links.router().replaceAll("/+$", "");
        this.ideaLinkBase = router + "/ideas/";
        this.trackingLinkBase = router + "/track/";
        this.minDepartmentSize = anonymity.minDepartmentSize();
        this.recent = new RecentSubmissions(properties.recentSubmissions(), properties.recentSubmissionsTtl(), clock);
        this.rateLimiter = rateLimiter;
    }

    public List<String> categories() {
        return rules.categories();
    }

    public SubmissionResult submit(SubmitIdea command) {
        Timer.Sample sample = metrics.start();
        SubmissionResult result = process(command);
        metrics.stop(sample, command.channel(), result instanceof SubmissionResult.Accepted);
        return result;
    }

    private SubmissionResult process(SubmitIdea command) {
        SubmissionChannel channel = command.channel();
        IdeaDraft draft = command.draft();
        Person person = directory.get(command.personId());
        List<FieldViolation> violations = new ArrayList<>();
        ValidIdea idea = null;
        switch (rules.validate(draft)) {
            case Validation.Invalid invalid -> violations.addAll(invalid.violations());
            case ValidIdea valid -> idea = valid;
        }
        List<String> coSubmitterIds = List.of();
        switch (CoSubmitters.check(
                person,
                draft.coSubmitterIds(),
                draft.anonymous(),
                id -> directory.find(id).isPresent())) {
            case CoSubmitters.Checked.Invalid invalid -> violations.add(invalid.violation());
            case CoSubmitters.Checked.Valid valid -> coSubmitterIds = valid.ids();
        }
        if (idea == null || !violations.isEmpty()) {
            metrics.refused(channel, RefusalReason.VALIDATION);
            return new SubmissionResult.Invalid(violations);
        }
        idea = idea.withCoSubmitters(coSubmitterIds);

        String key = command.idempotencyKey();
        if (key == null) {
            SubmissionResult throttled = throttle(command);
            return throttled != null ? throttled : publish(command, idea, UUID.randomUUID(), UUID.randomUUID());
        }

        RecentSubmissions.Key recentKey = new RecentSubmissions.Key(command.personId(), key);
        String fingerprint = fingerprint(idea);
        return switch (recent.claim(recentKey, fingerprint)) {
            case RecentSubmissions.Claim.Existing existing -> replay(existing.entry(), fingerprint, channel);
            case RecentSubmissions.Claim.Claimed claimed -> {
                SubmissionResult result = throttle(command);
                if (result == null) {
                    // Deterministic ids for a keyed submission: a retry of the same (person, key),
                    // after a timeout, a restart of intake or on another instance, re-creates the
                    // very same idea id and event id, and the router drops a second IdeaSubmitted
                    // for an idea id it already knows. That is what makes idempotency durable; the
                    // in-memory map only spares the second publish. The secret keeps an anonymous
                    // idea's id from being traced back by trying (person, key) guesses.
                    String secret = properties.idempotencySecret();
                    result = publish(
                            command,
                            idea,
                            EventIds.derive("idea", secret, command.personId(), key),
                            EventIds.derive("IdeaSubmitted", secret, command.personId(), key));
                }
                if (result instanceof SubmissionResult.Accepted accepted) {
                    claimed.entry().outcome().complete(accepted);
                } else {
                    recent.release(recentKey, claimed.entry());
                    claimed.entry().outcome().completeExceptionally(new IllegalStateException("Not accepted"));
                }
                yield result;
            }
        };
    }

    private SubmissionResult.@Nullable Throttled throttle(SubmitIdea command) {
        Duration wait = rateLimiter.tryAcquire(command.personId());
        if (wait.isZero()) {
            return null;
        }
        metrics.refused(command.channel(), RefusalReason.RATE_LIMITED);
        return new SubmissionResult.Throttled(wait);
    }

    private SubmissionResult replay(RecentSubmissions.Submission entry, String fingerprint, SubmissionChannel channel) {
        if (!entry.fingerprint().equals(fingerprint)) {
            metrics.refused(channel, RefusalReason.DUPLICATE_KEY_MISMATCH);
            return new SubmissionResult.KeyReused();
        }
        try {
            SubmissionResult.Accepted first =
                    entry.outcome().get(properties.brokerTimeout().toMillis(), TimeUnit.MILLISECONDS);
            LOG.debug(
                    "Idea {} re-requested with the same Idempotency-Key; answered without publishing again",
                    first.ideaId());
            return new SubmissionResult.Accepted(
                    first.ideaId(), first.trackingUrl(), first.title(), first.anonymous(), true);
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException ex) {
            // the first request with this key was not accepted (or is still waiting for the broker)
        }
        metrics.refused(channel, RefusalReason.BROKER_UNAVAILABLE);
        return new SubmissionResult.Unavailable(properties.retryAfter());
    }

    private SubmissionResult publish(SubmitIdea command, ValidIdea idea, UUID ideaId, UUID eventId) {
        Person person = directory.get(command.personId());
        Submitter submitter;
        @Nullable String department;
        @Nullable String locale;
        @Nullable String trackingTokenHash;
        String trackingUrl;
        if (idea.anonymous()) {
            // a private link for the one person who may follow the idea: the token goes sealed to the
            // notifier and back to her, the router learns only its hash
            TrackingLink link = TrackingLink.create();
            submitter = Submitter.anonymous(identitySealer.seal(new SealedContact(
                    person.id(), person.email(), person.locale(), person.slackId(), person.teamsId(), link.token())));
            // department and language only where they name a group, not a person
            boolean groupLargeEnough =
                    directory.headcountByDepartment().getOrDefault(person.department(), 0L) >= minDepartmentSize;
            department = groupLargeEnough ? person.department() : null;
            locale = groupLargeEnough ? person.locale() : null;
            trackingTokenHash = link.hash();
            trackingUrl = trackingLinkBase + link.token();
        } else {
            submitter = Submitter.person(person.id());
            department = person.department();
            locale = person.locale();
            trackingTokenHash = null;
            trackingUrl = ideaLinkBase + ideaId;
        }
        IdeaSubmitted event = new IdeaSubmitted(
                eventId,
                ideaId,
                clock.instant(),
                IdeaSubmitted.SCHEMA_VERSION,
                idea.title(),
                idea.description(),
                idea.category(),
                command.channel(),
                submitter,
                department,
                locale,
                idea.coSubmitterIds(),
                trackingTokenHash,
                idea.visibility());
        try {
            publisher.publish(event);
        } catch (PublicationFailedException ex) {
            LOG.warn("Idea {} refused: {}", ideaId, ex.getMessage());
            metrics.refused(command.channel(), RefusalReason.BROKER_UNAVAILABLE);
            return new SubmissionResult.Unavailable(properties.retryAfter());
        }
        metrics.submitted(command.channel(), idea.category());
        // DEBUG, not INFO: one line per idea would be the hot path's largest cost after the broker (issue #13)
        LOG.debug(
                "Idea {} submitted via {} in category {} (anonymous: {}, co-submitters: {}, visibility: {})",
                ideaId,
                command.channel(),
                idea.category(),
                idea.anonymous(),
                idea.coSubmitterIds().size(),
                idea.visibility());
        return new SubmissionResult.Accepted(ideaId, trackingUrl, idea.title(), idea.anonymous(), false);
    }

    private static String fingerprint(ValidIdea idea) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (String part : List.of(
                    idea.title(),
                    idea.description(),
                    idea.category(),
                    Boolean.toString(idea.anonymous()),
                    String.join(",", idea.coSubmitterIds()),
                    idea.visibility().name())) {
                digest.update(part.getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException(ex);
        }
    }
}
