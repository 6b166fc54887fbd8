package org.suggestionbox.router.decision;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.suggestionbox.events.DecisionOutcome;
import org.suggestionbox.events.IdeaDecided;
import org.suggestionbox.events.IdeaMergedAsDuplicate;
import org.suggestionbox.events.IdeaReassigned;
import org.suggestionbox.events.IdeaStatusChanged;
import org.suggestionbox.platform.directory.Directory;
import org.suggestionbox.platform.directory.Person;
import org.suggestionbox.platform.directory.Role;
import org.suggestionbox.router.config.RouterProperties;
import org.suggestionbox.router.dashboard.DashboardRecorder;
import org.suggestionbox.router.idea.Idea;
import org.suggestionbox.router.idea.IdeaAction;
import org.suggestionbox.router.idea.IdeaState;
import org.suggestionbox.router.idea.IllegalTransitionException;
import org.suggestionbox.router.idea.IncompleteDecisionException.Violation;
import org.suggestionbox.router.idea.Owner;
import org.suggestionbox.router.idea.TextLimits;
import org.suggestionbox.router.outbox.OutboxRelay;
import org.suggestionbox.router.similar.SimilarIdea;
import org.suggestionbox.router.similar.SimilarIdeas;
import org.suggestionbox.router.storage.IdeaStore;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * What owners do with an idea: decide, report progress, hand it on. Each action loads the idea,
 * checks who is asking, lets the aggregate make the move, saves state and event in one document
 * write (a concurrent change makes the save fail with an optimistic-lock conflict) and relays the
 * event at once.
 */
@Service
public class DecisionService {

    private static final Logger LOG = LoggerFactory.getLogger(DecisionService.class);
    private static final int SIMILAR_SHOWN = 3;
    /** How many nearest ideas are looked at to find {@link #SIMILAR_SHOWN} a reader may read. */
    private static final int SIMILAR_CANDIDATES = 20;

    private final IdeaStore store;
    private final OutboxRelay relay;
    private final DashboardRecorder dashboard;
    private final SimilarIdeas similar;
    private final Directory directory;
    private final RouterProperties properties;
    private final Clock clock;
    private final MeterRegistry registry;

    DecisionService(IdeaStore store, OutboxRelay relay, DashboardRecorder dashboard, SimilarIdeas similar,
            Directory directory, RouterProperties properties, Clock clock, MeterRegistry registry) {
        this.store = store;
        this.dashboard = dashboard;
        this.similar = similar;
        this.relay = relay;
        this.directory = directory;
        this.properties = properties;
        this.clock = clock;
        this.registry = registry;
    }

    /**
     * The idea, if {@code reader} may see it: a named submitter or co-submitter, the current owner, a
     * leader or an administrator.
     */
    public Idea read(UUID id, Person reader) {
        Idea idea = load(id);
        if (!mayRead(idea, reader)) {
            throw new IdeaAccessDeniedException(id, "see");
        }
        return idea;
    }

    private static boolean mayRead(Idea idea, Person reader) {
        return idea.isSubmittedBy(reader.id()) || idea.isOwnedBy(reader.id()) || readsEverything(reader);
    }

    private static boolean readsEverything(Person reader) {
        return reader.hasRole(Role.LEADER) || reader.hasRole(Role.ADMIN);
    }

    public IdeaView view(Idea idea) {
        return IdeaView.of(idea, directory, clock.instant());
    }

    /**
     * The idea as {@code reader} sees it: its owner, leaders and administrators also get similar ideas,
     * only those {@code reader} may read herself (a title is content too).
     */
    public IdeaView view(Idea idea, Person reader) {
        boolean decides = idea.isOwnedBy(reader.id()) || readsEverything(reader);
        return IdeaView.of(idea, directory, clock.instant(), decides ? similarReadableBy(idea, reader) : null);
    }

