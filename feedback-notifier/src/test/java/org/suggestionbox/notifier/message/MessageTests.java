package org.suggestionbox.notifier.message;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.suggestionbox.events.RecipientRole;

/** What the notifier's log lines say of a message and its recipient. */
class MessageTests {

    private static final Locale HEBREW = Locale.forLanguageTag("he");

    @Test
    void aMessageToANamedPersonIsLoggedWithItsEventAndLanguageButNoAddress() {
        Message message = declinedFor(new Contact("noa", "Noa Levi", "noa@suggestionbox.example", HEBREW, false));

        assertThat(message.toString())
                .isEqualTo("Message[IDEA_DECLINED of IdeaDecided " + message.sourceEventId()
                        + " to Recipient[role=SUBMITTER, Contact[locale=he]]]")
                .doesNotContain("noa");
    }

    @Test
    void aMessageToAnAnonymousSubmitterIsLoggedWithoutItsEventOrHerLanguage() {
        Message message = declinedFor(new Contact("noa", null, "noa@suggestionbox.example", HEBREW, true));

        assertThat(message.toString())
                .isEqualTo("Message[IDEA_DECLINED of IdeaDecided to Recipient[role=SUBMITTER, Contact[anonymous]]]")
                .doesNotContain(message.sourceEventId().toString())
                .doesNotContain(message.ideaId().toString());
    }

    private static Message declinedFor(Contact contact) {
        UUID ideaId = UUID.randomUUID();
        return new Message(
                UUID.randomUUID(),
                "IdeaDecided",
                ideaId,
                MessageKind.IDEA_DECLINED,
                new Recipient(contact, RecipientRole.SUBMITTER),
                "title",
                List.of("body"),
                "http://router/ideas/" + ideaId,
                Instant.now());
    }
}
