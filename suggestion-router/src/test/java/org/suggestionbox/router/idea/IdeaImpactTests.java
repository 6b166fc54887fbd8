package org.suggestionbox.router.idea;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.suggestionbox.events.EventIds;
import org.suggestionbox.events.IdeaImpactMeasured;
import org.suggestionbox.events.IdeaStatusChanged;
import org.suggestionbox.events.Impact;
import org.suggestionbox.events.ImpactCheckDue;
import org.suggestionbox.events.ProgressStatus;

/** Impact on implementation, the impact checks 30 and 90 days later, and measured benefit. */
class IdeaImpactTests {

    private static final Instant NOW = Instant.parse("2026-03-02T09:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final ImpactRules RULES = ImpactRules.DEFAULT;

    @Test
    void implementingWithoutImpactIsRefusedWithOneViolationPerField() {
        Idea idea = IdeaTests.ideaIn(IdeaState.IN_PROGRESS);
        int eventsBefore = idea.outbox().size();

        assertThatExceptionOfType(IdeaActionRefused.class)
                .isThrownBy(
                        () -> idea.changeProgress(ProgressStatus.IMPLEMENTED, "Done", null, null, RULES, "maya", CLOCK))
                .satisfies(refused -> {
                    assertThat(refused.reason()).isEqualTo(IdeaActionRefused.Reason.INCOMPLETE);
                    assertThat(refused.violations())
                            .extracting(Violation::field)
                            .containsExactly("impact.summary", "impact.amount", "impact.unit");
                });
        assertThat(idea.state()).isEqualTo(IdeaState.IN_PROGRESS);
        assertThat(idea.outbox()).hasSize(eventsBefore);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "Shorter queues | 40 | furlongs | impact.unit",
                "Shorter queues | -3 | csat-points | impact.amount",
                "Shorter queues | 0 | csat-points | impact.amount",
                "Shorter queues | 1.005 | money-per-year | impact.amount",
                "Shorter queues | 1000000000000.01 | money-per-year | impact.amount",
                "Shorter queues | forty | hours-saved-per-month | impact.amount",
                "Shorter queues | 1e999999999 | hours-saved-per-month | impact.amount",
                "'  ' | 40 | hours-saved-per-month | impact.summary"
            })
    void aWrongPartOfTheImpactIsNamed(String summary, String amount, String unit, String field) {
        Idea idea = IdeaTests.ideaIn(IdeaState.IN_PROGRESS);

        assertThatExceptionOfType(IdeaActionRefused.class)
                .isThrownBy(
                        () -> idea.implement(null, new ImpactDraft(summary, amount, unit), null, RULES, "maya", CLOCK))
                .satisfies(refused -> assertThat(refused.violations())
                        .extracting(Violation::field)
                        .containsExactly(field));
    }

    @Test
    void onlyConfiguredUnitsAreAccepted() {
        ImpactRules euroOnly = new ImpactRules(List.of("euro-per-year"), List.of(30));

        assertThat(euroOnly.violations("impact", new ImpactDraft("Less waste", "10", "money-per-year")))
                .extracting(Violation::field)
                .containsExactly("impact.unit");
        assertThat(euroOnly.violations("impact", new ImpactDraft("Less waste", "10", "euro-per-year")))
                .isEmpty();
    }

    @Test
    void tooLongTextsAreRefused() {
        Idea idea = IdeaTests.ideaIn(IdeaState.IN_PROGRESS);
        String tooLong = "x".repeat(TextLimits.TEXT + 1);

        assertThatExceptionOfType(IdeaActionRefused.class)
                .isThrownBy(() -> idea.implement(
                        null, new ImpactDraft(tooLong, "40", "csat-points"), tooLong, RULES, "maya", CLOCK))
                .satisfies(refused -> assertThat(refused.violations())
                        .extracting(Violation::field)
                        .containsExactly("impact.summary", "thankYouNote"));
    }