    private List<SimilarIdea> similarReadableBy(Idea idea, Person reader) {
        if (readsEverything(reader)) {
            return similar.similarTo(idea, SIMILAR_SHOWN);
        }
        return similar.similarTo(idea, SIMILAR_CANDIDATES).stream()
                .filter(candidate -> store.find(candidate.id()).map(found -> mayRead(found, reader)).orElse(false))
                .limit(SIMILAR_SHOWN)
                .toList();
    }

    /** The current owner decides: explore or decline, each with what it needs. */
    public Idea decide(UUID id, DecisionRequest request, Person owner) {
        Idea idea = loadOwned(id, owner, "decide");
        List<Violation> violations = new ArrayList<>();
        if (request.outcome() == null) {
            violations.add(new Violation("outcome", "Choose EXPLORE or DECLINE."));
        }
        else if (request.outcome() == DecisionOutcome.DECLINE) {
            violations.addAll(Idea.declineViolations(request.reasonCode(), request.explanation()));
        }
        else {
            violations.addAll(Idea.exploreViolations(request.nextStep(), request.expectedBy(), clock));
            violations.addAll(TextLimits.violations("explanation", request.explanation()));
        }
        if (!violations.isEmpty()) {
            throw new InvalidRequestException(violations);
        }
        IdeaDecided decided = request.outcome() == DecisionOutcome.DECLINE
                ? idea.decline(request.reasonCode(), request.explanation(), owner.id(), clock)
                : idea.explore(request.nextStep(), request.expectedBy(), request.explanation(), owner.id(), clock);
        store.save(idea);
        registry.counter("ideas.decided", "outcome", decided.outcome().name(),
                "reason", decided.reasonCode() == null ? "NONE" : decided.reasonCode().name()).increment();
        LOG.info("Idea {} decided: {}", id, decided.outcome());
        dashboard.record(idea, decided);
        relay.relay(idea);
        return idea;
    }

    /** The current owner picked the idea up: it shows as under review. */
    public Idea startReview(UUID id, Person owner) {
        Idea idea = loadOwned(id, owner, "review");
        idea.startReview(owner.id(), clock);
        store.save(idea);
        return idea;
    }

    /** The owners an idea can be handed to, apart from its current owner. */
    public List<Person> otherOwners(Idea idea) {
        return directory.all().stream()
                .filter(person -> person.hasRole(Role.OWNER) && !idea.isOwnedBy(person.id()))
                .sorted(java.util.Comparator.comparing(Person::name))
                .toList();
    }

    /** The current owner reports progress on an explored idea. */
    public Idea changeStatus(UUID id, StatusRequest request, Person owner) {
        Idea idea = loadOwned(id, owner, "update");
        List<Violation> violations = new ArrayList<>();
        if (request.status() == null) {
            violations.add(new Violation("status", "Choose IN_PROGRESS, IMPLEMENTED or SHELVED."));
        }
        String note = request.note() == null ? "" : request.note().strip();
        if (note.isEmpty()) {
            violations.add(new Violation("note", "Say what changed: the impact, or why it was shelved."));
        }
        violations.addAll(TextLimits.violations("note", note));
        if (!violations.isEmpty()) {
            throw new InvalidRequestException(violations);
        }
        IdeaStatusChanged changed = switch (request.status()) {
            case IN_PROGRESS -> idea.startProgress(note, owner.id(), clock);
            case IMPLEMENTED -> idea.implement(note, owner.id(), clock);
            case SHELVED -> idea.shelve(note, owner.id(), clock);
            case null -> throw new IllegalStateException("checked above");
        };
        store.save(idea);
        dashboard.record(idea, changed);
        relay.relay(idea);
        return idea;
    }

