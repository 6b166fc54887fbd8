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
import org.suggestionbox.events.Impact;
import org.suggestionbox.events.ImpactCheckDue;
import org.suggestionbox.events.ProgressStatus;
import org.suggestionbox.events.RecipientRole;
import org.suggestionbox.events.Submitter;

/**
 * Who hears what. Submitters hear every step of their idea (received, decided, progress, merged,
 * reassigned, delayed); owners hear of new ideas in their queue, reassignments to them and
 * reminders; the escalation target hears of escalations. Everyone in their own language.
 * <p>
 * Supporters (colleagues who said "me too") hear an idea's outcomes and measured impact in words of
 * their own, which never name its submitters. The owner is asked for the measured benefit at each impact
 * check; a submitter's manager hears the thanks for an implemented idea when the submitter chose it
 * ({@link Recognition}), never for an anonymous one.
 * <p>
 * A person hears one message per event: someone who both submitted and owns or supports an idea hears it
 * as its submitter (the ledger keys deliveries by event, person and channel).
 */
public final class MessageComposer {

    private static final Logger LOG = LoggerFactory.getLogger(MessageComposer.class);

    private final Recipients recipients;
    private final Texts texts;
    private final ZoneId zone;
    private final String ideaLinkBase;
    private final Recognition recognition;
    private final ImpactWords impacts;

    /**
     * @param ideaLinkBase where idea pages live, e.g. {@code http://localhost:8082}; links are
     *        {@code <base>/ideas/<id>}
     */
    public MessageComposer(
            Recipients recipients, Texts texts, ZoneId zone, String ideaLinkBase, Recognition recognition) {
        this.recipients = recipients;
        this.texts = texts;
        this.zone = zone;
        this.ideaLinkBase =
                ideaLinkBase.endsWith("/") ? ideaLinkBase.substring(0, ideaLinkBase.length() - 1) : ideaLinkBase;
        this.recognition = recognition;
        this.impacts = new ImpactWords(texts);
    }