    @Test
    void anImplementationCarriesItsImpactAndThanksAndProgressKeepsThem() {
        Idea idea = IdeaTests.ideaIn(IdeaState.IN_PROGRESS);

        IdeaStatusChanged implemented = idea.implement(
                "  ",
                new ImpactDraft(" Calls answered faster ", "40.50", " hours-saved-per-month "),
                " Thank you, Alice! ",
                RULES,
                "maya",
                CLOCK);

        Impact expected = new Impact("Calls answered faster", new BigDecimal("40.5"), "hours-saved-per-month");
        assertThat(implemented.impact()).isEqualTo(expected);
        assertThat(implemented.thankYouNote()).isEqualTo("Thank you, Alice!");
        assertThat(implemented.note()).isEqualTo("Calls answered faster");
        assertThat(implemented.supporterIds()).isEmpty();
        Implementation implementation = idea.progress().implementation();
        assertThat(implementation.estimated()).isEqualTo(expected);
        assertThat(implementation.thankYouNote()).isEqualTo("Thank you, Alice!");
        assertThat(implementation.implementedAt()).isEqualTo(NOW);
        assertThat(implementation.checksAsked()).isEmpty();
    }

    @Test
    void theImpactIsCheckedAt30And90DaysEachOnce() {
        Idea idea = implemented();

        assertThat(idea.impactCheckIfDue(RULES, at(Duration.ofDays(30).minusMinutes(1))))
                .isEmpty();
        Optional<ImpactCheckDue> first = idea.impactCheckIfDue(RULES, at(Duration.ofDays(30)));
        assertThat(first).get().satisfies(check -> {
            assertThat(check.checkpointDays()).isEqualTo(30);
            assertThat(check.ownerId()).isEqualTo("maya");
            assertThat(check.estimated().amount()).isEqualByComparingTo("40");
            assertThat(check.eventId()).isEqualTo(EventIds.derive(idea.id().value(), "ImpactCheckDue", 30));
        });
        assertThat(idea.impactCheckIfDue(RULES, at(Duration.ofDays(31)))).isEmpty();
        assertThat(idea.nextImpactCheck(RULES)).contains(NOW.plus(Duration.ofDays(90)));

        assertThat(idea.impactCheckIfDue(RULES, at(Duration.ofDays(90))))
                .get()
                .extracting(ImpactCheckDue::checkpointDays)
                .isEqualTo(90);
        assertThat(idea.impactCheckIfDue(RULES, at(Duration.ofDays(400)))).isEmpty();
        assertThat(idea.progress().implementation().checksAsked()).containsExactly(30, 90);
        assertThat(idea.outbox()).filteredOn(ImpactCheckDue.class::isInstance).hasSize(2);
        assertThat(idea.nextImpactCheck(RULES)).isEmpty();
    }

    @Test
    void checkpointsPassedTogetherAreAskedOnceAsTheLatest() {
        Idea idea = implemented();

        Optional<ImpactCheckDue> check = idea.impactCheckIfDue(RULES, at(Duration.ofDays(95)));

        assertThat(check).get().extracting(ImpactCheckDue::checkpointDays).isEqualTo(90);
        assertThat(idea.progress().implementation().checksAsked()).containsExactly(30, 90);
        assertThat(idea.impactCheckIfDue(RULES, at(Duration.ofDays(96)))).isEmpty();
    }

    @Test
    void anIdeaNotImplementedIsNeverChecked() {
        Idea idea = IdeaTests.ideaIn(IdeaState.SHELVED);

        assertThat(idea.impactCheckIfDue(RULES, at(Duration.ofDays(100)))).isEmpty();
    }

