package org.suggestionbox.router.wall;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.suggestionbox.events.Impact;
import org.suggestionbox.events.ProgressStatus;
import org.suggestionbox.platform.directory.Directory;
import org.suggestionbox.platform.directory.Person;
import org.suggestionbox.platform.web.Cursor;
import org.suggestionbox.platform.web.CursorPage;
import org.suggestionbox.platform.web.PageRequest;
import org.suggestionbox.platform.web.PlatformLinks;
import org.suggestionbox.router.decision.DecisionService;
import org.suggestionbox.router.decision.IdeaAccessDeniedException;
import org.suggestionbox.router.idea.Decision;
import org.suggestionbox.router.idea.Idea;
import org.suggestionbox.router.idea.IdeaAction;
import org.suggestionbox.router.idea.IdeaId;
import org.suggestionbox.router.idea.IdeaState;
import org.suggestionbox.router.idea.Implementation;
import org.suggestionbox.router.idea.Measurement;
import org.suggestionbox.router.idea.Owner;
import org.suggestionbox.router.idea.Progress;
import org.suggestionbox.router.idea.Viewer;
import org.suggestionbox.router.lifecycle.Ideas;
import org.suggestionbox.router.similar.SimilarIdeas;
import org.suggestionbox.router.storage.IdeaStore;
import org.suggestionbox.router.web.IdeaView.PersonRef;

/**
 * The wall's reads and "me too". Who may see what is the aggregate's rule ({@link Idea#visibleTo}),
 * applied by the store in the query itself; a search's hits are only ids, filtered the same way, so
 * neither a page nor its length can tell of an idea the reader may not see.
 */
@Service
class WallService {

    /** How many best matches of a search are listed (newest first). */
    static final int SEARCH_HITS = 500;
    /** How many similar open ideas are offered while someone types. */
    static final int SIMILAR_SHOWN = 5;
    /** How many nearest ideas are looked at to find {@link #SIMILAR_SHOWN} open ones the person may see. */
    private static final int SIMILAR_CANDIDATES = 50;
    /** At most this many characters of a draft are compared. */
    static final int MAX_DRAFT = 5_000;

    private static final int EXCERPT = 280;
    /** How often a "me too" is tried again when someone changed the idea at the same moment. */
    private static final int ATTEMPTS = 3;

    private final IdeaStore store;
    private final Ideas ideas;
    private final SimilarIdeas similar;
    private final Directory directory;
    private final PlatformLinks links;

    WallService(IdeaStore store, Ideas ideas, SimilarIdeas similar, Directory directory, PlatformLinks links) {
        this.store = store;
        this.ideas = ideas;
        this.similar = similar;
        this.directory = directory;
        this.links = links;
    }

    /** A page of the ideas {@code reader} may see that match {@code query}, newest first. */
    CursorPage<WallItem> wall(Person reader, WallQuery query, PageRequest page) {
        Viewer viewer = DecisionService.viewer(reader);
        Cursor cursor = page.decodedCursor(2);
        Instant after = cursor == null ? null : cursor.instantPart(0);
        UUID afterId = cursor == null ? null : cursor.uuidPart(1);
        List<UUID> hits = query.query() == null ? null : similar.search(query.query(), SEARCH_HITS);
        List<Idea> rows = hits != null && hits.isEmpty()
                ? List.of()
                : store.findVisiblePage(
                        viewer,
                        new IdeaStore.WallFilter(query.effectiveState(), query.category(), query.department(), hits),
                        after,
                        afterId,
                        page.readLimit());
        return CursorPage.of(
                        rows,
                        page,
                        // the time the wall sorts by is the one it shows: an anonymous idea's day, never its instant
                        idea -> Cursor.of(
                                idea.shownSubmittedAt().toString(), idea.id().toString()))
                .map(idea -> item(idea, viewer));
    }

