package org.suggestionbox.router.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.suggestionbox.router.MessageBundles;
import org.suggestionbox.router.idea.RoutedBecause;
import org.suggestionbox.router.idea.RoutedBecause.Criterion;
import org.suggestionbox.router.idea.RoutedBecause.Match;
import org.suggestionbox.router.idea.TeamStrategy;

/** Why an idea came to its owner, said with the router's own message bundles in each page language. */
class RoutedBecauseTextTests {

    private static final Locale HEBREW = Locale.forLanguageTag("he");
    private static final Locale POLISH = Locale.forLanguageTag("pl");

    private final RoutedBecauseText text = new RoutedBecauseText(MessageBundles.messages());

    private final RoutedBecause toOwner = RoutedBecause.toOwner(
            "ops-safety",
            List.of(new Match(Criterion.CATEGORY, "operations"), new Match(Criterion.KEYWORD, "forklift")),
            "Jan Kowalski");

    private final RoutedBecause toTeamMember = RoutedBecause.toTeamMember(
            "cx-team", List.of(new Match(Criterion.ANY, "")), TeamStrategy.FEWEST_OPEN, "Maya Rosen");

    private final RoutedBecause toTriage = RoutedBecause.toTriage(
            "workplace", List.of(new RoutedBecause.Unowned("facilities", List.of("bob"))), "Maya Rosen");

    @Test
    void englishPagesSayWhatTheApiSaysWithTheCategorysName() {
        assertThat(toOwner.inEnglish())
                .isEqualTo("category 'operations', keyword 'forklift' matched rule ops-safety; owned by Jan Kowalski");
        assertThat(text.say(toOwner, toOwner.inEnglish(), Locale.ENGLISH))
                .isEqualTo("category 'Operations', keyword 'forklift' matched rule ops-safety; owned by Jan Kowalski");
        assertThat(text.say(toTeamMember, toTeamMember.inEnglish(), Locale.ENGLISH))
                .isEqualTo("any idea matched rule cx-team; team member chosen by fewest open ideas: Maya Rosen");
        assertThat(text.say(toTriage, toTriage.inEnglish(), Locale.ENGLISH))
                .isEqualTo("rule facilities matched but bob is not an owner in the directory; no other rule matches; "
                        + "sent to triage owner Maya Rosen");
    }

    @Test
    void hebrewPagesSayItInHebrewWithEachLatinPartIsolated() {
        assertThat(text.say(toOwner, toOwner.inEnglish(), HEBREW))
                .isEqualTo("הכלל " + isolated("ops-safety") + " חל ("
                        + isolated("הקטגוריה 'תפעול', מילת המפתח '" + isolated("forklift") + "'") + "); באחריות "
                        + isolated("Jan Kowalski"));
        assertThat(text.say(toTeamMember, toTeamMember.inEnglish(), HEBREW))
                .isEqualTo("הכלל " + isolated("cx-team")
                        + " חל (כל רעיון); חבר הצוות נבחר לפי מספר הרעיונות הפתוחים הקטן ביותר: "
                        + isolated("Maya Rosen"));
        assertThat(text.say(toTriage, toTriage.inEnglish(), HEBREW))
                .isEqualTo(isolated("הכלל " + isolated("facilities") + " חל, אבל " + isolated("bob")
                                + " אינו אחראי רעיונות במדריך הארגוני")
                        + "; אין כלל אחר שחל; נשלח לאחראי המיון " + isolated("Maya Rosen"));
        assertThat(text.say(RoutedBecause.toTriage("other", List.of(), "Maya Rosen"), "", HEBREW))
                .isEqualTo("אין כלל ניתוב לקטגוריה 'אחר'; נשלח לאחראי המיון " + isolated("Maya Rosen"));
        assertThat(text.say(RoutedBecause.toTriage("gardening", List.of(), "Maya Rosen"), "", HEBREW))
                .as("a category without a name on the pages")
                .contains("'" + isolated("gardening") + "'");
    }

    /** A text in U+2068 first strong isolate … U+2069 pop directional isolate. */
    private static String isolated(String text) {
        return "\u2068" + text + "\u2069";
    }

    @Test
    void polishPagesSayItInPolish() {
        assertThat(text.say(toOwner, toOwner.inEnglish(), POLISH))
                .isEqualTo(
                        "kategoria „Operacje”, słowo kluczowe „forklift” pasuje do reguły ops-safety; właściciel: Jan Kowalski");
    }

    @Test
    void anIdeaRoutedBeforeThePartsWereKeptShowsItsEnglishText() {
        assertThat(text.say(null, "category 'operations' matched rule ops-owner; owned by Jan Kowalski", HEBREW))
                .isEqualTo("category 'operations' matched rule ops-owner; owned by Jan Kowalski");
        assertThat(text.say(null, null, HEBREW)).isNull();
    }
}
