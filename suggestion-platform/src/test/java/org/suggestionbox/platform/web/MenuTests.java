package org.suggestionbox.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The header marks the entry of the page being answered, and none on a page that is no entry of it. */
class MenuTests {

    @Test
    void eachEntrysPageIsTheCurrentEntry() {
        assertThat(Menu.entryAt("suggestion-intake", "/ideas/new")).isEqualTo("submit");
        assertThat(Menu.entryAt("suggestion-intake", "/ideas")).isEqualTo("submit");
        assertThat(Menu.entryAt("suggestion-router", "/my-ideas")).isEqualTo("myIdeas");
        assertThat(Menu.entryAt("suggestion-router", "/ideas")).isEqualTo("wall");
        assertThat(Menu.entryAt("suggestion-router", "/queue")).isEqualTo("queue");
        assertThat(Menu.entryAt("suggestion-router", "/dashboard")).isEqualTo("dashboard");
        assertThat(Menu.entryAt("suggestion-router", "/admin/outbox")).isEqualTo("admin");
        assertThat(Menu.entryAt("feedback-notifier", "/inbox")).isEqualTo("inbox");
        assertThat(Menu.entryAt("feedback-notifier", "/preferences")).isEqualTo("preferences");
    }

    @Test
    void aPageThatIsNoEntryMarksNone() {
        assertThat(Menu.entryAt("suggestion-router", "/ideas/0b6f7a55-7d1c-4b8e-9c49-3f3c2b1d8e20"))
                .isNull();
        assertThat(Menu.entryAt("suggestion-router", "/track/abc")).isNull();
        assertThat(Menu.entryAt("suggestion-intake", "/ideas/0b6f7a55-7d1c-4b8e-9c49-3f3c2b1d8e20/submitted"))
                .isNull();
        assertThat(Menu.entryAt("feedback-notifier", "/error")).isNull();
        // the same path in another service is another page
        assertThat(Menu.entryAt("feedback-notifier", "/queue")).isNull();
        assertThat(Menu.entryAt("sign-in-provider", "/ideas")).isNull();
    }
}
