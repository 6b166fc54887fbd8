package org.suggestionbox.notifier.message;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Counted texts in the plural form their language needs ({@link org.suggestionbox.platform.i18n.PluralRules}). */
class CountedTextsTests {

    private static final Locale POLISH = Locale.forLanguageTag("pl");
    private static final Locale HEBREW = Locale.forLanguageTag("he");

    private final Texts texts = BundleTexts.texts();

    @ParameterizedTest
    @CsvSource({
        "1, Jedno nieprzeczytane powiadomienie",
        "2, 2 nieprzeczytane powiadomienia",
        "3, 3 nieprzeczytane powiadomienia",
        "5, 5 nieprzeczytanych powiadomień",
        "12, 12 nieprzeczytanych powiadomień",
        "22, 22 nieprzeczytane powiadomienia",
        "25, 25 nieprzeczytanych powiadomień",
        "101, 101 nieprzeczytanych powiadomień",
        "102, 102 nieprzeczytane powiadomienia"
    })
    void polishUnreadCountsReadRight(long count, String expected) {
        assertThat(texts.count("inbox.unread", POLISH, count)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({"1, הודעה אחת שלא נקראה", "2, שתי הודעות שלא נקראו", "3, 3 הודעות שלא נקראו"})
    void hebrewUnreadCountsReadRight(long count, String expected) {
        assertThat(texts.count("inbox.unread", HEBREW, count)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({"1, One unread notification", "2, 2 unread notifications", "22, 22 unread notifications"})
    void englishUnreadCountsReadRight(long count, String expected) {
        assertThat(texts.count("inbox.unread", Locale.ENGLISH, count)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({
        "pl, 22, Twoje codzienne podsumowanie Skrzynki Pomysłów: 22 aktualizacje",
        "pl, 25, Twoje codzienne podsumowanie Skrzynki Pomysłów: 25 aktualizacji",
        "he, 2, הסיכום היומי שלך מתיבת ההצעות: שני עדכונים",
        "en, 1, Your daily Suggestion Box digest: one update"
    })
    void digestSubjectsCountTheirUpdates(String language, long count, String expected) {
        assertThat(texts.count("mail.digest.subject", Locale.forLanguageTag(language), count))
                .isEqualTo(expected);
    }
}
