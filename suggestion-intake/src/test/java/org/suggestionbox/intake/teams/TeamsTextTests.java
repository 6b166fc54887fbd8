package org.suggestionbox.intake.teams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TeamsTextTests {

    @Test
    void mentionIsStrippedAndHtmlBecomesPlainText() {
        String html = "<at>Suggestion Box</at>&nbsp;Reuse <b>pallets</b> &amp; crates.<br>They are &lt;wasted&gt;"
                + "<p>Second&#160;paragraph &#x1F331;</p>";

        assertThat(TeamsText.plain(html))
                .isEqualTo("Reuse pallets & crates.\nThey are <wasted>\nSecond paragraph \uD83C\uDF31");
    }

    @Test
    void mentionWithAttributesAndDivsAreHandled() {
        assertThat(TeamsText.plain("<div><div><at id=\"0\">Suggestion Box</at> Quieter rooms</div></div>"))
                .isEqualTo("Quieter rooms");
    }

    @Test
    void escapedMarkupStaysText() {
        assertThat(TeamsText.plain("<at>Suggestion Box</at> &lt;script&gt;alert(1)&lt;/script&gt; title"))
                .isEqualTo("<script>alert(1)</script> title");
    }

    @Test
    void missingTextIsEmpty() {
        assertThat(TeamsText.plain(null)).isEmpty();
    }

    @Test
    void unclosedMentionsTagsAndEntitiesStayText() {
        assertThat(TeamsText.plain("<at>Suggestion Box</at> c &gt d &#xZZ; &amp;lt; <at>Noa x < y"))
                .isEqualTo("c &gt d &#xZZ; &lt; Noa x < y");
    }

    @Test
    void breaksWithAttributesAndUpperCaseTagsBecomeLineBreaks() {
        assertThat(TeamsText.plain("<AT>Suggestion Box</At>One<BR class=\"x\">Two<LI>Three</li>"))
                .isEqualTo("One\nTwo\nThree");
    }

    /**
     * A megabyte of text built to make a backtracking pattern try every start against the rest
     * (the old {@code <at[^>]*>.*?</at>} took minutes on the first input): cleaned in well under
     * the bound, which is generous on purpose; this is not a benchmark.
     */
    @ParameterizedTest
    @ValueSource(strings = {"<at>", "<", "<at ", "&#", "<at>x</a", "\t <br>&amp;"})
    void pathologicalMegabyteIsCleanedInLinearTime(String unit) {
        String html = unit.repeat(1024 * 1024 / unit.length());

        String plain = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> TeamsText.plain(html));

        assertThat(plain.length()).isLessThanOrEqualTo(html.length());
    }
}
