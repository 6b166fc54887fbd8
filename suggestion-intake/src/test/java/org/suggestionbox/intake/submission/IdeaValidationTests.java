package org.suggestionbox.intake.submission;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.suggestionbox.events.Visibility;

class IdeaValidationTests {

    private final IdeaRules rules =
            new IdeaRules(List.of("customer-experience", "operations", "workplace", "other"), "other");

    @Test
    void aPlainIdeaIsValidAndTrimmed() {
        Validation result =
                rules.validate(new IdeaDraft("  Quieter meeting rooms  ", "\n Add carpets.\n", "workplace", false));

        assertThat(result).isEqualTo(new ValidIdea("Quieter meeting rooms", "Add carpets.", "workplace", false));
    }

    @Test
    void missingCategoryFallsBackToTheDefault() {
        assertThat(rules.validate(new IdeaDraft("Quieter rooms", "Carpets", null, true)))
                .isEqualTo(new ValidIdea("Quieter rooms", "Carpets", "other", true));
        assertThat(rules.validate(new IdeaDraft("Quieter rooms", "Carpets", "  ", false)))
                .isInstanceOfSatisfying(
                        ValidIdea.class, idea -> assertThat(idea.category()).isEqualTo("other"));
    }

    @Test
    void titleShorterThanFiveCharactersAfterTrimmingIsRefused() {
        assertThat(violations(new IdeaDraft("  Abcd   ", "Description", "other", false)))
                .containsExactly(FieldViolation.of("title", "idea.error.title.length", 5, 120, 4));
    }

    @Test
    void titleOfFiveAndOfOneHundredTwentyCharactersIsAccepted() {
        assertThat(rules.validate(new IdeaDraft("Abcde", "Description", "other", false)))
                .isInstanceOf(ValidIdea.class);
        assertThat(rules.validate(new IdeaDraft("x".repeat(120), "Description", "other", false)))
                .isInstanceOf(ValidIdea.class);
    }

    @Test
    void titleLongerThanOneHundredTwentyCharactersIsRefused() {
        assertThat(violations(new IdeaDraft("x".repeat(121), "Description", "other", false)))
                .containsExactly(FieldViolation.of("title", "idea.error.title.length", 5, 120, 121));
    }

