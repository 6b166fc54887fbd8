package org.suggestionbox.notifier.message;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.suggestionbox.events.AnswerEscalated;
import org.suggestionbox.events.AnswerReminderDue;
import org.suggestionbox.events.DecisionOutcome;
import org.suggestionbox.events.IdeaAssigned;
import org.suggestionbox.events.IdeaDecided;
import org.suggestionbox.events.IdeaImpactMeasured;
import org.suggestionbox.events.IdeaLifecycleEvent;
import org.suggestionbox.events.IdeaMergedAsDuplicate;
import org.suggestionbox.events.IdeaReassigned;
import org.suggestionbox.events.IdeaStatusChanged;
import org.suggestionbox.events.ImpactCheckDue;
import org.suggestionbox.events.RecipientRole;
import org.suggestionbox.events.Submitter;

/**
 * Who hears what. Submitters hear every step of their idea (received, decided, progress, merged,
 * reassigned, delayed); owners hear of new ideas in their queue, reassignments to them and
 * reminders; the escalation target hears of escalations. Everyone in their own language.
 * <p>
 * A person hears one message per event: someone who both submitted and owns an idea hears it as
 * its submitter (the ledger keys deliveries by event, person and channel).
 */
public final class MessageComposer {

    private static final Logger LOG = LoggerFactory.getLogger(MessageComposer.class);

    private final Recipients recipients;
    private final Texts texts;
    private final ZoneId zone;
    private final String ideaLinkBase;

    /**
     * @param ideaLinkBase where idea pages live, e.g. {@code http://localhost:8082}; links are
     *        {@code <base>/ideas/<id>}
     */
    public MessageComposer(Recipients recipients, Texts texts, ZoneId zone, String ideaLinkBase) {
        this.recipients = recipients;
        this.texts = texts;
        this.zone = zone;
        this.ideaLinkBase =
                ideaLinkBase.endsWith("/") ? ideaLinkBase.substring(0, ideaLinkBase.length() - 1) : ideaLinkBase;
    }

    public List<Message> compose(IdeaLifecycleEvent event) {
        Batch batch = new Batch(event);
        switch (event) {
            case IdeaAssigned assigned -> {
                batch.toSubmitters(assigned.submitters(), MessageKind.IDEA_RECEIVED, (locale, p) -> {
                    p.add(text(
                            "msg.received.body",
                            locale,
                            assigned.title(),
                            assigned.ownerName(),
                            date(assigned.answerDueBy(), locale)));
                    return text("msg.received.title", locale, assigned.title());
                });
                batch.toPerson(assigned.ownerId(), RecipientRole.OWNER, MessageKind.IDEA_IN_QUEUE, (locale, p) -> {
                    p.add(text("msg.inQueue.body", locale, assigned.title(), date(assigned.answerDueBy(), locale)));
                    addIfPresent(p, "msg.inQueue.rule", locale, assigned.ruleExplanation());
                    return text("msg.inQueue.title", locale, assigned.title());
                });
            }
            case IdeaDecided decided ->
                batch.toSubmitters(
                        decided.submitters(),
                        decided.outcome() == DecisionOutcome.EXPLORE
                                ? MessageKind.IDEA_EXPLORED
                                : MessageKind.IDEA_DECLINED,
                        (locale, p) -> decision(decided, locale, p));
            case IdeaStatusChanged changed -> {
                MessageKind kind = switch (changed.status()) {
                    case IN_PROGRESS -> MessageKind.IDEA_IN_PROGRESS;
                    case IMPLEMENTED -> MessageKind.IDEA_IMPLEMENTED;
                    case SHELVED -> MessageKind.IDEA_SHELVED;
                };
                String prefix = "msg.status." + changed.status().name();
                batch.toSubmitters(changed.submitters(), kind, (locale, p) -> {
                    p.add(text(prefix + ".body", locale, changed.title()));
                    addIfPresent(p, prefix + ".note", locale, changed.note());
                    return text(prefix + ".title", locale, changed.title());
                });
            }
            case IdeaReassigned reassigned -> {
                batch.toSubmitters(reassigned.submitters(), MessageKind.IDEA_REASSIGNED, (locale, p) -> {
                    p.add(text(
                            "msg.reassigned.body",
                            locale,
                            reassigned.title(),
                            reassigned.ownerName(),
                            date(reassigned.answerDueBy(), locale)));
                    return text("msg.reassigned.title", locale, reassigned.title());
                });
                batch.toPerson(
                        reassigned.ownerId(), RecipientRole.OWNER, MessageKind.IDEA_REASSIGNED_TO_YOU, (locale, p) -> {
                            p.add(text(
                                    "msg.reassignedToYou.body",
                                    locale,
                                    reassigned.title(),
                                    date(reassigned.answerDueBy(), locale)));
                            addIfPresent(p, "msg.reassignedToYou.note", locale, reassigned.note());
                            return text("msg.reassignedToYou.title", locale, reassigned.title());
                        });
            }
            case IdeaMergedAsDuplicate merged ->
                batch.toSubmitters(
                        merged.submitters(), MessageKind.IDEA_MERGED, merged.originalIdeaId(), (locale, p) -> {
                            p.add(text("msg.merged.body", locale, merged.title(), merged.originalTitle()));
                            return text("msg.merged.title", locale, merged.title());
                        });
            case AnswerEscalated escalated -> {
                batch.toSubmitters(escalated.submitters(), MessageKind.ANSWER_DELAYED, (locale, p) -> {
                    p.add(text(
                            "msg.delayed.body", locale, escalated.title(), date(escalated.newAnswerDueBy(), locale)));
                    return text("msg.delayed.title", locale, escalated.title());
                });
                batch.toPerson(
                        escalated.escalatedToId(),
                        RecipientRole.MANAGER,
                        MessageKind.ANSWER_ESCALATED_TO_YOU,
                        (locale, p) -> {
                            p.add(text(
                                    "msg.escalated.body",
                                    locale,
                                    escalated.title(),
                                    nameOf(escalated.ownerId()),
                                    date(escalated.missedDeadline(), locale),
                                    date(escalated.newAnswerDueBy(), locale)));
                            return text("msg.escalated.title", locale, escalated.title());
                        });
            }
            case AnswerReminderDue reminder ->
                batch.toPerson(reminder.ownerId(), RecipientRole.OWNER, MessageKind.ANSWER_REMINDER, (locale, p) -> {
                    p.add(text("msg.reminder.body", locale, reminder.title(), date(reminder.answerDueBy(), locale)));
                    return text("msg.reminder.title", locale, reminder.title());
                });
            case ImpactCheckDue check -> {
                // TODO(#14): ask the owner for the measured benefit
            }
            case IdeaImpactMeasured measured -> {
                // TODO(#14): tell submitters and supporters what their idea brought
            }
        }
        return batch.messages;
    }

