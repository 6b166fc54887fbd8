package org.suggestionbox.intake.chat;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.suggestionbox.intake.submission.IdeaDraft;

class ChatTextTests {

    private static final List<String> CATEGORIES = List.of("customer-experience", "operations", "workplace", "other");

    @Test
    void firstSentenceIsTheTitleAndTheWholeTextTheDescription() {
        IdeaDraft draft = ChatText.draft("  Quieter meeting rooms. Carpets would help.\nThanks!  ", CATEGORIES, false);

        assertThat(draft.title()).isEqualTo("Quieter meeting rooms");
        assertThat(draft.description()).isEqualTo("Quieter meeting rooms. Carpets would help.\nThanks!");
        assertThat(draft.category()).isNull();
        assertThat(draft.anonymous()).isFalse();
    }

    @Test
    void firstLineIsTheTitleWhenItHasNoSentenceEnd() {
        IdeaDraft draft = ChatText.draft("Shared team calendar\nso we stop double-booking", CATEGORIES, true);

        assertThat(draft.title()).isEqualTo("Shared team calendar");
        assertThat(draft.anonymous()).isTrue();
    }

    @Test
    void questionAndExclamationMarksStayInTheTitle() {
        assertThat(ChatText.draft("Why not recycle toner? It piles up.", CATEGORIES, false)
                        .title())
                .isEqualTo("Why not recycle toner?");
        assertThat(ChatText.draft("v1.2 rollout notes by e-mail! Please.", CATEGORIES, false)
                        .title())
                .isEqualTo("v1.2 rollout notes by e-mail!");
    }

    @Test
    void leadingKnownCategoryIsTakenOffTheText() {
        assertThat(ChatText.draft("workplace Quieter rooms", CATEGORIES, false))
                .isEqualTo(new IdeaDraft("Quieter rooms", "Quieter rooms", "workplace", false));
        assertThat(ChatText.draft("Operations: reuse pallets", CATEGORIES, false))
                .isEqualTo(new IdeaDraft("reuse pallets", "reuse pallets", "operations", false));
    }

    @Test
    void unknownFirstWordOrACategoryAloneIsPartOfTheIdea() {
        assertThat(ChatText.draft("kitchen Better coffee", CATEGORIES, false).category())
                .isNull();
        assertThat(ChatText.draft("workplace", CATEGORIES, false))
                .isEqualTo(new IdeaDraft("workplace", "workplace", null, false));
    }

    @Test
    void longFirstSentenceIsShortenedToFitATitle() {
        String sentence = "word ".repeat(40).strip();

        String title = ChatText.draft(sentence + ". More.", CATEGORIES, false).title();

        assertThat(title.codePointCount(0, title.length())).isLessThanOrEqualTo(120);
        assertThat(title).endsWith("word\u2026");
    }

    @Test
    void hebrewAndEmojiAreKeptIntact() {
        IdeaDraft draft = ChatText.draft("חדרי ישיבות שקטים 🌱. נא לשקול", CATEGORIES, false);

        assertThat(draft.title()).isEqualTo("חדרי ישיבות שקטים 🌱");
        assertThat(draft.description()).isEqualTo("חדרי ישיבות שקטים 🌱. נא לשקול");
    }

    @Test
    void missingTextGivesAnEmptyDraftForTheRulesToRefuse() {
        assertThat(ChatText.draft(null, CATEGORIES, false)).isEqualTo(new IdeaDraft("", "", null, false));
        assertThat(ChatText.draft("   ", CATEGORIES, false)).isEqualTo(new IdeaDraft("", "", null, false));
    }

    @Test
    void aLeadingVisibilityKeywordChoosesWhoMaySeeTheIdea() {
        assertThat(ChatText.draft("private: Quieter meeting rooms. Please.", CATEGORIES, false))
                .isEqualTo(new IdeaDraft(
                        "Quieter meeting rooms", "Quieter meeting rooms. Please.", null, false, null, "PRIVATE"));
        assertThat(ChatText.draft("Named: Quieter rooms", CATEGORIES, false).visibility())
                .isEqualTo("COMPANY_NAMED");
        assertThat(ChatText.draft("company: Quieter rooms", CATEGORIES, false).visibility())
                .isEqualTo("COMPANY");
        assertThat(ChatText.draft("Quieter rooms", CATEGORIES, false).visibility())
                .isNull();
    }

    @Test
    void theVisibilityKeywordAndTheCategoryMayComeInEitherOrder() {
        IdeaDraft first = ChatText.draft("private: workplace Quieter rooms", CATEGORIES, false);
        IdeaDraft second = ChatText.draft("workplace: private: Quieter rooms", CATEGORIES, false);

        assertThat(List.of(first, second)).allSatisfy(draft -> {
            assertThat(draft.visibility()).isEqualTo("PRIVATE");
            assertThat(draft.category()).isEqualTo("workplace");
            assertThat(draft.title()).isEqualTo("Quieter rooms");
        });
    }

    @Test
    void aWordThatMerelyStartsTheIdeaIsNotAVisibilityChoice() {
        IdeaDraft draft = ChatText.draft("Private parking for bikes", CATEGORIES, false);

        assertThat(draft.visibility()).isNull();
        assertThat(draft.title()).isEqualTo("Private parking for bikes");
        assertThat(ChatText.draft("private:", CATEGORIES, false).visibility()).isNull();
        assertThat(ChatText.draft("private: private: twice", CATEGORIES, false).title())
                .isEqualTo("private: twice");
    }
}
