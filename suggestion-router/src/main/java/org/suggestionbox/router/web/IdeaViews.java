package org.suggestionbox.router.web;

import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.suggestionbox.platform.directory.Directory;
import org.suggestionbox.platform.directory.Person;
import org.suggestionbox.router.decision.DecisionService;
import org.suggestionbox.router.idea.Idea;
import org.suggestionbox.router.idea.IdeaId;
import org.suggestionbox.router.lifecycle.Ideas;
import org.suggestionbox.router.similar.SimilarIdea;
import org.suggestionbox.router.similar.SimilarIdeas;

/** Turns ideas into what the API and the pages show: {@link IdeaView}s, with similar ideas for those who decide. */
@Component
public class IdeaViews {

    private static final int SIMILAR_SHOWN = 3;
    /** How many nearest ideas are looked at to find {@link #SIMILAR_SHOWN} a reader may read. */
    private static final int SIMILAR_CANDIDATES = 20;
    /** How many ideas the merge picker offers. */
    private static final int MERGE_CANDIDATES = 8;

    private final Ideas ideas;
    private final SimilarIdeas similar;
    private final Directory directory;
    private final Clock clock;

    IdeaViews(Ideas ideas, SimilarIdeas similar, Directory directory, Clock clock) {
        this.ideas = ideas;
        this.similar = similar;
        this.directory = directory;
        this.clock = clock;
    }

    public IdeaView view(Idea idea) {
        return IdeaView.of(idea, directory, clock.instant());
    }

    /**
     * The idea as {@code reader} sees it: its owner, leaders and administrators also get similar ideas,
     * only those {@code reader} may read herself (a title is content too).
     */
    public IdeaView view(Idea idea, Person reader) {
        boolean decides = idea.isOwnedBy(reader.id()) || DecisionService.readsEverything(reader);
        return IdeaView.of(
                idea,
                directory,
                clock.instant(),
                decides ? similarReadableBy(idea, reader) : null,
                DecisionService.viewer(reader));
    }

    /**
     * The ideas {@code reader} may merge {@code idea} into, for the merge picker: those like the words she
     * typed in its search box, or else the idea's similar ones; never more than {@link #MERGE_CANDIDATES}.
     */
    public List<MergeCandidate> mergeCandidates(Idea idea, Person reader, @Nullable String words) {
        List<UUID> nearest = words == null || words.isBlank()
                ? similar.similarTo(idea, SIMILAR_CANDIDATES).stream()
                        .map(SimilarIdea::id)
                        .toList()
                : similar.search(words, SIMILAR_CANDIDATES);
        return nearest.stream()
                .flatMap(id -> ideas.find(new IdeaId(id)).stream())
                .filter(original -> DecisionService.mayMergeInto(idea, original, reader))
                .map(original -> new MergeCandidate(original.id().value(), original.title()))
                .limit(MERGE_CANDIDATES)
                .toList();
    }

    /** An idea the merge picker offers as the original. */
    public record MergeCandidate(UUID id, String title) {}

    private List<SimilarIdea> similarReadableBy(Idea idea, Person reader) {
        if (DecisionService.readsEverything(reader)) {
            return similar.similarTo(idea, SIMILAR_SHOWN);
        }
        return similar.similarTo(idea, SIMILAR_CANDIDATES).stream()
                .filter(candidate -> ideas.find(new org.suggestionbox.router.idea.IdeaId(candidate.id()))
                        .map(found -> DecisionService.mayRead(found, reader))
                        .orElse(false))
                .limit(SIMILAR_SHOWN)
                .toList();
    }
}