    /**
     * Up to {@value #SIMILAR_SHOWN} open ideas {@code reader} may see whose text is nearest to
     * {@code draft}. The draft is compared in memory and not kept or logged.
     */
    List<SimilarOpenIdea> similarOpen(Person reader, String draft) {
        Viewer viewer = DecisionService.viewer(reader);
        List<UUID> nearest = similar.similarToText(draft, SIMILAR_CANDIDATES);
        Map<UUID, Idea> found = store.findAll(nearest).stream()
                .collect(Collectors.toMap(idea -> idea.id().value(), Function.identity()));
        List<SimilarOpenIdea> shown = new ArrayList<>();
        for (UUID id : new LinkedHashSet<>(nearest)) {
            Idea idea = found.get(id);
            if (idea != null && IdeaState.OPEN.contains(idea.state()) && idea.visibleTo(viewer)) {
                shown.add(new SimilarOpenIdea(
                        id,
                        idea.title(),
                        idea.state(),
                        idea.audience().supportCount(),
                        links.router() + "/ideas/" + id));
                if (shown.size() == SIMILAR_SHOWN) {
                    break;
                }
            }
        }
        return shown;
    }

    /** {@code person} says "me too"; returns the idea as it is now. */
    Idea support(IdeaId id, Person person) {
        Viewer viewer = DecisionService.viewer(person);
        return withRetry(id, person, idea -> {
            ideas.changeIf(idea, supported -> supported.support(viewer));
            return idea;
        });
    }

    /** {@code person} takes their "me too" back; returns the idea as it is now. */
    Idea withdraw(IdeaId id, Person person) {
        return withRetry(id, person, idea -> {
            ideas.changeIf(idea, withdrawn -> withdrawn.withdrawSupport(person.id()));
            return idea;
        });
    }

    /**
     * A co-submitter agrees to be named to colleagues (when the idea is named at all); idempotent.
     * Refused by the aggregate for anyone else.
     */
    void agreeToBeNamed(IdeaId id, Person person) {
        withRetry(id, person, idea -> {
            ideas.changeIf(idea, named -> named.agreeToBeNamed(person.id()));
            return idea;
        });
    }

    /** Support is idempotent, so a change that lost a race is simply done again on a fresh read. */
    private Idea withRetry(IdeaId id, Person person, Function<Idea, Idea> change) {
        for (int attempt = 1; ; attempt++) {
            Idea idea = ideas.load(id);
            if (!DecisionService.mayRead(idea, person)) {
                throw new IdeaAccessDeniedException(id, "change the audience of");
            }
            try {
                return change.apply(idea);
            } catch (OptimisticLockingFailureException ex) {
                if (attempt == ATTEMPTS) {
                    throw ex;
                }
            }
        }
    }

    WallItem item(Idea idea, Viewer viewer) {
        List<PersonRef> named = idea.namesVisibleTo(viewer).stream()
                .map(id ->
                        new PersonRef(id, directory.find(id).map(Person::name).orElse(id)))
                .toList();
        Owner owner = idea.owner();
        Decision decision = idea.decision();
        Progress progress = idea.progress();
        String description = idea.description();
        String excerpt = description.codePointCount(0, description.length()) <= EXCERPT
                ? description
                : description.substring(0, description.offsetByCodePoints(0, EXCERPT)) + "…";
        return new WallItem(
                idea.id().value(),
                idea.title(),
                excerpt,
                idea.category(),
                idea.state(),
                idea.audience().visibility(),
                idea.shownSubmittedAt(),
                idea.isAnonymous(),
                named,
                owner == null ? null : owner.name(),
                decision == null
                        ? null
                        : new WallItem.DecisionSummary(
                                decision.outcome(),
                                decision.reasonCode(),
                                decision.explanation(),
                                decision.nextStep(),
                                decision.expectedBy()),
                progress == null ? null : progress.status(),
                progress == null ? null : progress.note(),
                impactOf(progress),
                idea.audience().supportCount(),
                idea.audience().isSupportedBy(viewer.personId()),
                idea.state().allows(IdeaAction.SUPPORT)
                        && !idea.isSubmittedBy(viewer.personId())
                        && !idea.isOwnedBy(viewer.personId()));
    }

    /** What an implemented idea changed: its latest measured benefit, else the benefit estimated when implemented. */
    private static @Nullable Impact impactOf(@Nullable Progress progress) {
        Implementation implementation =
                progress == null || progress.status() != ProgressStatus.IMPLEMENTED ? null : progress.implementation();
        if (implementation == null) {
            return null;
        }
        Measurement latest = implementation.latest();
        return latest == null ? implementation.estimated() : latest.measured();
    }
}
