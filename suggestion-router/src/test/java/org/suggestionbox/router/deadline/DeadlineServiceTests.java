package org.suggestionbox.router.deadline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.ArgumentMatchers.same;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Stream;
import org.bson.BsonMaximumSizeExceededException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import org.suggestionbox.events.AnswerEscalated;
import org.suggestionbox.platform.directory.Directory;
import org.suggestionbox.router.config.ImpactProperties;
import org.suggestionbox.router.idea.Idea;
import org.suggestionbox.router.lifecycle.Ideas;
import org.suggestionbox.router.storage.IdeaStore;
import org.suggestionbox.router.support.TestIdeas;
import org.suggestionbox.router.support.TestRouterProperties;

/**
 * One watchdog pass with a store that cannot save one idea: the others are still reminded and escalated; an outage
 * ends the pass.
 */
class DeadlineServiceTests {

    private static final Instant ASSIGNED_AT = Instant.parse("2026-03-02T09:00:00Z");
    /** A day after both ideas' deadline: both are overdue. */
    private static final Clock CLOCK = Clock.fixed(ASSIGNED_AT.plus(Duration.ofDays(15)), ZoneOffset.UTC);

    private final IdeaStore store = mock(IdeaStore.class);
    private final Ideas ideas = mock(Ideas.class);
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final DeadlineService deadlines = new DeadlineService(
            store,
            ideas,
            mock(Directory.class),
            TestRouterProperties.demo(),
            new ImpactProperties(List.of("hours-saved-per-month"), List.of(Duration.ofDays(30))),
            CLOCK,
            registry);

    @Test
    void anIdeaThatCannotBeSavedDoesNotStopTheEscalationOfTheIdeasAfterIt() {
        // given two overdue ideas, the first of which the store cannot save
        Idea broken = TestIdeas.assignedToJan(UUID.randomUUID(), "Cannot be saved", ASSIGNED_AT);
        Idea overdue = TestIdeas.assignedToJan(UUID.randomUUID(), "Overdue after it", ASSIGNED_AT);
        when(store.streamUndecidedDueBefore(any())).thenReturn(Stream.of(broken, overdue));
        when(store.streamImpactChecksDue(any(), anyList())).thenReturn(Stream.empty());
        when(ideas.change(same(broken), any()))
                .thenThrow(new BsonMaximumSizeExceededException(
                        "Payload document size is larger than maximum of 16793600."));
        when(ideas.change(same(overdue), any()))
                .thenAnswer(call -> call.<Function<Idea, ?>>getArgument(1).apply(overdue));

        // when
        int changed = deadlines.checkOnce();

        // then the idea after the broken one was escalated to triage (jan has no manager here)
        assertThat(changed).isEqualTo(1);
        assertThat(overdue.escalations()).isEqualTo(1);
        assertThat(overdue.watchers()).containsExactly("maya");
        assertThat(overdue.outbox()).last().isInstanceOf(AnswerEscalated.class);
        assertThat(registry.get("ideas.deadline.failed")
                        .tag("check", "DEADLINE")
                        .counter()
                        .count())
                .isEqualTo(1);
        assertThat(registry.get("ideas.deadline.breached").counter().count()).isEqualTo(1);
    }

    @Test
    void anOutageEndsThePassAtOnceInsteadOfBeingWaitedOutIdeaByIdea() {
        Idea first = TestIdeas.assignedToJan(UUID.randomUUID(), "First", ASSIGNED_AT);
        Idea second = TestIdeas.assignedToJan(UUID.randomUUID(), "Second", ASSIGNED_AT);
        when(store.streamUndecidedDueBefore(any())).thenReturn(Stream.of(first, second));
        when(store.streamImpactChecksDue(any(), anyList())).thenReturn(Stream.empty());
        when(ideas.change(any(), any())).thenThrow(new DataAccessResourceFailureException("MongoDB is away"));

        assertThatExceptionOfType(DataAccessResourceFailureException.class).isThrownBy(deadlines::checkOnce);
        verify(ideas, times(1)).change(any(), any());
        assertThat(registry.get("ideas.deadline.failed")
                        .tag("check", "DEADLINE")
                        .counter()
                        .count())
                .isZero();
    }
}
