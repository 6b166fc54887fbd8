package org.suggestionbox.platform.markup;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ChatMarkupTests {

    @Test
    void slackLinksMentionsAndEntitiesStayText() {
        assertThat(ChatMarkup.slack("<https://evil.example|click> <!channel> &amp; a < b"))
                .isEqualTo("&lt;https://evil.example|click&gt; &lt;!channel&gt; &amp;amp; a &lt; b");
    }

    @Test
    void teamsEmphasisLinksAndTagsStayText() {
        assertThat(ChatMarkup.teams("**bold** [x](javascript:alert(1)) <b>hi</b> _it_ `code`"))
                .isEqualTo(
                        "\\*\\*bold\\*\\* \\[x\\]\\(javascript:alert\\(1\\)\\) \\<b\\>hi\\</b\\> \\_it\\_ \\`code\\`");
    }

    @Test
    void teamsListAndHeadingMarkersAtLineStartStayText() {
        assertThat(ChatMarkup.teams("- one\n+ two\n12. three\n# four\nsum 3-2=1. done"))
                .isEqualTo("\\- one\n\\+ two\n12\\. three\n\\# four\nsum 3-2=1. done");
    }

    @Test
    void plainTextIsUnchanged() {
        assertThat(ChatMarkup.teams("Quieter rooms, please: 2 more.")).isEqualTo("Quieter rooms, please: 2 more.");
        assertThat(ChatMarkup.slack("Quieter rooms, please.")).isEqualTo("Quieter rooms, please.");
        assertThat(ChatMarkup.teams("שקט בבקשה")).isEqualTo("שקט בבקשה");
    }
}
