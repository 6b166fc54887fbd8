package org.suggestionbox.notifier.preferences;

import java.util.EnumSet;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.suggestionbox.events.DeliveryChannel;
import org.suggestionbox.notifier.delivery.ChannelChoices;

/**
 * What a person chose.
 *
 * @param channels where they want to hear; the in-app inbox is always among them
 * @param teamsWebhookUrl their own Teams incoming-webhook / Workflows URL, else the installation's
 * @param webhookUrl their own webhook URL, else the installation's
 * @param locale the language they want messages in ({@code en}, {@code he}, {@code pl}), else the directory's
 * @param digest whether they prefer one daily digest e-mail to one message each for what they hear as
 *        owner or manager (the inbox still gets each message at once; submitters always hear at once)
 * @param managerHearsThanks whether, when their idea is implemented, their manager hears the owner's thanks
 *        too (off unless chosen; never for an idea they submitted anonymously)
 * @param monthlyDigest whether they receive the monthly "You said, we did" digest (on unless they opt out)
 */
public record Preferences(
        Set<DeliveryChannel> channels,
        @Nullable String teamsWebhookUrl,
        @Nullable String webhookUrl,
        @Nullable String locale,
        boolean digest,
        boolean managerHearsThanks,
        boolean monthlyDigest) {

    public Preferences {
        EnumSet<DeliveryChannel> all = EnumSet.of(DeliveryChannel.IN_APP);
        all.addAll(channels);
        channels = Set.copyOf(all);
        teamsWebhookUrl = blankToNull(teamsWebhookUrl);
        webhookUrl = blankToNull(webhookUrl);
        locale = blankToNull(locale);
    }

    /** Channels, URLs, language and digest as chosen; no thanks to the manager; the monthly digest. */
    public Preferences(
            Set<DeliveryChannel> channels,
            @Nullable String teamsWebhookUrl,
            @Nullable String webhookUrl,
            @Nullable String locale,
            boolean digest) {
        this(channels, teamsWebhookUrl, webhookUrl, locale, digest, false, true);
    }

    /** What someone who never chose gets. */
    public static Preferences defaults() {
        return new Preferences(ChannelChoices.DEFAULT, null, null, null, false);
    }

    private static @Nullable String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
