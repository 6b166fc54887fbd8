package org.suggestionbox.router.idea;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.suggestionbox.events.AnswerEscalated;
import org.suggestionbox.events.DecisionOutcome;
import org.suggestionbox.events.DeclineReason;
import org.suggestionbox.events.IdeaAssigned;
import org.suggestionbox.events.IdeaDecided;
import org.suggestionbox.events.IdeaImpactMeasured;
import org.suggestionbox.events.IdeaLifecycleEvent;
import org.suggestionbox.events.IdeaMergedAsDuplicate;
import org.suggestionbox.events.IdeaReassigned;
import org.suggestionbox.events.IdeaStatusChanged;
import org.suggestionbox.events.IdeaSubmitted;
import org.suggestionbox.events.ProgressStatus;
import org.suggestionbox.events.SealedIdentity;
import org.suggestionbox.events.SubmissionChannel;
import org.suggestionbox.events.Submitter;

class IdeaTests {

    private static final Instant NOW = Instant.parse("2026-03-02T09:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final Owner MAYA = new Owner("maya", "Maya Rosen");
    private static final Owner JAN = new Owner("jan", "Jan Kowalski");
    private static final RoutedBecause BECAUSE = RoutedBecause.toOwner("cx-owner", List.of(), "Maya Rosen");
    static final ImpactDraft IMPACT = new ImpactDraft("Shorter queues", "40", "hours-saved-per-month");
    private static final UUID IDEA_ID = UUID.fromString("6f1c2d1e-0000-4000-8000-000000000001");

    /** Where each action may start; every other state must refuse it. */
    private static final Map<IdeaAction, Set<IdeaState>> LEGAL = new EnumMap<>(Map.of(
            IdeaAction.ASSIGN, EnumSet.of(IdeaState.SUBMITTED),
            IdeaAction.START_REVIEW, EnumSet.of(IdeaState.ASSIGNED),
            IdeaAction.EXPLORE, EnumSet.of(IdeaState.ASSIGNED, IdeaState.UNDER_REVIEW),
            IdeaAction.DECLINE, EnumSet.of(IdeaState.ASSIGNED, IdeaState.UNDER_REVIEW),
            IdeaAction.MERGE, EnumSet.of(IdeaState.ASSIGNED, IdeaState.UNDER_REVIEW),
            IdeaAction.REASSIGN, EnumSet.of(IdeaState.ASSIGNED, IdeaState.UNDER_REVIEW),
            IdeaAction.START_PROGRESS, EnumSet.of(IdeaState.EXPLORING),
            IdeaAction.IMPLEMENT, EnumSet.of(IdeaState.IN_PROGRESS),
            IdeaAction.SHELVE, EnumSet.of(IdeaState.EXPLORING, IdeaState.IN_PROGRESS),
            IdeaAction.MARK_ANSWERED,
                    EnumSet.of(
                            IdeaState.EXPLORING,
                            IdeaState.DECLINED,
                            IdeaState.MERGED,
                            IdeaState.IN_PROGRESS,
                            IdeaState.IMPLEMENTED,
                            IdeaState.SHELVED)));

    static {
        // an escalation needs a missed deadline too; perform() moves the clock past it
        LEGAL.put(IdeaAction.ESCALATE, EnumSet.of(IdeaState.ASSIGNED, IdeaState.UNDER_REVIEW));
        LEGAL.put(IdeaAction.RECORD_IMPACT, EnumSet.of(IdeaState.IMPLEMENTED));
        // "me too" while the idea is open: undecided, or explored and not finished
        LEGAL.put(
                IdeaAction.SUPPORT,
                EnumSet.of(
                        IdeaState.SUBMITTED,
                        IdeaState.ASSIGNED,
                        IdeaState.UNDER_REVIEW,
                        IdeaState.EXPLORING,
                        IdeaState.IN_PROGRESS));
        LEGAL.put(IdeaAction.AGREE_TO_BE_NAMED, EnumSet.allOf(IdeaState.class));
    }

    static Stream<Arguments> legalTransitions() {
        return matrix(true);
    }

    static Stream<Arguments> illegalTransitions() {
        return matrix(false);
    }

    private static Stream<Arguments> matrix(boolean legal) {
        List<Arguments> cases = new ArrayList<>();
        for (IdeaState state : IdeaState.values()) {
            for (IdeaAction action : IdeaAction.values()) {
                if (LEGAL.get(action).contains(state) == legal) {
                    cases.add(Arguments.of(state, action));
                }
            }
        }
        return cases.stream();
    }

    @Test
    void theMatrixCoversEveryStateAndAction() {
        assertThat(LEGAL).containsOnlyKeys(IdeaAction.values());
        assertThat(legalTransitions().count() + illegalTransitions().count())
                .isEqualTo((long) IdeaState.values().length * IdeaAction.values().length);
    }

    @Test
    void theStateEnumCarriesTheTransitionTable() {
        for (IdeaState state : IdeaState.values()) {
            for (IdeaAction action : IdeaAction.values()) {
                assertThat(state.allows(action))
                        .as("%s from %s", action, state)
                        .isEqualTo(LEGAL.get(action).contains(state));
            }
            Set<IdeaAction> allowed = EnumSet.noneOf(IdeaAction.class);
            LEGAL.forEach((action, states) -> {
                if (states.contains(state)) {
                    allowed.add(action);
                }
            });
            assertThat(state.allowedActions()).as("actions from %s", state).isEqualTo(allowed);
        }
    }

    @Test
    void theStateEnumSaysWhichStatesFollowWhich() {
        Map<IdeaState, Set<IdeaState>> next = new EnumMap<>(IdeaState.class);
        next.put(IdeaState.SUBMITTED, EnumSet.of(IdeaState.ASSIGNED));
        next.put(
                IdeaState.ASSIGNED,
                EnumSet.of(IdeaState.UNDER_REVIEW, IdeaState.EXPLORING, IdeaState.DECLINED, IdeaState.MERGED));
        next.put(IdeaState.UNDER_REVIEW, EnumSet.of(IdeaState.EXPLORING, IdeaState.DECLINED, IdeaState.MERGED));
        next.put(IdeaState.EXPLORING, EnumSet.of(IdeaState.IN_PROGRESS, IdeaState.SHELVED));
        next.put(IdeaState.IN_PROGRESS, EnumSet.of(IdeaState.IMPLEMENTED, IdeaState.SHELVED));
        for (IdeaState from : IdeaState.values()) {
            for (IdeaState to : IdeaState.values()) {
                assertThat(from.canMoveTo(to))
                        .as("%s → %s", from, to)
                        .isEqualTo(next.getOrDefault(from, Set.of()).contains(to));
            }
        }
    }

    @Test
    void everyLegalActionEndsInAStateTheTableAllows() {
        legalTransitions().forEach(arguments -> {
            IdeaState from = (IdeaState) arguments.get()[0];
            IdeaAction action = (IdeaAction) arguments.get()[1];
            IdeaState to = expectedTarget(action, from);
            assertThat(to == from || from.canMoveTo(to))
                    .as("%s from %s", action, from)
                    .isTrue();
        });
    }

    @ParameterizedTest(name = "{1} from {0} is allowed")
    @MethodSource("legalTransitions")
    void legalTransitionMovesTheStateAndRecordsHistoryAndEvent(IdeaState from, IdeaAction action) {
        // given
        Idea idea = ideaIn(from);
        int historyBefore = idea.history().size();
        int outboxBefore = idea.outbox().size();

        // when
        perform(action, idea);

        // then
        assertThat(idea.state()).isEqualTo(expectedTarget(action, from));
        assertThat(idea.history()).hasSize(historyBefore + (changesOnlyTheAudience(action) ? 0 : 1));
        Class<? extends IdeaLifecycleEvent> eventType = eventOf(action);
        if (eventType == null) {
            assertThat(idea.outbox()).hasSize(outboxBefore);
        } else {
            assertThat(idea.outbox()).hasSize(outboxBefore + 1);
            assertThat(idea.outbox().getLast()).isInstanceOf(eventType);
            assertThat(idea.outbox().getLast().ideaId()).isEqualTo(IDEA_ID);
        }
    }

    @ParameterizedTest(name = "{1} from {0} is refused")
    @MethodSource("illegalTransitions")
    void illegalTransitionIsRefusedAndChangesNothing(IdeaState from, IdeaAction action) {
        // given
        Idea idea = ideaIn(from);
        List<HistoryEntry> history = idea.history();
        List<IdeaLifecycleEvent> outbox = idea.outbox();

        // when / then
        assertThatExceptionOfType(IdeaActionRefused.class)
                .isThrownBy(() -> perform(action, idea))
                .satisfies(ex -> {
                    assertThat(ex.reason()).isEqualTo(IdeaActionRefused.Reason.NOT_IN_THIS_STATE);
                    assertThat(ex.state()).isEqualTo(from);
                    assertThat(ex.action()).isEqualTo(action);
                });
        assertThat(idea.state()).isEqualTo(from);
        assertThat(idea.history()).isEqualTo(history);
        assertThat(idea.outbox()).isEqualTo(outbox);
    }

    @Test
    void declineWithoutReasonIsRejected() {
        Idea idea = ideaIn(IdeaState.ASSIGNED);

        assertThatExceptionOfType(IdeaActionRefused.class)
                .isThrownBy(() -> idea.decline(null, "We tried this last year.", "maya", CLOCK))
                .satisfies(ex ->
                        assertThat(ex.violations()).extracting(Violation::field).containsExactly("reasonCode"));
        assertThat(idea.state()).isEqualTo(IdeaState.ASSIGNED);
        assertThat(idea.outbox()).hasSize(1);
    }

    @Test
    void declineWithoutExplanationIsRejected() {
        Idea idea = ideaIn(IdeaState.UNDER_REVIEW);

        assertThatExceptionOfType(IdeaActionRefused.class)
                .isThrownBy(() -> idea.decline(DeclineReason.NOT_FEASIBLE, "   ", "maya", CLOCK))
                .satisfies(ex ->
                        assertThat(ex.violations()).extracting(Violation::field).containsExactly("explanation"));
        assertThat(idea.state()).isEqualTo(IdeaState.UNDER_REVIEW);
    }

    @Test
    void aDeclineExplanationOverFiveThousandCharactersIsRejectedAndFiveThousandAreAccepted() {
        Idea idea = ideaIn(IdeaState.ASSIGNED);

        assertThatExceptionOfType(IdeaActionRefused.class)
                .isThrownBy(() -> idea.decline(DeclineReason.NOT_FEASIBLE, "x".repeat(5_001), "maya", CLOCK))
                .satisfies(ex -> assertThat(ex.violations())
                        .singleElement()
                        .satisfies(violation ->
                                assertThat(TextLimits.isTooLong(violation)).isTrue())
                        .extracting(Violation::field)
                        .isEqualTo("explanation"));
        assertThat(idea.state()).isEqualTo(IdeaState.ASSIGNED);
        assertThat(idea.outbox()).hasSize(1);

        idea.decline(DeclineReason.NOT_FEASIBLE, "x".repeat(5_000), "maya", CLOCK);
        assertThat(idea.state()).isEqualTo(IdeaState.DECLINED);
    }

    @Test
    void notesAndNextStepsOverTheLimitChangeNothing() {
        Idea idea = ideaIn(IdeaState.ASSIGNED);
        String tooLong = "n".repeat(5_001);

        assertThatExceptionOfType(IdeaActionRefused.class)
                .isThrownBy(() -> idea.reassign(JAN, tooLong, NOW.plus(Duration.ofDays(14)), "maya", CLOCK));
        assertThatExceptionOfType(IdeaActionRefused.class)
                .isThrownBy(() -> idea.mergeInto(new IdeaId(UUID.randomUUID()), "Original", tooLong, "maya", CLOCK));
        assertThatExceptionOfType(IdeaActionRefused.class)
                .isThrownBy(() -> idea.explore(tooLong, LocalDate.of(2026, 6, 1), null, "maya", CLOCK));
        assertThatExceptionOfType(IdeaActionRefused.class)
                .isThrownBy(() -> idea.explore("Pilot", LocalDate.of(2026, 6, 1), tooLong, "maya", CLOCK));
        assertThat(idea.state()).isEqualTo(IdeaState.ASSIGNED);
        assertThat(idea.ownerId()).isEqualTo("maya");
        assertThat(idea.outbox()).hasSize(1);

        idea.explore("Pilot", LocalDate.of(2026, 6, 1), null, "maya", CLOCK);
        assertThatExceptionOfType(IdeaActionRefused.class).isThrownBy(() -> idea.startProgress(tooLong, "maya", CLOCK));
        assertThatExceptionOfType(IdeaActionRefused.class).isThrownBy(() -> idea.shelve(tooLong, "maya", CLOCK));
        assertThat(idea.state()).isEqualTo(IdeaState.EXPLORING);
    }

    @Test
    void exploreNeedsANextStepAndAFutureDate() {
        Idea idea = ideaIn(IdeaState.ASSIGNED);

        assertThatExceptionOfType(IdeaActionRefused.class)
                .isThrownBy(() -> idea.explore(" ", LocalDate.of(2026, 3, 2), null, "maya", CLOCK))
                .satisfies(ex -> assertThat(ex.violations())
                        .extracting(Violation::field)
                        .containsExactly("nextStep", "expectedBy"));
        assertThat(idea.state()).isEqualTo(IdeaState.ASSIGNED);
    }

    @Test
    void declineRecordsADecidedEventWithReasonAndSubmitters() {
        Idea idea = ideaIn(IdeaState.ASSIGNED);

        IdeaDecided decided = idea.decline(DeclineReason.ALREADY_PLANNED, " Planned for Q3. ", "maya", CLOCK);

        assertThat(decided.outcome()).isEqualTo(DecisionOutcome.DECLINE);
        assertThat(decided.reasonCode()).isEqualTo(DeclineReason.ALREADY_PLANNED);
        assertThat(decided.explanation()).isEqualTo("Planned for Q3.");
        assertThat(decided.ownerId()).isEqualTo("maya");
        assertThat(decided.ownerName()).isEqualTo("Maya Rosen");
        assertThat(decided.submitters()).containsExactly(Submitter.person("alice"), Submitter.person("noa"));
        assertThat(decided.occurredAt()).isEqualTo(NOW);
        assertThat(idea.history().getLast())
                .isEqualTo(new HistoryEntry(NOW, "maya", Milestone.DECLINED, "ALREADY_PLANNED: Planned for Q3."));
        assertThat(idea.decision()).isNotNull();
    }

    @Test
    void assignmentRecordsOwnerRuleAndDeadline() {
        Idea idea = Idea.submit(submitted(Submitter.person("alice")));
        Instant due = NOW.plus(Duration.ofDays(14));

        IdeaAssigned assigned = idea.assign(
                MAYA,
                "cx-owner",
                RoutedBecause.toOwner(
                        "cx-owner",
                        List.of(new RoutedBecause.Match(RoutedBecause.Criterion.CATEGORY, "customer-experience")),
                        "Maya Rosen"),
                due,
                CLOCK);

        assertThat(idea.ownerId()).isEqualTo("maya");
        assertThat(idea.assignment().ruleId()).isEqualTo("cx-owner");
        assertThat(idea.answerDueBy()).isEqualTo(due);
        assertThat(assigned.ruleExplanation())
                .isEqualTo("category 'customer-experience' matched rule cx-owner; owned by Maya Rosen");
        assertThat(idea.assignment().because().inEnglish()).isEqualTo(assigned.ruleExplanation());
        assertThat(idea.assignment().because().ruleId()).isEqualTo("cx-owner");
        assertThat(assigned.answerDueBy()).isEqualTo(due);
        assertThat(idea.outbox()).containsExactly(assigned);
    }

    @Test
    void aRetriedStepFromTheSameStoredStateMakesTheSameEvent() {
        Idea first = ideaIn(IdeaState.ASSIGNED);
        Idea retried = ideaIn(IdeaState.ASSIGNED);

        IdeaDecided once = first.decline(DeclineReason.OUT_OF_SCOPE, "Not ours.", "maya", CLOCK);
        IdeaDecided again = retried.decline(DeclineReason.OUT_OF_SCOPE, "Not ours.", "maya", CLOCK);

        assertThat(again.eventId()).isEqualTo(once.eventId());
        assertThat(once.eventId()).isNotEqualTo(first.outbox().getFirst().eventId());
    }

    @Test
    void reassignKeepsTheStateAndMovesTheDeadline() {
        Idea idea = ideaIn(IdeaState.UNDER_REVIEW);
        Instant newDue = NOW.plus(Duration.ofDays(20));

        IdeaReassigned reassigned = idea.reassign(JAN, "Logistics owns this", newDue, "maya", CLOCK);

        assertThat(idea.state()).isEqualTo(IdeaState.UNDER_REVIEW);
        assertThat(idea.ownerId()).isEqualTo("jan");
        assertThat(idea.answerDueBy()).isEqualTo(newDue);
        assertThat(reassigned.previousOwnerId()).isEqualTo("maya");
        assertThat(reassigned.note()).isEqualTo("Logistics owns this");
    }

    @Test
    void reassignToTheSameOwnerIsRefused() {
        Idea idea = ideaIn(IdeaState.ASSIGNED);

        assertThatExceptionOfType(IdeaActionRefused.class)
                .isThrownBy(() -> idea.reassign(MAYA, "again", NOW, "maya", CLOCK));
    }

    @Test
    void anIdeaHandedOnTenTimesIsRefusedAnEleventhNamingTheRuleAndChangesNothing() {
        Idea idea = ideaIn(IdeaState.ASSIGNED);
        for (int i = 0; i < Idea.MAX_REASSIGNMENTS; i++) {
            idea.reassign(
                    i % 2 == 0 ? JAN : MAYA, "Yours, not mine " + i, NOW.plus(Duration.ofDays(14)), "maya", CLOCK);
        }
        int history = idea.history().size();
        int outbox = idea.outbox().size();

        assertThatExceptionOfType(IdeaActionRefused.class)
                .isThrownBy(() -> idea.reassign(JAN, "Once more", NOW.plus(Duration.ofDays(14)), "maya", CLOCK))
                .satisfies(refused -> {
                    assertThat(refused.reason()).isEqualTo(IdeaActionRefused.Reason.INCOMPLETE);
                    assertThat(refused.violations())
                            .extracting(Violation::field)
                            .containsExactly("reassignments");
                });
        assertThat(idea.reassignments()).isEqualTo(Idea.MAX_REASSIGNMENTS);
        assertThat(idea.ownerId()).isEqualTo("maya");
        assertThat(idea.history()).hasSize(history);
        assertThat(idea.outbox()).hasSize(outbox);

        // an owner who left is still replaced: the idea must not stay with nobody
        idea.reroute(JAN, "previous owner left", NOW.plus(Duration.ofDays(14)), "admin", CLOCK);
        assertThat(idea.ownerId()).isEqualTo("jan");
        assertThat(idea.reassignments()).isEqualTo(Idea.MAX_REASSIGNMENTS + 1);
    }

    @Test
    void aMergeIsRefusedWhenTheOriginalWouldHaveMoreThanAHundredSubmitters() {
        List<String> coSubmitters = new ArrayList<>();
        for (int i = 1; i < Idea.MAX_SUBMITTERS; i++) {
            coSubmitters.add("colleague-" + i);
        }
        Idea original = Idea.submit(submitted(UUID.randomUUID(), Submitter.person("alice"), coSubmitters));
        assertThat(original.submitters()).hasSize(Idea.MAX_SUBMITTERS);
        Idea newcomer = ideaIn(IdeaState.ASSIGNED, Submitter.person("zoe"), List.of());
        Idea known = ideaIn(IdeaState.ASSIGNED, Submitter.person("colleague-7"), List.of("alice"));

        assertThatExceptionOfType(IdeaActionRefused.class)
                .isThrownBy(() -> newcomer.requireMergeableInto(original, null))
                .satisfies(refused -> {
                    assertThat(refused.reason()).isEqualTo(IdeaActionRefused.Reason.INCOMPLETE);
                    assertThat(refused.violations())
                            .extracting(Violation::field)
                            .containsExactly("submitters");
                });
        // a duplicate whose submitters follow the original already adds nobody, and may be merged
        known.requireMergeableInto(original, null);
        assertThat(original.submittersJoining(known.submitters())).isEmpty();
        assertThat(original.submittersJoining(newcomer.submitters())).containsExactly(Submitter.person("zoe"));
    }

    @Test
    void answeringTwiceChangesNothing() {
        Idea idea = ideaIn(IdeaState.DECLINED);

        assertThat(idea.markAnswered(NOW)).isTrue();
        int history = idea.history().size();
        assertThat(idea.markAnswered(NOW.plusSeconds(5))).isFalse();

        assertThat(idea.answered()).isTrue();
        assertThat(idea.answeredAt()).isEqualTo(NOW);
        assertThat(idea.history()).hasSize(history);
    }

    @Test
    void anAnswerIsOnTimeByItsDeadlineAndLateAfterItOrAfterAMissedOne() {
        Idea byTheDeadline = ideaIn(IdeaState.DECLINED);
        byTheDeadline.markAnswered(byTheDeadline.answerDueBy());
        Idea afterIt = ideaIn(IdeaState.DECLINED);
        afterIt.markAnswered(afterIt.answerDueBy().plusSeconds(1));
        Idea escalated = ideaIn(IdeaState.ASSIGNED);
        walk(escalated, IdeaAction.ESCALATE, IdeaAction.DECLINE);
        escalated.markAnswered(escalated.answerDueBy().minusSeconds(1));

        assertThat(byTheDeadline.answeredOnTime()).isTrue();
        assertThat(afterIt.answeredOnTime()).isFalse();
        assertThat(escalated.answeredOnTime())
                .as("by its new deadline, but the first was missed")
                .isFalse();
        assertThat(ideaIn(IdeaState.DECLINED).answeredOnTime())
                .as("not answered yet")
                .isFalse();
    }

    @Test
    void processedEventIdsAreRememberedAndBounded() {
        Idea idea = ideaIn(IdeaState.ASSIGNED);
        UUID first = UUID.randomUUID();

        assertThat(idea.recordProcessed(first)).isTrue();
        assertThat(idea.recordProcessed(first)).isFalse();
        for (int i = 0; i < Idea.PROCESSED_EVENT_IDS_KEPT; i++) {
            idea.recordProcessed(UUID.randomUUID());
        }

        assertThat(idea.processedEventIds())
                .hasSize(Idea.PROCESSED_EVENT_IDS_KEPT)
                .doesNotContain(first);
    }

    @Test
    void anAnonymousIdeaKeepsOnlyTheSealedIdentity() {
        Submitter sealed = Submitter.anonymous(new SealedIdentity("k1", "c2VhbGVk"));
        Idea idea = Idea.submit(submitted(sealed));

        assertThat(idea.isAnonymous()).isTrue();
        assertThat(idea.submitters()).containsExactly(sealed, Submitter.person("noa"));
        assertThat(idea.history().getFirst().by()).isNull();
        assertThat(idea.isSubmittedBy("alice")).isFalse();
    }

    @Test
    void anAnonymousIdeaShowsOnlyTheDayOfItsSubmissionAndRoutingANamedOneTheInstant() {
        Idea anonymous = Idea.submit(submitted(Submitter.anonymous(new SealedIdentity("k1", "c2VhbGVk"))));
        anonymous.assign(MAYA, "cx-owner", BECAUSE, NOW.plus(Duration.ofDays(14)), CLOCK);
        anonymous.startReview("maya", CLOCK);
        Idea named = ideaIn(IdeaState.UNDER_REVIEW);
        Instant day = Instant.parse("2026-03-02T00:00:00Z");

        assertThat(anonymous.submittedAt()).isEqualTo(NOW.minus(Duration.ofHours(1)));
        assertThat(anonymous.shownSubmittedAt()).isEqualTo(day);
        assertThat(anonymous.history()).extracting(anonymous::shownAt).containsExactly(day, day, NOW);
        assertThat(named.shownSubmittedAt()).isEqualTo(named.submittedAt());
        assertThat(named.history())
                .extracting(named::shownAt)
                .containsExactly(NOW.minus(Duration.ofHours(1)), NOW, NOW);
    }

    @Test
    void progressUpdatesCarryTheirNote() {
        Idea idea = ideaIn(IdeaState.IN_PROGRESS);

        IdeaStatusChanged implemented =
                idea.implement("Queue times fell by a third", IMPACT, null, ImpactRules.DEFAULT, "maya", CLOCK);

        assertThat(implemented.status()).isEqualTo(ProgressStatus.IMPLEMENTED);
        assertThat(implemented.note()).isEqualTo("Queue times fell by a third");
        assertThat(idea.progress().note()).isEqualTo("Queue times fell by a third");
    }

    /** Support and naming change who sees and follows the idea, not where it stands: no history entry. */
    private static boolean changesOnlyTheAudience(IdeaAction action) {
        return action == IdeaAction.SUPPORT || action == IdeaAction.AGREE_TO_BE_NAMED;
    }

    private static IdeaState expectedTarget(IdeaAction action, IdeaState from) {
        return switch (action) {
            case ASSIGN -> IdeaState.ASSIGNED;
            case START_REVIEW -> IdeaState.UNDER_REVIEW;
            case EXPLORE -> IdeaState.EXPLORING;
            case DECLINE -> IdeaState.DECLINED;
            case MERGE -> IdeaState.MERGED;
            case START_PROGRESS -> IdeaState.IN_PROGRESS;
            case IMPLEMENT -> IdeaState.IMPLEMENTED;
            case SHELVE -> IdeaState.SHELVED;
            case REASSIGN, MARK_ANSWERED, ESCALATE, RECORD_IMPACT, SUPPORT, AGREE_TO_BE_NAMED -> from;
        };
    }

    private static Class<? extends IdeaLifecycleEvent> eventOf(IdeaAction action) {
        return switch (action) {
            case ASSIGN -> IdeaAssigned.class;
            case EXPLORE, DECLINE -> IdeaDecided.class;
            case MERGE -> IdeaMergedAsDuplicate.class;
            case REASSIGN -> IdeaReassigned.class;
            case START_PROGRESS, IMPLEMENT, SHELVE -> IdeaStatusChanged.class;
            case ESCALATE -> AnswerEscalated.class;
            case RECORD_IMPACT -> IdeaImpactMeasured.class;
            case START_REVIEW, MARK_ANSWERED, SUPPORT, AGREE_TO_BE_NAMED -> null;
        };
    }

    private static void perform(IdeaAction action, Idea idea) {
        Map<IdeaAction, Consumer<Idea>> actions = new EnumMap<>(IdeaAction.class);
        actions.put(IdeaAction.ASSIGN, i -> i.assign(MAYA, "cx-owner", BECAUSE, NOW.plus(Duration.ofDays(14)), CLOCK));
        actions.put(IdeaAction.START_REVIEW, i -> i.startReview("maya", CLOCK));
        actions.put(
                IdeaAction.EXPLORE, i -> i.explore("Pilot in one team", LocalDate.of(2026, 4, 1), null, "maya", CLOCK));
        actions.put(IdeaAction.DECLINE, i -> i.decline(DeclineReason.NOT_FEASIBLE, "Not possible now", "maya", CLOCK));
        actions.put(
                IdeaAction.MERGE,
                i -> i.mergeInto(new IdeaId(UUID.randomUUID()), "The original idea", null, "maya", CLOCK));
        actions.put(
                IdeaAction.REASSIGN, i -> i.reassign(JAN, "Logistics", NOW.plus(Duration.ofDays(14)), "maya", CLOCK));
        actions.put(IdeaAction.START_PROGRESS, i -> i.startProgress("Started", "maya", CLOCK));
        actions.put(
                IdeaAction.IMPLEMENT,
                i -> i.implement("Done, with impact", IMPACT, null, ImpactRules.DEFAULT, "maya", CLOCK));
        actions.put(IdeaAction.RECORD_IMPACT, i -> i.recordImpact(IMPACT, 30, ImpactRules.DEFAULT, "maya", CLOCK));
        actions.put(IdeaAction.SHELVE, i -> i.shelve("No budget", "maya", CLOCK));
        actions.put(IdeaAction.MARK_ANSWERED, i -> i.markAnswered(NOW));
        actions.put(
                IdeaAction.ESCALATE,
                i -> i.escalate("lea", Duration.ofDays(3), Clock.fixed(NOW.plus(Duration.ofDays(15)), ZoneOffset.UTC)));
        actions.put(IdeaAction.SUPPORT, i -> i.support(new Viewer("lea", true)));
        actions.put(IdeaAction.AGREE_TO_BE_NAMED, i -> i.agreeToBeNamed("noa"));
        actions.get(action).accept(idea);
    }

    /** An idea brought into {@code state} along legal moves. */
    static Idea ideaIn(IdeaState state) {
        return ideaIn(state, Submitter.person("alice"), List.of("noa"));
    }

    private static Idea ideaIn(IdeaState state, Submitter submitter, List<String> coSubmitters) {
        Idea idea = Idea.submit(submitted(submitter, coSubmitters));
        switch (state) {
            case SUBMITTED -> {}
            case ASSIGNED -> perform(IdeaAction.ASSIGN, idea);
            case UNDER_REVIEW -> walk(idea, IdeaAction.ASSIGN, IdeaAction.START_REVIEW);
            case EXPLORING -> walk(idea, IdeaAction.ASSIGN, IdeaAction.EXPLORE);
            case DECLINED -> walk(idea, IdeaAction.ASSIGN, IdeaAction.DECLINE);
            case MERGED -> walk(idea, IdeaAction.ASSIGN, IdeaAction.MERGE);
            case IN_PROGRESS -> walk(idea, IdeaAction.ASSIGN, IdeaAction.EXPLORE, IdeaAction.START_PROGRESS);
            case IMPLEMENTED ->
                walk(idea, IdeaAction.ASSIGN, IdeaAction.EXPLORE, IdeaAction.START_PROGRESS, IdeaAction.IMPLEMENT);
            case SHELVED -> walk(idea, IdeaAction.ASSIGN, IdeaAction.EXPLORE, IdeaAction.SHELVE);
        }
        assertThat(idea.state()).isEqualTo(state);
        return idea;
    }

    private static void walk(Idea idea, IdeaAction... actions) {
        for (IdeaAction action : actions) {
            perform(action, idea);
        }
    }

    private static IdeaSubmitted submitted(Submitter submitter) {
        return submitted(submitter, List.of("noa"));
    }

    private static IdeaSubmitted submitted(Submitter submitter, List<String> coSubmitters) {
        return submitted(IDEA_ID, submitter, coSubmitters);
    }

    private static IdeaSubmitted submitted(UUID ideaId, Submitter submitter, List<String> coSubmitters) {
        return new IdeaSubmitted(
                UUID.fromString("6f1c2d1e-0000-4000-8000-0000000000ff"),
                ideaId,
                NOW.minus(Duration.ofHours(1)),
                IdeaSubmitted.SCHEMA_VERSION,
                "Shorter hold music",
                "Callers wait too long",
                "customer-experience",
                SubmissionChannel.WEB,
                submitter,
                "Customer Service",
                "en",
                coSubmitters);
    }
}
