package org.suggestionbox.router.lifecycle;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.suggestionbox.events.IdeaLifecycleEvent;
import org.suggestionbox.events.Submitter;
import org.suggestionbox.router.dashboard.BacklogEntry;
import org.suggestionbox.router.dashboard.DashboardRecorder;
import org.suggestionbox.router.idea.Idea;
import org.suggestionbox.router.idea.IdeaId;
import org.suggestionbox.router.outbox.OutboxRelay;
import org.suggestionbox.router.similar.SimilarIdeas;
import org.suggestionbox.router.storage.IdeaStore;

/**
 * The ideas, and the one way to change one: load → act → save → project → relay.
 * <ol>
 * <li>the caller's action runs on the aggregate, which refuses what is not allowed
 * ({@link org.suggestionbox.router.idea.IdeaActionRefused}) and records the events it causes in its outbox;
 * <li>the whole idea is saved in one document write guarded by the version it was read at, so a
 * concurrent change fails with {@link org.springframework.dao.OptimisticLockingFailureException} and
 * nothing of this change is kept;
 * <li>each event the action caused updates the dashboard's roll-ups (idempotent by event id, never
 * failing the caller), and the owners' backlog roll-up moves by the difference the write made; a new
 * idea's text goes into the similar-ideas index;
 * <li>the outbox is relayed to Kafka in the background; what fails there the sweep retries.
 * </ol>
 * State and events are one write, so no event is lost and none is sent for a change that was not
 * stored.
 */
@Component
public class Ideas {

    private static final Logger LOG = LoggerFactory.getLogger(Ideas.class);

    private final IdeaStore store;
    private final DashboardRecorder dashboard;
    private final SimilarIdeas similar;
    private final OutboxRelay relay;

    Ideas(IdeaStore store, DashboardRecorder dashboard, SimilarIdeas similar, OutboxRelay relay) {
        this.store = store;
        this.dashboard = dashboard;
        this.similar = similar;
        this.relay = relay;
    }

    public Optional<Idea> find(IdeaId id) {
        return store.find(id);
    }

    /** The idea; throws {@link IdeaNotFoundException} when there is none. */
    public Idea load(IdeaId id) {
        return store.find(id).orElseThrow(() -> new IdeaNotFoundException(id));
    }

    /**
     * Stores a new idea with the events its first steps caused, then projects them (and its text into the
     * similar-ideas index, before its first event leaves) and relays them. Returns
     * false, changing nothing, when an idea with that id exists already (a redelivered submission).
     */
    public boolean create(Idea idea) {
        return !createAll(List.of(idea)).isEmpty();
    }

    /**
     * {@link #create} for a batch of new ideas, with one write per collection instead of several per
     * idea: one unordered bulk insert (an id that exists already, or comes twice, counts as already
     * seen), the roll-ups of all of them in one bulk write, their text into the similar-ideas index, and
     * one relay of all their events. Returns the ideas it created, in order.
     * <p>
     * When the insert stores some ideas and fails for others, the stored ones are still projected and
     * relayed before the failure is thrown: a retry finds them known and skips them, so this is their
     * only chance to reach the roll-ups and the index.
     */
    public List<Idea> createAll(List<Idea> candidates) {
        List<Idea> created;
        try {
            created = store.insertAll(candidates);
        } catch (IdeaStore.PartlyInsertedException ex) {
            project(ex.inserted());
            throw ex;
        }
        if (created.size() < candidates.size()) {
            LOG.debug(
                    "{} of {} ideas are known already; not created again",
                    candidates.size() - created.size(),
                    candidates.size());
        }
        project(created);
        return created;
    }

    private void project(List<Idea> created) {
        if (created.isEmpty()) {
            return;
        }
        similar.addAll(created);
        dashboard.recordCreated(created);
        relay.relayAll(created);
    }

    /**
     * Changes an idea the caller loaded (to check who asks, or found among candidates) by {@code action}
     * and returns what the action returned, e.g. the event it caused.
     */
    public <R> R change(Idea idea, Function<Idea, R> action) {
        int pending = idea.outbox().size();
        BacklogEntry backlog = BacklogEntry.of(idea);
        R result = action.apply(idea);
        save(idea, pending, backlog);
        return result;
    }

    /**
     * Changes an idea only if {@code action} says it changed it (returns true); otherwise nothing is
     * written. Returns what the action returned.
     */
    public boolean changeIf(Idea idea, Predicate<Idea> action) {
        int pending = idea.outbox().size();
        BacklogEntry backlog = BacklogEntry.of(idea);
        if (!action.test(idea)) {
            return false;
        }
        save(idea, pending, backlog);
        return true;
    }

    /**
     * Adds {@code submitters} to the idea {@code originalId}, each at most once, unless it was merged
     * itself or would then have more than {@link Idea#MAX_SUBMITTERS} — the first step of merging a duplicate
     * into it. Returns false when it cannot take them. Bumps its version, so no save from an older read drops
     * them.
     */
    public boolean addSubmitters(IdeaId originalId, List<Submitter> submitters) {
        return store.addSubmitters(originalId, submitters, Idea.MAX_SUBMITTERS);
    }

    private void save(Idea idea, int pendingBefore, @Nullable BacklogEntry backlogBefore) {
        store.save(idea);
        dashboard.backlogChanged(backlogBefore, BacklogEntry.of(idea));
        List<IdeaLifecycleEvent> outbox = idea.outbox();
        projectAndRelay(idea, outbox.subList(Math.min(pendingBefore, outbox.size()), outbox.size()));
    }

    private void projectAndRelay(Idea idea, List<IdeaLifecycleEvent> caused) {
        caused.forEach(event -> dashboard.record(idea, event));
        relay.relay(idea);
    }
}
