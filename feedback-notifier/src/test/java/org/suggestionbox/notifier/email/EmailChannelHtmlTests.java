package org.suggestionbox.notifier.email;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.suggestionbox.events.RecipientRole;
import org.suggestionbox.notifier.config.NotifierProperties;
import org.suggestionbox.notifier.digest.Digest;
import org.suggestionbox.notifier.digest.DigestItem;
import org.suggestionbox.notifier.message.Contact;
import org.suggestionbox.notifier.message.Message;
import org.suggestionbox.notifier.message.MessageKind;
import org.suggestionbox.notifier.message.Recipient;
import org.suggestionbox.notifier.message.Texts;

/** The HTML part of the e-mails, rendered by the templates compiled at build time. */
class EmailChannelHtmlTests {

    private static final String MARKUP = "<script>alert(1)</script> & \"quoted\"";

    /** Each text is its key, with its arguments after a colon: what the template shows, not the catalogue. */
    private static final Texts KEYS = (key, locale, args) -> args.length == 0 ? key : key + ":" + List.of(args);

    private final NotifierProperties properties = MailProperties.keeping(1);
    private final EmailChannel channel =
            new EmailChannel(new SmtpConnections(new JavaMailSenderImpl(), properties), KEYS, properties);

    @Test
    void aMessageShowsItsTitleGreetingParagraphsLinkAndFooterInItsLanguage() {
        String html = channel.html(message("Alice", "en", "Standing desks", List.of("Reason: Not feasible", "Later.")));

        assertThat(html)
                .startsWith("<!DOCTYPE html>")
                .contains("<html lang=\"en\" dir=\"ltr\">")
                .contains("<title>Standing desks</title>")
                .contains("<p>mail.greeting:[Alice]</p>")
                .contains("<p>Reason: Not feasible</p>")
                .contains("<p>Later.</p>")
                .contains("<a href=\"http://localhost:8082/ideas/1\"")
                .contains(">mail.open</a>")
                .contains(">mail.footer</p>");
    }

    @Test
    void aHebrewMessageIsRightToLeft() {
        String html = channel.html(message(null, "he", "שולחנות עמידה", List.of("סיבה: לא ניתן לביצוע")));

        assertThat(html)
                .contains("<html lang=\"he\" dir=\"rtl\">")
                .contains("<p>mail.greeting.anonymous</p>")
                .contains("<h1 style=\"font-size:20px;margin:16px 0\">שולחנות עמידה</h1>")
                .contains("<p>סיבה: לא ניתן לביצוע</p>");
    }

    @Test
    void markupAPersonTypedIsShownAsTextNotRun() {
        String html = channel.html(message(MARKUP, "en", MARKUP, List.of(MARKUP)));

        assertThat(html)
                .doesNotContain("<script>")
                .contains("<title>&lt;script&gt;alert(1)&lt;/script&gt; &amp; \"quoted\"</title>")
                .contains("<p>mail.greeting:[&lt;script&gt;alert(1)&lt;/script&gt; &amp; \"quoted\"]</p>")
                .contains("<p>&lt;script&gt;alert(1)&lt;/script&gt; &amp; \"quoted\"</p>");
    }

    @Test
    void aDigestShowsEachItemWithItsLinkAndEscapesWhatPeopleTyped() {
        Contact maya = new Contact("maya", "Maya", "maya@example", Locale.forLanguageTag("he"), false);
        Digest digest = new Digest(
                UUID.randomUUID(),
                LocalDate.of(2026, 5, 1),
                maya,
                List.of(
                        new DigestItem("New idea in your queue", "Please answer.", "http://x/ideas/1", Instant.EPOCH),
                        new DigestItem(
                                MARKUP, "First.\n\nSecond.", "http://x/ideas/2\" onclick=\"alert(1)", Instant.EPOCH)));

        String html = channel.html(digest);

        assertThat(html)
                .contains("<html lang=\"he\" dir=\"rtl\">")
                .contains("<title>mail.digest.subject.two:[2]</title>")
                .contains("<p>mail.greeting:[Maya]</p>")
                .contains(">New idea in your queue</h2>")
                .contains("<a href=\"http://x/ideas/1\" style=\"color:#1d4ed8\">mail.open</a>")
                // a quote cannot end the attribute early
                .contains("<a href=\"http://x/ideas/2&#34; onclick=&#34;alert(1)\"")
                .contains("<p>First.</p>")
                .contains("<p>Second.</p>")
                .contains(">mail.digest.footer</p>")
                .doesNotContain("<script>");
    }

    private static Message message(String name, String language, String title, List<String> paragraphs) {
        Contact contact = new Contact("p", name, "p@example", Locale.forLanguageTag(language), name == null);
        return new Message(
                UUID.randomUUID(),
                "IdeaDecided",
                UUID.randomUUID(),
                MessageKind.IDEA_DECLINED,
                new Recipient(contact, RecipientRole.SUBMITTER),
                title,
                paragraphs,
                "http://localhost:8082/ideas/1",
                Instant.EPOCH);
    }
}
