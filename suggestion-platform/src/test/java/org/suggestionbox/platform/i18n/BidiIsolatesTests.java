package org.suggestionbox.platform.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;

/** Which message arguments a right-to-left sentence isolates, and that left-to-right ones are left as they are. */
class BidiIsolatesTests {

    private static final Locale HEBREW = Locale.forLanguageTag("he");

    @Test
    void hebrewIsolatesEachTextWithALatinLetter() {
        Object[] arguments = {"cx-owner", "Maya Rosen", "חוויית לקוח", "שיפור ה-CRM", 3, "2026-12-20"};

        assertThat(BidiIsolates.arguments(HEBREW, arguments))
                .containsExactly(
                        "\u2068cx-owner\u2069",
                        "\u2068Maya Rosen\u2069",
                        "חוויית לקוח",
                        "\u2068שיפור ה-CRM\u2069",
                        3,
                        "2026-12-20");
        assertThat(arguments).as("the caller's arguments are left alone").startsWith("cx-owner");
    }

    @Test
    void leftToRightLanguagesTakeTheArgumentsAsTheyAre() {
        Object[] arguments = {"cx-owner", "מאיה"};

        assertThat(BidiIsolates.arguments(Locale.ENGLISH, arguments)).isSameAs(arguments);
        assertThat(BidiIsolates.arguments(Locale.forLanguageTag("pl"), arguments))
                .isSameAs(arguments);
    }
}