    private String decision(IdeaDecided decided, Locale locale, List<String> p) {
        if (decided.outcome() == DecisionOutcome.EXPLORE) {
            p.add(text("msg.explored.body", locale, decided.title(), decided.ownerName()));
            addIfPresent(p, "msg.decided.explanation", locale, decided.explanation());
            addIfPresent(p, "msg.explored.nextStep", locale, decided.nextStep());
            if (decided.expectedBy() != null) {
                p.add(text("msg.explored.expectedBy", locale, date(decided.expectedBy(), locale)));
            }
            return text("msg.explored.title", locale, decided.title());
        }
        p.add(text("msg.declined.body", locale, decided.title(), decided.ownerName()));
        if (decided.reasonCode() != null) {
            p.add(text(
                    "msg.declined.reason",
                    locale,
                    text("reason." + decided.reasonCode().name(), locale)));
        }
        addIfPresent(p, "msg.decided.explanation", locale, decided.explanation());
        return text("msg.declined.title", locale, decided.title());
    }

    private void addIfPresent(List<String> paragraphs, String key, Locale locale, @Nullable String value) {
        if (value != null && !value.isBlank()) {
            paragraphs.add(text(key, locale, value.strip()));
        }
    }

    private String nameOf(String personId) {
        return recipients.person(personId).map(Contact::name).orElse(personId);
    }

    private String text(String key, Locale locale, Object... args) {
        return texts.text(key, locale, args);
    }

    private String date(Instant instant, Locale locale) {
        return date(LocalDate.ofInstant(instant, zone), locale);
    }

    private static String date(LocalDate date, Locale locale) {
        return DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG)
                .withLocale(locale)
                .format(date);
    }

    private String link(UUID ideaId) {
        return ideaLinkBase + "/ideas/" + ideaId;
    }

    /** Writes one message's title (returned) and paragraphs (added) in a language. */
    @FunctionalInterface
    private interface Writer {
        String write(Locale locale, List<String> paragraphs);
    }

    /** The messages of one event, at most one per person. */
    private final class Batch {

        private final IdeaLifecycleEvent event;
        private final List<Message> messages = new ArrayList<>();
        private final Set<String> reached = new HashSet<>();

        Batch(IdeaLifecycleEvent event) {
            this.event = event;
        }

        void toSubmitters(List<Submitter> submitters, MessageKind kind, Writer writer) {
            toSubmitters(submitters, kind, event.ideaId(), writer);
        }

        void toSubmitters(List<Submitter> submitters, MessageKind kind, UUID linkedIdea, Writer writer) {
            for (Submitter submitter : submitters) {
                Optional<Contact> contact = recipients.submitter(submitter);
                if (contact.isEmpty()) {
                    LOG.warn(
                            "A submitter of idea {} is not in the directory; {} not sent to them",
                            event.ideaId(),
                            kind);
                    continue;
                }
                add(new Recipient(contact.get(), RecipientRole.SUBMITTER), kind, linkedIdea, writer);
            }
        }

        void toPerson(String personId, RecipientRole role, MessageKind kind, Writer writer) {
            Optional<Contact> contact = recipients.person(personId);
            if (contact.isEmpty()) {
                LOG.warn("The {} of idea {} is not in the directory; {} not sent", role, event.ideaId(), kind);
                return;
            }
            add(new Recipient(contact.get(), role), kind, event.ideaId(), writer);
        }

        private void add(Recipient recipient, MessageKind kind, UUID linkedIdea, Writer writer) {
            if (!reached.add(recipient.personId())) {
                return;
            }
            Locale locale = recipient.locale();
            List<String> paragraphs = new ArrayList<>();
            String title = writer.write(locale, paragraphs);
            String link = link(linkedIdea);
            if (recipient.contact().anonymous()) {
                paragraphs.add(text("msg.anonymous.note", locale));
                String token = recipient.contact().trackingToken();
                if (token != null) {
                    // the idea's page is not theirs to open (it would name nobody, but it needs a sign-in and
                    // a signed-in reader is known): their private link is
                    link = ideaLinkBase + "/track/" + token;
                    paragraphs.add(text("msg.anonymous.tracking", locale, link));
                }
            }
            messages.add(new Message(
                    event.eventId(),
                    event.getClass().getSimpleName(),
                    event.ideaId(),
                    kind,
                    recipient,
                    title,
                    paragraphs,
                    link,
                    event.occurredAt()));
        }
    }
}
