package org.suggestionbox.router.web;

import java.time.Clock;
import java.util.List;
import org.springframework.stereotype.Component;
import org.suggestionbox.platform.directory.Directory;
import org.suggestionbox.platform.directory.Person;
import org.suggestionbox.router.decision.DecisionService;
import org.suggestionbox.router.idea.Idea;
import org.suggestionbox.router.lifecycle.Ideas;
import org.suggestionbox.router.similar.SimilarIdea;
import org.suggestionbox.router.similar.SimilarIdeas;

/** Turns ideas into what the API and the pages show: {@link IdeaView}s, with similar ideas for those who decide. */
@Component
public class IdeaViews {

    private static final int SIMILAR_SHOWN = 3;
    /** How many nearest ideas are looked at to find {@link #SIMILAR_SHOWN} a reader may read. */
    private static final int SIMILAR_CANDIDATES = 20;

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
