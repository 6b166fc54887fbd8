package org.suggestionbox.router.idea;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.suggestionbox.events.DeclineReason;
import org.suggestionbox.events.IdeaDecided;
import org.suggestionbox.events.IdeaMergedAsDuplicate;
import org.suggestionbox.events.IdeaStatusChanged;
import org.suggestionbox.events.IdeaSubmitted;
import org.suggestionbox.events.SealedIdentity;
import org.suggestionbox.events.SubmissionChannel;
import org.suggestionbox.events.Submitter;
import org.suggestionbox.events.Visibility;

/** Who may see an idea, whose names they see, and who supports it. */
class IdeaAudienceTests {

    private static final Instant NOW = Instant.parse("2026-03-02T09:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final Owner MAYA = new Owner("maya", "Maya Rosen");
    private static final RoutedBecause BECAUSE = RoutedBecause.toOwner("cx-owner", List.of(), "Maya Rosen");

    private static final Viewer COLLEAGUE = new Viewer("piotr", false);
    private static final Viewer LEADER = new Viewer("lea", true);

    @Test
    void aCompanyIdeaIsSeenByColleaguesWithoutAnyName() {
        Idea idea = assigned(Visibility.COMPANY, Submitter.person("alice"));

        assertThat(idea.visibleTo(COLLEAGUE)).isTrue();
        assertThat(idea.namesVisibleTo(COLLEAGUE)).isEmpty();
        assertThat(idea.namesVisibleTo(new Viewer("maya", false))).containsExactly("alice", "noa");
        assertThat(idea.namesVisibleTo(LEADER)).containsExactly("alice", "noa");
    }

    @Test
    void aNamedIdeaShowsTheSubmitterAndOnlyTheCoSubmittersWhoAgreed() {
        Idea idea = assigned(Visibility.COMPANY_NAMED, Submitter.person("alice"));

        assertThat(idea.namesVisibleTo(COLLEAGUE)).containsExactly("alice");

        assertThat(idea.agreeToBeNamed("noa")).isTrue();
        assertThat(idea.agreeToBeNamed("noa")).isFalse();
        assertThat(idea.namesVisibleTo(COLLEAGUE)).containsExactly("alice", "noa");
    }

    @Test
    void onlyACoSubmitterCanAgreeToBeNamed() {
        Idea idea = assigned(Visibility.COMPANY_NAMED, Submitter.person("alice"));

        for (String notACoSubmitter : List.of("alice", "piotr")) {
            assertThatExceptionOfType(IdeaActionRefused.class)
                    .isThrownBy(() -> idea.agreeToBeNamed(notACoSubmitter))
                    .satisfies(ex -> assertThat(ex.action()).isEqualTo(IdeaAction.AGREE_TO_BE_NAMED));
        }
        assertThat(idea.audience().namedCoSubmitterIds()).isEmpty();
    }

    @Test
    void aPrivateIdeaIsSeenOnlyByItsOwnPeopleItsSupportersAndLeaders() {
        Idea idea = assigned(Visibility.PRIVATE, Submitter.person("alice"));

        assertThat(idea.visibleTo(COLLEAGUE)).isFalse();
        assertThat(idea.visibleTo(new Viewer("alice", false))).isTrue();
        assertThat(idea.visibleTo(new Viewer("noa", false))).isTrue();
        assertThat(idea.visibleTo(new Viewer("maya", false))).isTrue();
        assertThat(idea.visibleTo(LEADER)).isTrue();

        idea.escalate("jan", Duration.ofDays(3), Clock.fixed(NOW.plus(Duration.ofDays(15)), ZoneOffset.UTC));
        assertThat(idea.visibleTo(new Viewer("jan", false))).as("a watcher").isTrue();
    }

    @Test
    void aPrivateIdeaCannotBeSupportedByWhoCannotSeeIt() {
        Idea idea = assigned(Visibility.PRIVATE, Submitter.person("alice"));

        assertThatExceptionOfType(IdeaActionRefused.class)
                .isThrownBy(() -> idea.support(COLLEAGUE))
                .satisfies(ex ->
                        assertThat(ex.violations()).extracting(Violation::field).containsExactly("supporter"));
        assertThat(idea.audience().supporterIds()).isEmpty();
    }

    @Test
    void anAnonymousIdeaIsNeverNamedNotEvenWhenNamedWasAsked() {
        Submitter anonymous = Submitter.anonymous(new SealedIdentity("kid-1", "c2VhbGVk"));
        Idea idea = Idea.submit(submitted(Visibility.COMPANY_NAMED, anonymous, List.of()));
        idea.assign(MAYA, "cx-owner", BECAUSE, NOW.plus(Duration.ofDays(14)), CLOCK);

        assertThat(idea.audience().visibility()).isEqualTo(Visibility.COMPANY);
        for (Viewer viewer : List.of(COLLEAGUE, LEADER, new Viewer("maya", false))) {
            assertThat(idea.namesVisibleTo(viewer)).as("names %s sees", viewer).isEmpty();
        }
        assertThat(idea.visibleTo(COLLEAGUE)).isTrue();
    }

    @Test
    void anIdeaSubmittedWithoutAChoiceFromBeforeVisibilityIsPrivate() {
        Idea idea = Idea.submit(submitted(null, Submitter.person("alice"), List.of()));

        assertThat(idea.audience()).isEqualTo(Audience.of(Visibility.PRIVATE));
        assertThat(idea.visibleTo(COLLEAGUE)).isFalse();
    }

    @Test
    void supportIsIdempotentAndCanBeWithdrawn() {
        Idea idea = assigned(Visibility.COMPANY, Submitter.person("alice"));

        assertThat(idea.support(COLLEAGUE)).isTrue();
        assertThat(idea.support(COLLEAGUE)).isFalse();
        assertThat(idea.audience().supporterIds()).containsExactly("piotr");
        assertThat(idea.visibleTo(COLLEAGUE)).isTrue();

        assertThat(idea.withdrawSupport("piotr")).isTrue();
        assertThat(idea.withdrawSupport("piotr")).isFalse();
        assertThat(idea.audience().supporterIds()).isEmpty();
    }

    @Test
    void aSupporterKeepsSeeingAPrivateIdeaTheySupport() {
        Idea idea = assigned(Visibility.COMPANY, Submitter.person("alice"));
        idea.support(COLLEAGUE);
        Idea privateOne = Idea.restore(
                idea.id(),
                idea.version(),
                idea.submission(),
                idea.state(),
                idea.assignment(),
                idea.deadline(),
                idea.decision(),
                idea.progress(),
                idea.mergedInto(),
                idea.answeredAt(),
                idea.chase(),
                idea.history(),
                idea.processedEventIds(),
                idea.outbox(),
                new Audience(Visibility.PRIVATE, idea.audience().supporterIds(), List.of()));

        assertThat(privateOne.visibleTo(COLLEAGUE)).isTrue();
        assertThat(privateOne.visibleTo(new Viewer("jan", false))).isFalse();
    }

    @Test
    void submittersAndTheOwnerCannotSupportTheirOwnIdea() {
        Idea idea = assigned(Visibility.COMPANY, Submitter.person("alice"));

        for (String own : List.of("alice", "noa", "maya")) {
            assertThatExceptionOfType(IdeaActionRefused.class)
                    .isThrownBy(() -> idea.support(new Viewer(own, false)))
                    .satisfies(ex -> assertThat(ex.reason()).isEqualTo(IdeaActionRefused.Reason.INCOMPLETE));
        }
        assertThat(idea.audience().supporterIds()).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(
            value = IdeaState.class,
            names = {"DECLINED", "MERGED", "IMPLEMENTED", "SHELVED"})
    void aFinishedIdeaTakesNoSupportAndKeepsItsSupporters(IdeaState finished) {
        Idea idea = IdeaTests.ideaIn(finished);

        assertThatExceptionOfType(IdeaActionRefused.class)
                .isThrownBy(() -> idea.support(LEADER))
                .satisfies(ex -> assertThat(ex.reason()).isEqualTo(IdeaActionRefused.Reason.NOT_IN_THIS_STATE));
        assertThatExceptionOfType(IdeaActionRefused.class).isThrownBy(() -> idea.withdrawSupport("lea"));
    }

    @Test
    void anExploredIdeaCanStillBeSupported() {
        Idea idea = assigned(Visibility.COMPANY, Submitter.person("alice"));
        idea.explore("Pilot in one team", LocalDate.of(2026, 4, 1), null, "maya", CLOCK);

        assertThat(idea.support(COLLEAGUE)).isTrue();
    }

    @Test
    void supportStopsAtTheCap() {
        Idea idea = assigned(Visibility.COMPANY, Submitter.person("alice"));
        List<String> many = new ArrayList<>();
        for (int i = 0; i < Audience.MAX_SUPPORTERS + 5; i++) {
            many.add("person-" + i);
        }
        assertThat(idea.adoptSupporters(many)).isTrue();
        assertThat(idea.audience().supportCount()).isEqualTo(Audience.MAX_SUPPORTERS);

        assertThatExceptionOfType(IdeaActionRefused.class)
                .isThrownBy(() -> idea.support(COLLEAGUE))
                .satisfies(ex ->
                        assertThat(ex.violations()).extracting(Violation::field).containsExactly("supporter"));
        assertThat(idea.support(new Viewer("person-0", false)))
                .as("an existing supporter")
                .isFalse();
    }

    @Test
    void everyOutcomeEventCarriesTheSupporters() {
        Idea declined = supportedByThree();
        IdeaDecided decided = declined.decline(DeclineReason.NOT_FEASIBLE, "Not now", "maya", CLOCK);
        assertThat(decided.supporterIds()).containsExactly("piotr", "jan", "lea");

        Idea explored = supportedByThree();
        assertThat(explored.explore("Pilot", LocalDate.of(2026, 4, 1), null, "maya", CLOCK)
                        .supporterIds())
                .containsExactly("piotr", "jan", "lea");
        IdeaStatusChanged started = explored.startProgress("Started", "maya", CLOCK);
        assertThat(started.supporterIds()).containsExactly("piotr", "jan", "lea");
        assertThat(started.visibility()).isEqualTo(Visibility.COMPANY);

        Idea merged = supportedByThree();
        IdeaMergedAsDuplicate duplicate =
                merged.mergeInto(new IdeaId(UUID.randomUUID()), "The original", null, "maya", CLOCK);
        assertThat(duplicate.supporterIds()).containsExactly("piotr", "jan", "lea");
    }

    @Test
    void theOriginalAdoptsADuplicatesSupportersButNotItsOwnPeople() {
        Idea original = assigned(Visibility.PRIVATE, Submitter.person("alice"));

        assertThat(original.adoptSupporters(List.of("piotr", "alice", "maya", "piotr", "jan")))
                .isTrue();
        assertThat(original.adoptSupporters(List.of("jan"))).isFalse();

        assertThat(original.audience().supporterIds()).containsExactly("piotr", "jan");
        assertThat(original.visibleTo(COLLEAGUE)).isTrue();
        IdeaDecided decided = original.decline(DeclineReason.NOT_FEASIBLE, "Not now", "maya", CLOCK);
        assertThat(decided.supporterIds()).containsExactly("piotr", "jan");
    }

    private static Idea supportedByThree() {
        Idea idea = assigned(Visibility.COMPANY, Submitter.person("alice"));
        idea.support(COLLEAGUE);
        idea.support(new Viewer("jan", false));
        idea.support(LEADER);
        return idea;
    }

    private static Idea assigned(Visibility visibility, Submitter submitter) {
        Idea idea = Idea.submit(submitted(visibility, submitter, List.of("noa")));
        idea.assign(MAYA, "cx-owner", BECAUSE, NOW.plus(Duration.ofDays(14)), CLOCK);
        return idea;
    }

    private static IdeaSubmitted submitted(
            @Nullable Visibility visibility, Submitter submitter, List<String> coSubmitterIds) {
        return new IdeaSubmitted(
                UUID.randomUUID(),
                UUID.randomUUID(),
                NOW.minus(Duration.ofHours(1)),
                IdeaSubmitted.SCHEMA_VERSION,
                "Shorter hold music",
                "Callers wait too long",
                "customer-experience",
                SubmissionChannel.WEB,
                submitter,
                "Customer Service",
                submitter.isAnonymous() ? null : "en",
                coSubmitterIds,
                null,
                visibility);
    }
}