    @Test
    void missingTitleAndDescriptionAreRefused() {
        assertThat(violations(new IdeaDraft(null, "   ", "other", false)))
                .extracting(FieldViolation::field, FieldViolation::code)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("title", "idea.error.title.required"),
                        org.assertj.core.groups.Tuple.tuple("description", "idea.error.description.required"));
    }

    @Test
    void descriptionLongerThanFiveThousandCharactersIsRefused() {
        assertThat(rules.validate(new IdeaDraft("Long one", "d".repeat(5000), "other", false)))
                .isInstanceOf(ValidIdea.class);
        assertThat(violations(new IdeaDraft("Long one", "d".repeat(5001), "other", false)))
                .containsExactly(FieldViolation.of("description", "idea.error.description.length", 5000, 5001));
    }

    @Test
    void unknownCategoryIsRefused() {
        assertThat(violations(new IdeaDraft("Quieter rooms", "Carpets", "Workplace", false)))
                .containsExactly(FieldViolation.of("category", "idea.error.category.unknown"));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "Bell\u0007 ringing",
                "Null\u0000byte",
                "Line\nbreak",
                "Tab\there",
                "Esc\u001b[31m red",
                "DEL\u007f char",
                "C1\u0085 next line"
            })
    void controlCharactersInTheTitleAreRefused(String title) {
        assertThat(violations(new IdeaDraft(title, "Description", "other", false)))
                .containsExactly(FieldViolation.of("title", "idea.error.title.characters"));
    }

    @Test
    void lineBreaksAndTabsAreAllowedInTheDescriptionButOtherControlCharactersAreNot() {
        assertThat(rules.validate(new IdeaDraft("Multi-line", "First line\r\nSecond\tline\nThird", "other", false)))
                .isInstanceOf(ValidIdea.class);
        assertThat(violations(new IdeaDraft("Multi-line", "First\u0000second", "other", false)))
                .containsExactly(FieldViolation.of("description", "idea.error.description.characters"));
    }

    @Test
    void brokenUtf16IsRefused() {
        assertThat(violations(new IdeaDraft("Lone \uD83D surrogate", "Description", "other", false)))
                .containsExactly(FieldViolation.of("title", "idea.error.title.characters"));
        assertThat(violations(new IdeaDraft("Lone \uDE00 low", "Description", "other", false)))
                .containsExactly(FieldViolation.of("title", "idea.error.title.characters"));
    }

    @Test
    void hebrewPolishAndEmojiAreAccepted() {
        String hebrew = "חדרי ישיבות שקטים יותר";
        String polish = "Zażółć gęślą jaźń – cichsze sale";
        String emoji = "Plants 🌱👩‍💻 everywhere 🇵🇱";

        assertThat(rules.validate(new IdeaDraft(hebrew, "תיאור\u200F עם סימן כיווניות", "workplace", false)))
                .isEqualTo(new ValidIdea(hebrew, "תיאור\u200F עם סימן כיווניות", "workplace", false));
        assertThat(rules.validate(new IdeaDraft(polish, "Źdźbło, łąka, ćma.", "operations", false)))
                .isInstanceOf(ValidIdea.class);
        assertThat(rules.validate(new IdeaDraft(emoji, "🌵🌵🌵", "other", false)))
                .isInstanceOf(ValidIdea.class);
    }

    @Test
    void lengthsCountCharactersNotUtf16Units() {
        // five emoji are five characters (ten UTF-16 units)
        assertThat(rules.validate(new IdeaDraft("🌱🌱🌱🌱🌱", "Description", "other", false)))
                .isInstanceOf(ValidIdea.class);
        assertThat(violations(new IdeaDraft("🌱🌱🌱🌱", "Description", "other", false)))
                .containsExactly(FieldViolation.of("title", "idea.error.title.length", 5, 120, 4));
        assertThat(rules.validate(new IdeaDraft("Emoji", "🌱".repeat(5000), "other", false)))
                .isInstanceOf(ValidIdea.class);
    }

    @Test
    void markupIsAcceptedAsText() {
        assertThat(rules.validate(new IdeaDraft("<script>alert(1)</script>", "<b>bold</b>", "other", false)))
                .isEqualTo(new ValidIdea("<script>alert(1)</script>", "<b>bold</b>", "other", false));
    }

    @Test
    void withoutAChoiceTheIdeaIsSharedWithTheCompanyWithoutTheName() {
        assertThat(rules.validate(new IdeaDraft("Quieter rooms", "Carpets", null, false)))
                .isInstanceOfSatisfying(
                        ValidIdea.class, idea -> assertThat(idea.visibility()).isEqualTo(Visibility.COMPANY));
        assertThat(rules.validate(new IdeaDraft("Quieter rooms", "Carpets", null, false).withVisibility("  ")))
                .isInstanceOfSatisfying(
                        ValidIdea.class, idea -> assertThat(idea.visibility()).isEqualTo(Visibility.COMPANY));
    }

    @ParameterizedTest
    @EnumSource(Visibility.class)
    void everyVisibilityMayBeChosenForANamedIdea(Visibility chosen) {
        assertThat(rules.validate(new IdeaDraft("Quieter rooms", "Carpets", null, false).withVisibility(chosen.name())))
                .isInstanceOfSatisfying(
                        ValidIdea.class, idea -> assertThat(idea.visibility()).isEqualTo(chosen));
    }

    @ParameterizedTest
    @ValueSource(strings = {"COMPANY", "PRIVATE"})
    void anAnonymousIdeaMayBeSharedWithTheCompanyOrKeptPrivate(String chosen) {
        assertThat(rules.validate(new IdeaDraft("Quieter rooms", "Carpets", null, true).withVisibility(chosen)))
                .isInstanceOfSatisfying(
                        ValidIdea.class, idea -> assertThat(idea.visibility()).isEqualTo(Visibility.valueOf(chosen)));
    }

    @Test
    void anAnonymousIdeaThatWouldShowTheNameIsRefusedNotQuietlyChanged() {
        assertThat(violations(new IdeaDraft("Quieter rooms", "Carpets", null, true).withVisibility("COMPANY_NAMED")))
                .containsExactly(FieldViolation.of("visibility", "idea.error.visibility.anonymousNamed"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"company", "PUBLIC", "x", "COMPANY,PRIVATE"})
    void anUnknownVisibilityIsRefusedWithTheAllowedValues(String chosen) {
        // case is not forgiven: the API documents the three names
        assertThat(violations(new IdeaDraft("Quieter rooms", "Carpets", null, false).withVisibility(chosen)))
                .containsExactly(FieldViolation.of(
                        "visibility", "idea.error.visibility.unknown", "COMPANY, COMPANY_NAMED, PRIVATE"));
    }

    @Test
    void theChosenVisibilityIsTrimmedLikeEveryField() {
        assertThat(rules.validate(new IdeaDraft("Quieter rooms", "Carpets", null, false).withVisibility(" PRIVATE\n")))
                .isInstanceOfSatisfying(
                        ValidIdea.class, idea -> assertThat(idea.visibility()).isEqualTo(Visibility.PRIVATE));
    }

    private List<FieldViolation> violations(IdeaDraft draft) {
        Validation result = rules.validate(draft);
        assertThat(result).isInstanceOf(Validation.Invalid.class);
        return ((Validation.Invalid) result).violations();
    }
}
