package org.suggestionbox.intake.teams;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

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
}
