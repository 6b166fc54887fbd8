package org.suggestionbox.notifier.teams;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.suggestionbox.events.DeliveryChannel;
import org.suggestionbox.notifier.delivery.ChannelCallException;
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
        return url(message, recipientRef) != null;
    }

    @Override
    public void send(Message message, String recipientRef) {
        String url = url(message, recipientRef);
        if (url == null) {
            throw new ChannelCallException("No Teams webhook URL for the recipient", false);
        }
        http.postJson(channel(), URI.create(url), json.writeValueAsString(card(message)), Map.of());
    }

    private @Nullable String url(Message message, String recipientRef) {
        String own = preferences.of(recipientRef).teamsWebhookUrl();
        if (own != null) {
            return own;
        }
        // a shared channel never gets a message to an anonymous submitter: it carries their private link
        if (message.recipient().contact().anonymous()) {
            return null;
        }
        return properties.defaultWebhookUrl().isBlank() ? null : properties.defaultWebhookUrl();
    }

    /** A message with one Adaptive Card attachment, the shape incoming webhooks and Workflows take. */
    Map<String, Object> card(Message message) {
        boolean rtl = DirectoryLocaleResolver.isRightToLeft(message.locale());
        List<Map<String, Object>> blocks = new ArrayList<>();
        blocks.add(textBlock(message.title(), rtl, true));
        message.paragraphs().forEach(paragraph -> blocks.add(textBlock(paragraph, rtl, false)));
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
