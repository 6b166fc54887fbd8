package org.suggestionbox.router.queue;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.suggestionbox.router.decision.DecisionService;
import org.suggestionbox.router.decision.IdeaView;
import org.suggestionbox.router.idea.IdeaState;
import org.suggestionbox.router.storage.IdeaStore;

/** The owner queue and the employee's own ideas. */
@Service
class QueueService {

    private static final Comparator<QueueItem> UNDECIDED_FIRST_BY_DEADLINE = Comparator
            .comparing((QueueItem item) -> !item.state().isUndecided())
            .thenComparing(QueueItem::answerDueBy, Comparator.nullsLast(Comparator.naturalOrder()));

    private final IdeaStore store;
    private final DecisionService decisions;
    private final Clock clock;

    QueueService(IdeaStore store, DecisionService decisions, Clock clock) {
        this.store = store;
        this.decisions = decisions;
        this.clock = clock;
    }

    /** The owner's open ideas: undecided first, then by answer deadline; optionally one state or category. */
    List<QueueItem> queue(String ownerId, @Nullable IdeaState state, @Nullable String category) {
        Set<IdeaState> states = state == null ? IdeaState.OPEN : Set.of(state);
        Instant now = clock.instant();
        return store.findOwnedBy(ownerId, states).stream()
                .filter(idea -> category == null || category.isBlank() || idea.category().equalsIgnoreCase(category))
                .map(idea -> QueueItem.of(idea, now))
                .sorted(UNDECIDED_FIRST_BY_DEADLINE)
                .toList();
    }

    /** The ideas the person submitted or co-submitted under their name, newest first, with their timelines. */
    List<IdeaView> myIdeas(String personId) {
        return store.findSubmittedBy(personId).stream()
                .filter(idea -> !idea.isAnonymous())
                .map(decisions::view)
                .toList();
    }
}
