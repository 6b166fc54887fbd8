package org.suggestionbox.router.queue;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.suggestionbox.platform.web.Cursor;
import org.suggestionbox.platform.web.CursorPage;
import org.suggestionbox.platform.web.InvalidPageRequestException;
import org.suggestionbox.platform.web.PageRequest;
import org.suggestionbox.router.idea.Idea;
import org.suggestionbox.router.idea.IdeaState;
import org.suggestionbox.router.idea.TextLimits;
import org.suggestionbox.router.storage.IdeaStore;
import org.suggestionbox.router.web.IdeaView;
import org.suggestionbox.router.web.IdeaViews;
import org.suggestionbox.router.web.InvalidRequestException;

/** The owner queue and the employee's own ideas, a page at a time. */
@Service
class QueueService {

    private static final String UNDECIDED = "U";

    private static final String DECIDED = "D";

    private static final String BY_SUPPORT = "S";

    private final IdeaStore store;
    private final IdeaViews views;
    private final Clock clock;

    QueueService(IdeaStore store, IdeaViews views, Clock clock) {
        this.store = store;
        this.views = views;
        this.clock = clock;
    }

    /**
     * The owner's open ideas: undecided first, then by answer deadline (none last), then by id;
     * optionally one state or category. Each group is read through the {@code owner_queue} index,
     * at most {@code limit + 1} ideas in all.
     */
    CursorPage<QueueItem> queue(
            String ownerId, @Nullable IdeaState state, @Nullable String category, PageRequest page) {
        return queue(ownerId, state, category, QueueSort.DEADLINE, page);
    }

    /**
     * The owner's open ideas ordered by {@code sort}: {@link QueueSort#SUPPORT} lists the most supported
     * first (then by id), read through the {@code owner_support} index. A {@code category} of more than
     * {@link TextLimits#FILTER_NAME} characters is refused with {@link InvalidRequestException} before any read,
     * as the wall refuses its filters.
     */
    CursorPage<QueueItem> queue(
            String ownerId,
            @Nullable IdeaState state,
            @Nullable String category,
            @Nullable QueueSort sort,
            PageRequest page) {
        TextLimits.tooLongName("category", category).ifPresent(tooLong -> {
            throw new InvalidRequestException(List.of(tooLong));
        });
        Set<IdeaState> states = state == null ? IdeaState.OPEN : Set.of(state);
        if (sort == QueueSort.SUPPORT) {
            return bySupport(ownerId, states, category, page);
        }
        Set<IdeaState> undecided = EnumSet.noneOf(IdeaState.class);
        Set<IdeaState> decided = EnumSet.noneOf(IdeaState.class);
        states.forEach(each -> (each.isUndecided() ? undecided : decided).add(each));
        Cursor cursor = page.decodedCursor(3);
        String group = cursor == null ? UNDECIDED : cursor.part(0);
        if (!UNDECIDED.equals(group) && !DECIDED.equals(group)) {
            throw InvalidPageRequestException.cursor();
        }
        Instant afterDueBy = cursor == null || cursor.part(1).isEmpty() ? null : cursor.instantPart(1);
        UUID afterId = cursor == null ? null : cursor.uuidPart(2);
        List<Idea> rows = new ArrayList<>();
        if (UNDECIDED.equals(group)) {
            rows.addAll(store.findOwnedPage(ownerId, undecided, category, afterDueBy, afterId, page.readLimit()));
            afterDueBy = null;
            afterId = null;
        }
        if (rows.size() < page.readLimit()) {
            rows.addAll(store.findOwnedPage(
                    ownerId, decided, category, afterDueBy, afterId, page.readLimit() - rows.size()));
        }
        Instant now = clock.instant();
        return CursorPage.of(rows, page, QueueService::queueCursor).map(idea -> QueueItem.of(idea, now));
    }

    private CursorPage<QueueItem> bySupport(
            String ownerId, Set<IdeaState> states, @Nullable String category, PageRequest page) {
        Cursor cursor = page.decodedCursor(3);
        if (cursor != null && !BY_SUPPORT.equals(cursor.part(0))) {
            throw InvalidPageRequestException.cursor();
        }
        Integer afterCount = cursor == null || cursor.part(1).isEmpty() ? null : count(cursor.part(1));
        UUID afterId = cursor == null ? null : cursor.uuidPart(2);
        List<Idea> rows = store.findOwnedBySupport(ownerId, states, category, afterCount, afterId, page.readLimit());
        Instant now = clock.instant();
        return CursorPage.of(
                        rows,
                        page,
                        idea -> Cursor.of(
                                BY_SUPPORT,
                                String.valueOf(idea.audience().supportCount()),
                                idea.id().toString()))
                .map(idea -> QueueItem.of(idea, now));
    }

    private static int count(String value) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException ex) {
            throw InvalidPageRequestException.cursor();
        }
    }

    private static Cursor queueCursor(Idea idea) {
        Instant dueBy = idea.answerDueBy();
        return Cursor.of(
                idea.state().isUndecided() ? UNDECIDED : DECIDED,
                dueBy == null ? "" : dueBy.toString(),
                idea.id().toString());
    }

    /**
     * The ideas the person submitted or co-submitted under their name, newest first, with their
     * timelines. Ideas with an anonymous submitter are skipped; reads go on in bounded batches until
     * the page is full or the ideas run out.
     */
    CursorPage<IdeaView> myIdeas(String personId, PageRequest page) {
        Cursor cursor = page.decodedCursor(2);
        Instant after = cursor == null ? null : cursor.instantPart(0);
        UUID afterId = cursor == null ? null : cursor.uuidPart(1);
        List<Idea> shown = new ArrayList<>();
        while (shown.size() < page.readLimit()) {
            List<Idea> batch = store.findSubmittedPage(personId, after, afterId, page.readLimit());
            batch.stream().filter(idea -> !idea.isAnonymous()).forEach(shown::add);
            if (batch.size() < page.readLimit()) {
                break;
            }
            Idea last = batch.getLast();
            after = last.submittedAt();
            afterId = last.id().value();
        }
        List<Idea> rows = shown.size() > page.readLimit() ? shown.subList(0, page.readLimit()) : shown;
        return CursorPage.of(
                        rows,
                        page,
                        idea -> Cursor.of(
                                idea.submittedAt().toString(), idea.id().toString()))
                .map(views::view);
    }
}
