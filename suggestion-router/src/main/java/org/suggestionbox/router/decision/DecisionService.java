package org.suggestionbox.router.decision;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.suggestionbox.platform.directory.Directory;
import org.suggestionbox.platform.directory.Person;
import org.suggestionbox.platform.directory.Role;
import org.suggestionbox.router.config.ImpactProperties;
import org.suggestionbox.router.config.RouterProperties;
import org.suggestionbox.router.idea.Decision;
import org.suggestionbox.router.idea.Idea;
import org.suggestionbox.router.idea.IdeaAction;
import org.suggestionbox.router.idea.IdeaActionRefused;
import org.suggestionbox.router.idea.IdeaId;
import org.suggestionbox.router.idea.IdeaState;
import org.suggestionbox.router.idea.ImpactRules;
import org.suggestionbox.router.idea.Owner;
import org.suggestionbox.router.idea.TextLimits;
import org.suggestionbox.router.idea.Viewer;
import org.suggestionbox.router.idea.Violation;
import org.suggestionbox.router.lifecycle.Ideas;

/**
 * What owners do with an idea: decide, report progress, hand it on, merge it as a duplicate. Each
 * action checks who is asking and what only the application knows (the directory, the other idea of
 * a merge); the aggregate checks everything else, and {@link Ideas} saves, projects and relays.
 */
@Service
public class DecisionService {

    private static final Logger LOG = LoggerFactory.getLogger(DecisionService.class);

    private final Ideas ideas;
    private final Directory directory;
    private final RouterProperties properties;
    private final ImpactProperties impact;
    private final Clock clock;
    private final MeterRegistry registry;

    DecisionService(
            Ideas ideas,
            Directory directory,
            RouterProperties properties,
            ImpactProperties impact,
            Clock clock,
            MeterRegistry registry) {
        this.ideas = ideas;
        this.directory = directory;
        this.properties = properties;
        this.impact = impact;
        this.clock = clock;
        this.registry = registry;
    }

    /**
     * The idea, if {@code reader} may see it ({@link Idea#visibleTo}): its submitters, owner, watchers
     * and supporters, leaders and administrators always; colleagues when it is company-wide.
     */
    public Idea read(IdeaId id, Person reader) {
        Idea idea = ideas.load(id);
        if (!mayRead(idea, reader)) {
            throw new IdeaAccessDeniedException(id, "see");
        }
        return idea;
    }

    /** Whether {@code reader} may see {@code idea}. */
    public static boolean mayRead(Idea idea, Person reader) {
        return idea.visibleTo(viewer(reader));
    }

    /** {@code person} as the aggregate sees a reader. */
    public static Viewer viewer(Person person) {
        return new Viewer(person.id(), readsEverything(person));
    }

    /**
     * Whether {@code by} may merge {@code duplicate} into {@code original}: another idea, not merged itself,
     * that {@code by} owns or, as an administrator, may merge into; the same rules {@link #merge} applies.
     */
    public static boolean mayMergeInto(Idea duplicate, Idea original, Person by) {
        return !original.id().equals(duplicate.id())
                && original.state() != IdeaState.MERGED
                && (original.isOwnedBy(by.id()) || by.hasRole(Role.ADMIN));
    }

    /** Leaders and administrators read every idea. */
    public static boolean readsEverything(Person reader) {
        return reader.hasRole(Role.LEADER) || reader.hasRole(Role.ADMIN);
    }

    /** The current owner decides: explore or decline, each with what it needs. */
    public Idea decide(IdeaId id, DecisionRequest request, Person owner) {
        Idea idea = loadOwned(id, owner, "decide");
        ideas.change(
                idea,
                decided -> decided.decide(
                        request.outcome(),
                        request.reasonCode(),
                        request.explanation(),
                        request.nextStep(),
                        request.expectedBy(),
                        owner.id(),
                        clock));
        Decision decision = java.util.Objects.requireNonNull(idea.decision());
        registry.counter(
                        "ideas.decided",
                        "outcome",
                        decision.outcome().name(),
                        "reason",
                        decision.reasonCode() == null
                                ? "NONE"
                                : decision.reasonCode().name())
                .increment();
        LOG.info("Idea {} decided: {}", id, decision.outcome());
        return idea;
    }

    /** The current owner picked the idea up: it shows as under review. */
    public Idea startReview(IdeaId id, Person owner) {
        return ideas.change(loadOwned(id, owner, "review"), reviewed -> {
            reviewed.startReview(owner.id(), clock);
            return reviewed;
        });
    }

    /** The owners an idea can be handed to, apart from its current owner. */
    public List<Person> otherOwners(Idea idea) {
        return directory.all().stream()
                .filter(person -> person.hasRole(Role.OWNER) && !idea.isOwnedBy(person.id()))
                .sorted(Comparator.comparing(Person::name))
                .toList();
    }

    /** The current owner reports progress on an explored idea; an implementation with its impact. */
    public Idea changeStatus(IdeaId id, StatusRequest request, Person owner) {
        return ideas.change(loadOwned(id, owner, "update"), changed -> {
            changed.changeProgress(
                    request.status(),
                    request.note(),
                    request.impact(),
                    request.thankYouNote(),
                    impact.rules(),
                    owner.id(),
                    clock);
            return changed;
        });
    }

    /** The benefit units and impact checks as configured. */
    public ImpactRules impactRules() {
        return impact.rules();
    }