    /** A composer for set-ups where nobody's manager hears thanks. */
    public MessageComposer(Recipients recipients, Texts texts, ZoneId zone, String ideaLinkBase) {
        this(recipients, texts, zone, ideaLinkBase, Recognition.NOBODY);
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
            case IdeaDecided decided -> {
                boolean explore = decided.outcome() == DecisionOutcome.EXPLORE;
                batch.toSubmitters(
                        decided.submitters(),
                        explore ? MessageKind.IDEA_EXPLORED : MessageKind.IDEA_DECLINED,
                        (locale, p) -> decision(decided, "msg.", locale, p));
                batch.toSupporters(
                        decided.supporterIds(),
                        explore ? MessageKind.SUPPORTED_IDEA_EXPLORED : MessageKind.SUPPORTED_IDEA_DECLINED,
                        (locale, p) -> decision(decided, "msg.supported.", locale, p));
            }
            case IdeaStatusChanged changed -> statusChanged(changed, batch);
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
            case IdeaMergedAsDuplicate merged -> {
                batch.toSubmitters(
                        merged.submitters(), MessageKind.IDEA_MERGED, merged.originalIdeaId(), (locale, p) -> {
                            p.add(text("msg.merged.body", locale, merged.title(), merged.originalTitle()));
                            return text("msg.merged.title", locale, merged.title());
                        });
                batch.toSupporters(
                        merged.supporterIds(),
                        MessageKind.SUPPORTED_IDEA_MERGED,
                        merged.originalIdeaId(),
                        (locale, p) -> {
                            p.add(text("msg.supported.merged.body", locale, merged.title(), merged.originalTitle()));
                            return text("msg.supported.merged.title", locale, merged.title());
                        });
            }
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
            case ImpactCheckDue check ->
                batch.toPerson(check.ownerId(), RecipientRole.OWNER, MessageKind.IMPACT_CHECK_DUE, (locale, p) -> {
                    p.add(text("msg.impactCheck.body", locale, check.title(), check.checkpointDays()));
                    p.add(text("msg.impactCheck.estimated", locale, impacts.benefit(check.estimated(), locale)));
                    p.add(text("msg.impactCheck.ask", locale));
                    return text("msg.impactCheck.title", locale, check.title());
                });
            case IdeaImpactMeasured measured -> {
                batch.toSubmitters(
                        measured.submitters(),
                        MessageKind.IMPACT_MEASURED,
                        (locale, p) -> impactMeasured(measured, ".yours", locale, p));
                batch.toSupporters(
                        measured.supporterIds(),
                        MessageKind.SUPPORTED_IDEA_IMPACT_MEASURED,
                        (locale, p) -> impactMeasured(measured, ".theirs", locale, p));
            }
        }
        return batch.messages;
    }

    /**
     * A decision in the words of {@code prefix}: {@code msg.} for the submitters, {@code msg.supported.} for
     * the supporters (their own title and first line; the reason, explanation and next step are the same).
     */
    private String decision(IdeaDecided decided, String prefix, Locale locale, List<String> p) {
        if (decided.outcome() == DecisionOutcome.EXPLORE) {
            p.add(text(prefix + "explored.body", locale, decided.title(), decided.ownerName()));
            addIfPresent(p, "msg.decided.explanation", locale, decided.explanation());
            addIfPresent(p, "msg.explored.nextStep", locale, decided.nextStep());
            if (decided.expectedBy() != null) {
                p.add(text("msg.explored.expectedBy", locale, date(decided.expectedBy(), locale)));
            }
            return text(prefix + "explored.title", locale, decided.title());
        }
        p.add(text(prefix + "declined.body", locale, decided.title(), decided.ownerName()));
        if (decided.reasonCode() != null) {
            p.add(text(
                    "msg.declined.reason",
                    locale,
                    text("reason." + decided.reasonCode().name(), locale)));
        }
        addIfPresent(p, "msg.decided.explanation", locale, decided.explanation());
        return text(prefix + "declined.title", locale, decided.title());
    }

    /**
     * Submitters hear every step with the note, and for an implementation what changed, the estimated
     * benefit and the owner's thanks; supporters hear the same step in their own words, without the
     * thanks; managers of submitters who chose it hear the thanks.
     */
    private void statusChanged(IdeaStatusChanged changed, Batch batch) {
        String status = changed.status().name();
        Impact impact = changed.impact();
        @Nullable String thanks = blankToNull(changed.thankYouNote());
        boolean implemented = changed.status() == ProgressStatus.IMPLEMENTED;
        batch.toSubmitters(changed.submitters(), kind(changed.status(), false), (locale, p) -> {
            p.add(text("msg.status." + status + ".body", locale, changed.title()));
            addIfPresent(p, "msg.status." + status + ".note", locale, changed.note());
            if (implemented && impact != null) {
                impact(impact, ".yours", locale, p);
            }
            if (implemented && thanks != null) {
                p.add(text("msg.thanks", locale, thanks, nameOf(changed.ownerId())));
            }
            return text("msg.status." + status + ".title", locale, changed.title());
        });
        batch.toSupporters(changed.supporterIds(), kind(changed.status(), true), (locale, p) -> {
            p.add(text("msg.supported.status." + status + ".body", locale, changed.title()));
            addIfPresent(p, "msg.status." + status + ".note", locale, changed.note());
            if (implemented && impact != null) {
                impact(impact, ".theirs", locale, p);
            }
            return text("msg.supported.status." + status + ".title", locale, changed.title());
        });
        if (implemented && thanks != null) {
            batch.toManagersWhoHearThanks(changed.submitters(), (submitter, locale, p) -> {
                p.add(text("msg.thanksToManager.body", locale, changed.title(), submitter));
                if (impact != null) {
                    impact(impact, ".theirs", locale, p);
                }
                p.add(text("msg.thanks", locale, thanks, nameOf(changed.ownerId())));
                p.add(text("msg.thanksToManager.why", locale, submitter));
                return text("msg.thanksToManager.title", locale, changed.title(), submitter);
            });
        }
    }

    private static MessageKind kind(ProgressStatus status, boolean supporter) {
        return switch (status) {
            case IN_PROGRESS -> supporter ? MessageKind.SUPPORTED_IDEA_IN_PROGRESS : MessageKind.IDEA_IN_PROGRESS;
            case IMPLEMENTED -> supporter ? MessageKind.SUPPORTED_IDEA_IMPLEMENTED : MessageKind.IDEA_IMPLEMENTED;
            case SHELVED -> supporter ? MessageKind.SUPPORTED_IDEA_SHELVED : MessageKind.IDEA_SHELVED;
        };
    }

    /** What changed and the estimated benefit, for {@code whose} idea ({@code .yours} or {@code .theirs}). */
    private void impact(Impact impact, String whose, Locale locale, List<String> p) {
        addIfPresent(p, "msg.impact.changed", locale, impact.summary());
        p.add(text("msg.impact.estimated" + whose, locale, impacts.benefit(impact, locale)));
    }

    private String impactMeasured(IdeaImpactMeasured measured, String whose, Locale locale, List<String> p) {
        p.add(text(
                "msg.impactMeasured.body" + whose,
                locale,
                measured.title(),
                impacts.benefit(measured.measured(), locale)));
        if (measured.checkpointDays() > 0) {
            p.add(text("msg.impactMeasured.checkpoint", locale, measured.checkpointDays()));
        }
        addIfPresent(p, "msg.impact.changed", locale, measured.measured().summary());
        Impact estimated = measured.estimated();
        if (estimated != null) {
            p.add(text("msg.impactMeasured.estimated", locale, impacts.benefit(estimated, locale)));
        }
        return text("msg.impactMeasured.title" + whose, locale, measured.title());
    }

    private void addIfPresent(List<String> paragraphs, String key, Locale locale, @Nullable String value) {
        if (value != null && !value.isBlank()) {
            paragraphs.add(text(key, locale, value.strip()));
        }
    }

    private static @Nullable String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.strip();
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

    /** Writes a message to a manager about one of their people ({@code submitter}, by name). */
    @FunctionalInterface
    private interface ManagerWriter {
        String write(String submitter, Locale locale, List<String> paragraphs);
    }

    /**
     * The messages of one event, at most one per person, where an anonymous submitter counts as someone
     * else: the event names its supporters, owner and managers, and the proofs show who was told, so
     * leaving out the message a named person would get because the seal says she submitted the idea
     * would tell every reader of the proofs who she is. She hears it once as submitter and once in her
     * named part, as anyone else would.
     */
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

        /** Supporters after submitters: someone who also submitted the idea by name has heard it as its submitter. */
        void toSupporters(List<String> supporterIds, MessageKind kind, Writer writer) {
            toSupporters(supporterIds, kind, event.ideaId(), writer);
        }

        void toSupporters(List<String> supporterIds, MessageKind kind, UUID linkedIdea, Writer writer) {
            for (String supporterId : supporterIds) {
                if (reached.contains(supporterId)) {
                    continue;
                }
                Optional<Contact> contact = recipients.person(supporterId);
                if (contact.isEmpty()) {
                    LOG.warn(
                            "A supporter of idea {} is not in the directory; {} not sent to them",
                            event.ideaId(),
                            kind);
                    continue;
                }
                add(new Recipient(contact.get(), RecipientRole.SUPPORTER), kind, linkedIdea, writer);
            }
        }

        /**
         * The managers of the named submitters who chose that their manager hears the thanks; never the
         * manager of an anonymous submitter (they are not even looked up).
         */
        void toManagersWhoHearThanks(List<Submitter> submitters, ManagerWriter writer) {
            for (Submitter submitter : submitters) {
                String personId = submitter.personId();
                if (submitter.isAnonymous() || personId == null || !recognition.managerHearsThanks(personId)) {
                    continue;
                }
                Optional<Contact> person = recipients.person(personId);
                Optional<String> managerId = recipients.managerOf(personId);
                if (person.isEmpty() || person.get().anonymous() || managerId.isEmpty()) {
                    continue;
                }
                String name = Optional.ofNullable(person.get().name()).orElse(personId);
                toPerson(
                        managerId.get(),
                        RecipientRole.MANAGER,
                        MessageKind.THANKS_TO_MANAGER,
                        (locale, p) -> writer.write(name, locale, p));
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
            String reachedAs =
                    recipient.contact().anonymous() ? "sealed\u0000" + recipient.personId() : recipient.personId();
            if (!reached.add(reachedAs)) {
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
