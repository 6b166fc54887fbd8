package org.suggestionbox.notifier.yousaid;

import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.suggestionbox.events.EventIds;
import org.suggestionbox.events.Impact;
import org.suggestionbox.events.RecipientRole;
import org.suggestionbox.notifier.message.Contact;
import org.suggestionbox.notifier.message.ImpactWords;
import org.suggestionbox.notifier.message.Message;
import org.suggestionbox.notifier.message.MessageKind;
import org.suggestionbox.notifier.message.Recipient;
import org.suggestionbox.notifier.message.Texts;

/**
 * Writes one person's "You said, we did" of a month in their language: one paragraph per idea with its
 * title, what changed and its benefit (measured where an impact check recorded one, else estimated).
 * Names nobody.
 */
final class MonthlyDigestWriter {

    private final Texts texts;
    private final ImpactWords impacts;
    private final String wallLink;

    /** @param routerBase where the idea wall lives; the digest links to its implemented ideas */
    MonthlyDigestWriter(Texts texts, ImpactWords impacts, String routerBase) {
        this.texts = texts;
        this.impacts = impacts;
        this.wallLink = (routerBase.endsWith("/") ? routerBase : routerBase + "/") + "ideas?state=IMPLEMENTED";
    }

    /** The month's digest as one id: the same for everyone, so that each person's sends are keyed by it. */
    static UUID digestId(YearMonth month) {
        return EventIds.derive("you-said-we-did", month.toString());
    }

    /**
     * @param ideas the month's implemented ideas colleagues may see, not empty
     */
    Message write(YearMonth month, Contact contact, List<ImplementedIdea> ideas, ZoneId zone) {
        Locale locale = contact.locale();
        String monthName = DateTimeFormatter.ofPattern("LLLL yyyy", locale).format(month);
        List<String> paragraphs = new ArrayList<>();
        paragraphs.add(texts.text("yousaid.intro", locale, monthName));
        for (ImplementedIdea idea : ideas) {
            paragraphs.add(item(idea, locale));
        }
        UUID id = digestId(month);
        return new Message(
                id,
                "YouSaidWeDid",
                // about no single idea: the digest's own id stands in for it (the digest is not proven per idea)
                id,
                MessageKind.YOU_SAID_WE_DID,
                // the events know no "colleague" role; the digest's role stays inside the notifier
                new Recipient(contact, RecipientRole.SUPPORTER),
                texts.text("yousaid.title", locale, monthName),
                paragraphs,
                wallLink,
                month.plusMonths(1).atDay(1).atStartOfDay(zone).toInstant());
    }

    private String item(ImplementedIdea idea, Locale locale) {
        Impact estimated = idea.estimated();
        Impact measured = idea.measured();
        Impact shown = measured != null ? measured : estimated;
        String summary = shown == null ? "" : sentence(shown.summary());
        StringBuilder item = new StringBuilder(
                summary.isEmpty()
                        ? "“" + idea.title() + "”"
                        : texts.text("yousaid.item", locale, idea.title(), summary));
        if (measured != null) {
            item.append(' ').append(texts.text("yousaid.item.measured", locale, impacts.benefit(measured, locale)));
        } else if (estimated != null) {
            item.append(' ').append(texts.text("yousaid.item.estimated", locale, impacts.benefit(estimated, locale)));
        }
        return item.toString();
    }

    /** The owner's words as a sentence, so that the benefit's sentence can follow. */
    private static String sentence(String words) {
        String stripped = words.strip();
        if (stripped.isEmpty() || ".!?…".indexOf(stripped.charAt(stripped.length() - 1)) >= 0) {
            return stripped;
        }
        return stripped + ".";
    }
}