    /**
     * The owner of an implemented idea, or a leader, records the benefit it measurably brought. Every
     * measurement is kept; the dashboard counts the latest.
     */
    public Idea recordImpact(IdeaId id, ImpactRequest request, Person by) {
        Idea idea = ideas.load(id);
        if (!mayRecordImpact(idea, by)) {
            throw new IdeaAccessDeniedException(id, "record the impact of");
        }
        ideas.change(
                idea,
                measured -> measured.recordImpact(
                        request.draft(), request.checkpointDays(), impact.rules(), by.id(), clock));
        LOG.info("Idea {}: measured impact recorded", id);
        return idea;
    }

    /** Whether {@code person} may record the measured impact of {@code idea}: its owner or a leader. */
    public static boolean mayRecordImpact(Idea idea, Person person) {
        return idea.isOwnedBy(person.id()) || person.hasRole(Role.LEADER);
    }

    /** The current owner (or an administrator) hands an undecided idea to another owner; the deadline moves. */
    public Idea reassign(IdeaId id, ReassignRequest request, Person by) {
        Idea idea = ideas.load(id);
        if (!idea.isOwnedBy(by.id()) && !by.hasRole(Role.ADMIN)) {
            throw new IdeaAccessDeniedException(id, "reassign");
        }
        @Nullable
        Person newOwner = request.ownerId() == null
                ? null
                : directory
                        .find(request.ownerId())
                        .filter(person -> person.hasRole(Role.OWNER))
                        .orElse(null);
        if (newOwner == null) {
            List<Violation> violations = new java.util.ArrayList<>();
            violations.add(new Violation("ownerId", "Name an owner from the directory."));
            if (request.note() == null || request.note().isBlank()) {
                violations.add(new Violation("note", "Say why the idea moves."));
            }
            violations.addAll(TextLimits.violations("note", request.note()));
            throw IdeaActionRefused.incomplete(id, idea.state(), IdeaAction.REASSIGN, violations);
        }
        Instant dueBy = clock.instant().plus(properties.deadlines().forCategory(idea.category()));
        return ideas.change(idea, reassigned -> {
            reassigned.reassign(new Owner(newOwner.id(), newOwner.name()), request.note(), dueBy, by.id(), clock);
            return reassigned;
        });
    }

    /**
     * The owner of a duplicate merges it into an earlier idea she owns too (an administrator merges any
     * two): the duplicate's submitters join the original (so they hear its outcome) and the duplicate
     * becomes {@code MERGED}, announcing {@code IdeaMergedAsDuplicate} to its submitters.
     * <p>
     * The original keeps at most {@link Idea#MAX_SUBMITTERS} submitters: a duplicate whose submitters would take
     * it over is refused (400, {@code submitters}) and nothing changes.
     * <p>
     * These are two documents and there are no transactions, so the order is what makes it safe. First
     * the submitters are added to the original with {@code $addToSet} — idempotent, so repeating it
     * adds nobody twice, and it bumps the original's version so no save from an older read can drop
     * them. Only then is the duplicate moved to {@code MERGED}, guarded by its version. If the router
     * stops between the steps, the duplicate is still undecided in its owner's queue (and chased by the
     * deadline watchdog); merging again repeats the harmless first step and completes the second. The
     * worst case is submitters who follow the original while their duplicate is still open — they hear
     * more, never less. The duplicate's supporters follow the original the same way, between the two
     * steps, idempotently ({@link Idea#adoptSupporters}). The other order could leave a duplicate announced as merged whose submitters
     * never joined the original and so would never hear its outcome.
     */
    public Idea merge(IdeaId id, MergeRequest request, Person by) {
        Idea duplicate = ideas.load(id);
        boolean administers = by.hasRole(Role.ADMIN);
        if (!administers && !duplicate.isOwnedBy(by.id())) {
            throw new IdeaAccessDeniedException(id, "merge");
        }
        UUID originalUuid = request.originalId();
        IdeaId originalId = originalUuid == null ? null : new IdeaId(originalUuid);
        Idea original = originalId == null ? null : ideas.find(originalId).orElse(null);
        if (original != null && !administers && !original.isOwnedBy(by.id())) {
            // merging makes the duplicate's submitters readers of the original: only its owner may
            throw new IdeaAccessDeniedException(original.id(), "merge into");
        }
        if (originalId == null || original == null || original.state() == IdeaState.MERGED) {
            throw notAnOriginal(duplicate, "Name another idea that was not merged itself.");
        }
        duplicate.requireMergeableInto(original, request.note());
        if (!ideas.addSubmitters(originalId, original.submittersJoining(duplicate.submitters()))) {
            // merged into another meanwhile, or others joined it meanwhile and these no longer fit
            ideas.find(originalId)
                    .filter(now -> now.state() != IdeaState.MERGED)
                    .ifPresent(now -> duplicate.requireMergeableInto(now, request.note()));
            throw notAnOriginal(duplicate, "The original idea was merged into another one meanwhile.");
        }
        List<String> supporters = duplicate.audience().supporterIds();
        if (!supporters.isEmpty()) {
            // read again: adding the submitters moved its version on
            ideas.changeIf(ideas.load(originalId), adopting -> adopting.adoptSupporters(supporters));
        }
        ideas.change(
                duplicate, merged -> merged.mergeInto(originalId, original.title(), request.note(), by.id(), clock));
        LOG.info("Idea {} merged into {}", id, originalId);
        return duplicate;
    }

    private static IdeaActionRefused notAnOriginal(Idea duplicate, String message) {
        return IdeaActionRefused.incomplete(
                duplicate.id(), duplicate.state(), IdeaAction.MERGE, List.of(new Violation("originalId", message)));
    }

    private Idea loadOwned(IdeaId id, Person owner, String what) {
        Idea idea = ideas.load(id);
        if (!idea.isOwnedBy(owner.id())) {
            throw new IdeaAccessDeniedException(id, what);
        }
        return idea;
    }
}
