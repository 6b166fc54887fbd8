package org.suggestionbox.router.support;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.suggestionbox.events.Submitter;
import org.suggestionbox.router.idea.Idea;
import org.suggestionbox.router.idea.Owner;
import org.suggestionbox.router.idea.RoutedBecause;

/** Ideas in a given state, built through the domain, for tests that store them directly. */
public final class TestIdeas {

    private TestIdeas() {}

    /**
     * piotr's idea in "operations", assigned to jan by the {@code ops-owner} rule at {@code at}, due 14 days later:
     * its outbox holds the {@code IdeaAssigned}.
     */
    public static Idea assignedToJan(UUID ideaId, String title, Instant at) {
        Idea idea = Idea.submit(TestEvents.submitted(ideaId, "operations", Submitter.person("piotr"), title));
        idea.assign(
                new Owner("jan", "Jan Kowalski"),
                "ops-owner",
                RoutedBecause.toOwner(
                        "ops-owner",
                        List.of(new RoutedBecause.Match(RoutedBecause.Criterion.CATEGORY, "operations")),
                        "Jan Kowalski"),
                at.plus(Duration.ofDays(14)),
                Clock.fixed(at, ZoneOffset.UTC));
        return idea;
    }
}