    /** The current owner (or an administrator) hands an undecided idea to another owner; the deadline moves. */
    public Idea reassign(UUID id, ReassignRequest request, Person by) {
        Idea idea = load(id);
        if (!idea.isOwnedBy(by.id()) && !by.hasRole(Role.ADMIN)) {
            throw new IdeaAccessDeniedException(id, "reassign");
        }
        List<Violation> violations = new ArrayList<>();
        Person newOwner = request.ownerId() == null ? null : directory.find(request.ownerId()).orElse(null);
        if (newOwner == null || !newOwner.hasRole(Role.OWNER)) {
            violations.add(new Violation("ownerId", "Name an owner from the directory."));
        }
        String note = request.note() == null ? "" : request.note().strip();
        if (note.isEmpty()) {
            violations.add(new Violation("note", "Say why the idea moves."));
        }
        violations.addAll(TextLimits.violations("note", note));
        if (newOwner == null || !violations.isEmpty()) {
            throw new InvalidRequestException(violations);
        }
        Instant dueBy = clock.instant().plus(properties.deadlines().forCategory(idea.category()));
        IdeaReassigned reassigned = idea.reassign(new Owner(newOwner.id(), newOwner.name()), note, dueBy, by.id(), clock);
        store.save(idea);
        dashboard.record(idea, reassigned);
        relay.relay(idea);
        return idea;
    }

    /**
     * The owner of a duplicate merges it into an earlier idea she owns too (an administrator merges any
     * two): the duplicate's submitters join the
     * original (so they hear its outcome) and the duplicate becomes {@code MERGED}, announcing
     * {@code IdeaMergedAsDuplicate} to its submitters.
     * <p>
     * These are two documents and there are no transactions, so the order is what makes it safe. First
     * the submitters are added to the original with {@code $addToSet} — idempotent, so repeating it
     * adds nobody twice, and it bumps the original's version so no save from an older read can drop
     * them. Only then is the duplicate moved to {@code MERGED}, guarded by its version. If the router
     * stops between the steps, the duplicate is still undecided in its owner's queue (and chased by the
     * deadline watchdog); merging again repeats the harmless first step and completes the second. The
     * worst case is submitters who follow the original while their duplicate is still open — they hear
     * more, never less. The other order could leave a duplicate announced as merged whose submitters
     * never joined the original and so would never hear its outcome.
     */
    public Idea merge(UUID id, MergeRequest request, Person by) {
        List<Violation> tooLong = TextLimits.violations("note", request.note());
        if (!tooLong.isEmpty()) {
            throw new InvalidRequestException(tooLong);
        }
        Idea duplicate = load(id);
        boolean administers = by.hasRole(Role.ADMIN);
        if (!administers && !duplicate.isOwnedBy(by.id())) {
            throw new IdeaAccessDeniedException(id, "merge");
        }
        UUID originalId = request.originalId();
        Idea original = originalId == null ? null : store.find(originalId).orElse(null);
        if (original != null && !administers && !original.isOwnedBy(by.id())) {
            // merging makes the duplicate's submitters readers of the original: only its owner may
            throw new IdeaAccessDeniedException(original.id(), "merge into");
        }
        if (originalId == null || original == null || original.state() == IdeaState.MERGED || originalId.equals(id)) {
            throw new InvalidRequestException(List.of(new Violation("originalId",
                    "Name another idea that was not merged itself.")));
        }
        if (!duplicate.canMergeInto(originalId)) {
            throw new IllegalTransitionException(id, duplicate.state(), IdeaAction.MERGE);
        }
        if (!store.addSubmitters(originalId, duplicate.submitters())) {
            throw new InvalidRequestException(List.of(new Violation("originalId",
                    "The original idea was merged into another one meanwhile.")));
        }
        IdeaMergedAsDuplicate merged = duplicate.mergeInto(originalId, original.title(), request.note(), by.id(), clock);
        store.save(duplicate);
        LOG.info("Idea {} merged into {}", id, originalId);
        dashboard.record(duplicate, merged);
        relay.relay(duplicate);
        return duplicate;
    }

    private Idea loadOwned(UUID id, Person owner, String what) {
        Idea idea = load(id);
        if (!idea.isOwnedBy(owner.id())) {
            throw new IdeaAccessDeniedException(id, what);
        }
        return idea;
    }

    private Idea load(UUID id) {
        return store.find(id).orElseThrow(() -> new IdeaNotFoundException(id));
    }
}