    @Test
    void measurementsAreAllKeptAndEachEmitsAnEvent() {
        Idea idea = implemented();

        IdeaImpactMeasured first = idea.recordImpact(
                new ImpactDraft("Fewer calls on hold", "35", "hours-saved-per-month"),
                30,
                RULES,
                "maya",
                at(Duration.ofDays(31)));
        IdeaImpactMeasured second = idea.recordImpact(
                new ImpactDraft("Even fewer", "52.25", "hours-saved-per-month"),
                90,
                RULES,
                "lea",
                at(Duration.ofDays(91)));

        assertThat(first.measured().amount()).isEqualByComparingTo("35");
        assertThat(first.estimated().amount()).isEqualByComparingTo("40");
        assertThat(first.checkpointDays()).isEqualTo(30);
        assertThat(second.measured().amount()).isEqualByComparingTo("52.25");
        assertThat(second.eventId()).isNotEqualTo(first.eventId());
        assertThat(idea.progress().implementation().measurements())
                .extracting(Measurement::checkpointDays, Measurement::by)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(30, "maya"),
                        org.assertj.core.groups.Tuple.tuple(90, "lea"));
        assertThat(idea.progress().implementation().latest().measured().amount())
                .isEqualByComparingTo("52.25");
        assertThat(idea.history().getLast().what()).isEqualTo(Milestone.IMPACT_MEASURED);
        assertThat(idea.state()).isEqualTo(IdeaState.IMPLEMENTED);
    }

    @Test
    void anEleventhMeasurementIsRefusedNamingTheRuleAndKeepsTheTen() {
        Idea idea = implemented();
        for (int i = 0; i < Implementation.MAX_MEASUREMENTS; i++) {
            idea.recordImpact(new ImpactDraft("Measured " + i, "1" + i, "csat-points"), null, RULES, "maya", CLOCK);
        }
        int history = idea.history().size();

        assertThatExceptionOfType(IdeaActionRefused.class)
                .isThrownBy(() ->
                        idea.recordImpact(new ImpactDraft("One more", "99", "csat-points"), null, RULES, "maya", CLOCK))
                .satisfies(refused -> assertThat(refused.violations())
                        .extracting(Violation::field)
                        .containsExactly("measurements"));
        assertThat(idea.progress().implementation().measurements()).hasSize(Implementation.MAX_MEASUREMENTS);
        assertThat(idea.progress().implementation().latest().measured().summary())
                .isEqualTo("Measured " + (Implementation.MAX_MEASUREMENTS - 1));
        assertThat(idea.history()).hasSize(history);
    }

    @Test
    void aMeasurementIsValidatedLikeTheEstimateAndNamesAConfiguredCheck() {
        Idea idea = implemented();

        assertThatExceptionOfType(IdeaActionRefused.class)
                .isThrownBy(
                        () -> idea.recordImpact(new ImpactDraft("", "abc", "csat-points"), 45, RULES, "maya", CLOCK))
                .satisfies(refused -> assertThat(refused.violations())
                        .extracting(Violation::field)
                        .containsExactly("impact.summary", "impact.amount", "checkpointDays"));
        assertThat(idea.progress().implementation().measurements()).isEmpty();
    }

    @Test
    void onlyAnImplementedIdeaCanBeMeasured() {
        Idea idea = IdeaTests.ideaIn(IdeaState.IN_PROGRESS);

        assertThatExceptionOfType(IdeaActionRefused.class)
                .isThrownBy(() -> idea.recordImpact(IdeaTests.IMPACT, null, RULES, "maya", CLOCK))
                .satisfies(
                        refused -> assertThat(refused.reason()).isEqualTo(IdeaActionRefused.Reason.NOT_IN_THIS_STATE));
    }

    private static Idea implemented() {
        Idea idea = IdeaTests.ideaIn(IdeaState.IN_PROGRESS);
        idea.implement(null, IdeaTests.IMPACT, null, RULES, "maya", CLOCK);
        return idea;
    }

    private static Clock at(Duration afterImplementation) {
        return Clock.fixed(NOW.plus(afterImplementation), ZoneOffset.UTC);
    }
}
