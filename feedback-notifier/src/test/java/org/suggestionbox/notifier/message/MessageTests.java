package org.suggestionbox.notifier.message;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.suggestionbox.events.RecipientRole;
import org.suggestionbox.events.SealedIdentity;
import org.suggestionbox.events.Submitter;

/** What the notifier's log lines say of a message and its recipient. */
class MessageTests {

    /** noa writes in Hebrew; an anonymous submitter opens as noa too. */
    private static final Recipients PEOPLE = TestRecipients.withoutManagers();

    @Test
    void aMessageToANamedPersonIsLoggedWithItsEventAndLanguageButNoAddress() {
        Message message = declinedFor(PEOPLE.person("noa").orElseThrow());

        assertThat(message.toString())
                .isEqualTo("Message[IDEA_DECLINED of IdeaDecided " + message.sourceEventId()
                        + " to Recipient[role=SUBMITTER, Contact[locale=he]]]")
                .doesNotContain("noa");
    }

    @Test
    void aMessageToAnAnonymousSubmitterIsLoggedWithoutItsEventOrHerLanguage() {
        Message message = declinedFor(PEOPLE.submitter(Submitter.anonymous(new SealedIdentity("k1", "c2VhbGVk")))
                .orElseThrow());

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
