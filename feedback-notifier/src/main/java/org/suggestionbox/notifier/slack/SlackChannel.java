package org.suggestionbox.notifier.slack;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.suggestionbox.events.DeliveryChannel;
import org.suggestionbox.notifier.delivery.ChannelCallException;
import org.suggestionbox.notifier.delivery.DestinationOwner;
import org.suggestionbox.notifier.delivery.NotificationChannel;
import org.suggestionbox.notifier.delivery.OutboundHttp;
import org.suggestionbox.notifier.message.Message;
import org.suggestionbox.notifier.message.Texts;
import org.suggestionbox.platform.markup.ChatMarkup;
import org.suggestionbox.platform.web.DirectoryLocaleResolver;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sends a direct message to the person's Slack member id with {@code chat.postMessage} (the bot
 * token needs {@code chat:write}; posting to a user id opens the DM with the bot). Slack answers
 * HTTP 200 with {@code ok:false} on errors: that is a failure too. Hebrew lines start with a
 * right-to-left mark so that Slack shows them right to left.
 */
@Component
@Order(3)
class SlackChannel implements NotificationChannel {

    static final char RLM = '\u200F';

    private final SlackProperties properties;
    private final OutboundHttp http;
    private final JsonMapper json;
    private final Texts texts;

    SlackChannel(SlackProperties properties, OutboundHttp http, JsonMapper json, Texts texts) {
        this.properties = properties;
        this.http = http;
        this.json = json;
        this.texts = texts;
    }

    @Override
    public DeliveryChannel channel() {
        return DeliveryChannel.SLACK;
    }

    @Override
    public boolean configured() {
        return properties.configured();
    }

    @Override
    public boolean reaches(Message message, String recipientRef) {
        return message.recipient().contact().slackId() != null;
    }

    @Override
    public void send(Message message, String recipientRef) {
        String slackId = message.recipient().contact().slackId();
        if (slackId == null) {
            throw new ChannelCallException("The recipient has no Slack id", false);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("channel", slackId);
        body.put("text", text(message));
        body.put("unfurl_links", false);
        String answer = http.postJson(
                channel(),
                DestinationOwner.COMPANY,
                endpoint(),
                json.writeValueAsString(body),
                Map.of("Authorization", "Bearer " + properties.botToken()));
        JsonNode reply = json.readTree(answer);
        if (!reply.path("ok").asBoolean(false)) {
            String error = reply.path("error").asString("unknown_error");
            throw new ChannelCallException("Slack answered ok:false (" + error + ")", "ratelimited".equals(error));
        }
    }

    private URI endpoint() {
        String base = properties.baseUrl().endsWith("/") ? properties.baseUrl() : properties.baseUrl() + "/";
        return URI.create(base + "chat.postMessage");
    }

    /** mrkdwn: the title in bold, the paragraphs, a link to the idea. */
    String text(Message message) {
        String open = texts.text(message.linkTextKey(), message.locale());
        String text = "*" + escape(message.title()) + "*\n\n" + escape(message.body()) + "\n\n<" + message.link() + "|"
                + escape(open) + ">";
        if (!DirectoryLocaleResolver.isRightToLeft(message.locale())) {
            return text;
        }
        return text.lines().map(line -> line.isEmpty() ? line : RLM + line).collect(Collectors.joining("\n"));
    }

    /** Slack's three control characters in message text. */
    private static String escape(String text) {
        return ChatMarkup.slack(text);
    }
}
