package org.suggestionbox.notifier.teams;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.suggestionbox.events.DeliveryChannel;
import org.suggestionbox.notifier.delivery.ChannelCallException;
import org.suggestionbox.notifier.delivery.DestinationOwner;
import org.suggestionbox.notifier.delivery.NotificationChannel;
import org.suggestionbox.notifier.delivery.OutboundHttp;
import org.suggestionbox.notifier.message.Message;
import org.suggestionbox.notifier.message.Texts;
import org.suggestionbox.notifier.preferences.PreferencesService;
import org.suggestionbox.platform.markup.ChatMarkup;
import org.suggestionbox.platform.web.DirectoryLocaleResolver;
import tools.jackson.databind.json.JsonMapper;

/**
 * Posts an Adaptive Card (1.4: title, paragraphs, a button to the idea; right to left for Hebrew)
 * to the person's own Teams incoming-webhook / Workflows URL, else to the installation's default.
 */
@Component
@Order(4)
class TeamsChannel implements NotificationChannel {

    static final String CARD_CONTENT_TYPE = "application/vnd.microsoft.card.adaptive";

    /**
     * Teams refuses a message over 28 KB ({@code 413}), and what an owner may write (5,000 characters in each of an
     * explanation and a next step, emoji at four bytes each) is more: a card is kept under this many bytes, its
     * longest texts cut short, the whole of them a click away on the card's link (and in the inbox and the mail).
     */
    static final int MAX_CARD_BYTES = 24 * 1024;

    /** A text is never cut shorter than this many characters to make the card fit. */
    private static final int SHORTEST_CUT = 200;

    private final TeamsProperties properties;
    private final PreferencesService preferences;
    private final OutboundHttp http;
    private final JsonMapper json;
    private final Texts texts;

    TeamsChannel(
            TeamsProperties properties,
            PreferencesService preferences,
            OutboundHttp http,
            JsonMapper json,
            Texts texts) {
        this.properties = properties;
        this.preferences = preferences;
        this.http = http;
        this.json = json;
        this.texts = texts;
    }

    @Override
    public DeliveryChannel channel() {
        return DeliveryChannel.TEAMS;
    }

    @Override
    public boolean personalDestination() {
        return true;
    }

    @Override
    public boolean reaches(Message message, String recipientRef) {
        return target(message, recipientRef) != null;
    }

    @Override
    public void send(Message message, String recipientRef) {
        Target target = target(message, recipientRef);
        if (target == null) {
            throw new ChannelCallException("No Teams webhook URL for the recipient", false);
        }
        http.postJson(channel(), target.owner(), URI.create(target.url()), cardJson(message), Map.of());
    }

    /** The card as Teams gets it: at most {@link #MAX_CARD_BYTES}, its longest paragraph cut by a third until it fits. */
    String cardJson(Message message) {
        List<String> paragraphs = new ArrayList<>(message.paragraphs());
        String card = json.writeValueAsString(card(message, paragraphs));
        while (card.getBytes(StandardCharsets.UTF_8).length > MAX_CARD_BYTES) {
            int longest = 0;
            for (int i = 1; i < paragraphs.size(); i++) {
                if (paragraphs.get(i).length() > paragraphs.get(longest).length()) {
                    longest = i;
                }
            }
            String text = paragraphs.isEmpty() ? "" : paragraphs.get(longest);
            int characters = text.codePointCount(0, text.length());
            if (characters <= SHORTEST_CUT) {
                break;
            }
            int kept = Math.max(SHORTEST_CUT, characters * 2 / 3);
            paragraphs.set(
                    longest, text.substring(0, text.offsetByCodePoints(0, kept)).stripTrailing() + "…");
            card = json.writeValueAsString(card(message, paragraphs));
        }
        return card;
    }

    /** Where a message goes: the recipient's own URL, else the company's channel for everyone. */
    private record Target(DestinationOwner owner, String url) {}

    private @Nullable Target target(Message message, String recipientRef) {
        String own = preferences.of(recipientRef).teamsWebhookUrl();
        if (own != null) {
            return new Target(DestinationOwner.PERSON, own);
        }
        // a shared channel never gets a message to an anonymous submitter: it carries their private link
        if (message.recipient().contact().anonymous()) {
            return null;
        }
        return properties.defaultWebhookUrl().isBlank()
                ? null
                : new Target(DestinationOwner.COMPANY, properties.defaultWebhookUrl());
    }

    /** A message with one Adaptive Card attachment, the shape incoming webhooks and Workflows take. */
    private Map<String, Object> card(Message message, List<String> paragraphs) {
        boolean rtl = DirectoryLocaleResolver.isRightToLeft(message.locale());
        List<Map<String, Object>> blocks = new ArrayList<>();
        blocks.add(textBlock(message.title(), rtl, true));
        paragraphs.forEach(paragraph -> blocks.add(textBlock(paragraph, rtl, false)));
        Map<String, Object> container = new LinkedHashMap<>();
        container.put("type", "Container");
        container.put("rtl", rtl);
        container.put("items", blocks);

        Map<String, Object> content = new LinkedHashMap<>();
        content.put("$schema", "http://adaptivecards.io/schemas/adaptive-card.json");
        content.put("type", "AdaptiveCard");
        content.put("version", "1.4");
        content.put("lang", message.locale().getLanguage());
        content.put("rtl", rtl);
        content.put("body", List.of(container));
        content.put(
                "actions",
                List.of(Map.of(
                        "type",
                        "Action.OpenUrl",
                        "title",
                        texts.text(message.linkTextKey(), message.locale()),
                        "url",
                        message.link())));

        Map<String, Object> attachment = new LinkedHashMap<>();
        attachment.put("contentType", CARD_CONTENT_TYPE);
        attachment.put("contentUrl", null);
        attachment.put("content", content);
        Map<String, Object> card = new LinkedHashMap<>();
        card.put("type", "message");
        card.put("attachments", List.of(attachment));
        return card;
    }

    /** A text block of people's text (titles, explanations): Markdown in it is escaped, so it shows as typed. */
    private static Map<String, Object> textBlock(String text, boolean rtl, boolean title) {
        Map<String, Object> block = new LinkedHashMap<>();
        block.put("type", "TextBlock");
        block.put("text", ChatMarkup.teams(text));
        block.put("wrap", true);
        block.put("rtl", rtl);
        if (title) {
            block.put("weight", "Bolder");
            block.put("size", "Medium");
        }
        return block;
    }
}
