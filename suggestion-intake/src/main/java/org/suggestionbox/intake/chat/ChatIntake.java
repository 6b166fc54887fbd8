package org.suggestionbox.intake.chat;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.suggestionbox.events.SubmissionChannel;
import org.suggestionbox.intake.submission.FieldViolation;
import org.suggestionbox.intake.submission.IdeaDraft;
import org.suggestionbox.intake.submission.IdeaIntake;
import org.suggestionbox.intake.submission.IntakeMetrics;
import org.suggestionbox.intake.submission.RefusalReason;
import org.suggestionbox.intake.submission.SubmissionResult;
import org.suggestionbox.intake.submission.SubmitIdea;
import org.suggestionbox.platform.directory.Person;
import org.suggestionbox.platform.web.PlatformLinks;

/**
 * Submits ideas that arrive as chat messages through {@link IdeaIntake} (which validates, seals
 * anonymous submitters, de-duplicates by idempotency key and waits for the broker) and words the
 * answer in the person's language. Replies carry no text the person typed; a reply that quotes it
 * must pass it through {@link org.suggestionbox.platform.markup.ChatMarkup} ({@code slack} or
 * {@code teams}) so it shows as typed.
 */
@Component
public class ChatIntake {

    private final IdeaIntake intake;
    private final MessageSource messages;
    private final IntakeMetrics metrics;
    private final String webForm;

    ChatIntake(IdeaIntake intake, MessageSource messages, IntakeMetrics metrics, PlatformLinks links) {
        this.intake = intake;
        this.messages = messages;
        this.metrics = metrics;
        this.webForm = links.intake().replaceAll("/+$", "") + "/ideas/new";
    }

    public List<String> categories() {
        return intake.categories();
    }

    /** A chat message as a draft, see {@link ChatText#draft}. */
    public IdeaDraft draft(@Nullable String text, boolean anonymous) {
        return ChatText.draft(text, categories(), anonymous);
    }

    public SubmissionResult submit(Person person, IdeaDraft draft, SubmissionChannel channel, String idempotencyKey) {
        return intake.submit(new SubmitIdea(person.id(), draft, channel, idempotencyKey));
    }

    /**
     * The answer to a submission. {@code usageCode} names the message that tells how to send an idea
     * through this door, added when the text broke a rule.
     */
    public String reply(SubmissionResult result, Locale locale, String usageCode) {
        return switch (result) {
            case SubmissionResult.Accepted accepted ->
                message(
                        accepted.anonymous() ? "chat.accepted.anonymous" : "chat.accepted",
                        locale,
                        accepted.ideaId(),
                        accepted.trackingUrl());
            case SubmissionResult.Invalid invalid ->
                message(
                                "chat.invalid",
                                locale,
                                invalid.violations().stream()
                                        .map(violation -> message(violation, locale))
                                        .distinct()
                                        .collect(Collectors.joining(" ")))
                        + " "
                        + message(usageCode, locale, String.join(", ", categories()));
            case SubmissionResult.KeyReused reused -> message("chat.keyReused", locale);
            case SubmissionResult.Throttled throttled ->
                message("chat.throttled", locale, Long.toString(throttled.retryAfterSeconds()));
            case SubmissionResult.Unavailable unavailable ->
                message("chat.unavailable", locale, Long.toString(unavailable.retryAfterSeconds()));
        };
    }

    /** Counts and answers a message from a chat account that matches nobody in the directory. */
    public String unknownSubmitter(SubmissionChannel channel, Locale locale) {
        metrics.refused(channel, RefusalReason.UNKNOWN_SUBMITTER);
        return message("chat.unknownUser", locale, channel == SubmissionChannel.TEAMS ? "Teams" : "Slack", webForm);
    }

    /** Counts a chat request refused because its signature did not verify. */
    public void unverified(SubmissionChannel channel) {
        metrics.refused(channel, RefusalReason.UNVERIFIED);
    }

    public String message(FieldViolation violation, Locale locale) {
        return messages.getMessage(violation.code(), violation.args().toArray(), locale);
    }

    public String message(String code, Locale locale, Object... args) {
        return messages.getMessage(code, args, locale);
    }
}
