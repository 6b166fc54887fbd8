package org.suggestionbox.notifier.webhook;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.suggestionbox.events.DeliveryChannel;
import org.suggestionbox.events.EventIds;
import org.suggestionbox.notifier.delivery.ChannelCallException;
import org.suggestionbox.notifier.delivery.DestinationOwner;
import org.suggestionbox.notifier.delivery.NotificationChannel;
import org.suggestionbox.notifier.delivery.OutboundHttp;
import org.suggestionbox.notifier.message.Message;
import org.suggestionbox.notifier.preferences.PreferencesService;
import tools.jackson.databind.json.JsonMapper;

/**
 * POSTs a message as JSON to the person's own webhook URL, else to the installation's receivers,
 * signed: {@code X-SuggestionBox-Signature: sha256=<hex HMAC-SHA256(secret, raw body)>} and
 * {@code X-SuggestionBox-Timestamp} (epoch seconds, also in the signed body as {@code sentAt}).
 * {@code deliveryId} stays the same across retries, so receivers can drop repeats.
 */
@Component
@Order(5)
class WebhookChannel implements NotificationChannel {

    private final WebhookProperties properties;
    private final PreferencesService preferences;
    private final OutboundHttp http;
    private final JsonMapper json;
    private final Clock clock;

    WebhookChannel(
            WebhookProperties properties,
            PreferencesService preferences,
            OutboundHttp http,
            JsonMapper json,
            Clock clock) {
        this.properties = properties;
        this.preferences = preferences;
        this.http = http;
        this.json = json;
        this.clock = clock;
    }

    @Override
    public DeliveryChannel channel() {
        return DeliveryChannel.WEBHOOK;
    }

    @Override
    public boolean configured() {
        return properties.configured();
    }

    @Override
    public boolean personalDestination() {
        return true;
    }

    @Override
    public boolean reaches(Message message, String recipientRef) {
        return !targets(message, recipientRef).urls().isEmpty();
    }

    @Override
    public void send(Message message, String recipientRef) {
        Targets targets = targets(message, recipientRef);
        if (targets.urls().isEmpty()) {
            throw new ChannelCallException("No webhook URL for the recipient", false);
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        byte[] body =
                json.writeValueAsString(payload(message, recipientRef, now)).getBytes(StandardCharsets.UTF_8);
        Map<String, String> headers = Map.of(
                WebhookSignature.HEADER,
                WebhookSignature.sign(properties.secret(), body),
                WebhookSignature.TIMESTAMP_HEADER,
                Long.toString(now.getEpochSecond()));
        String text = new String(body, StandardCharsets.UTF_8);
        for (String url : targets.urls()) {
            http.postJson(channel(), targets.owner(), URI.create(url), text, headers);
        }
    }

    /** Where a message goes: the recipient's own URL, else the company's receivers. */
    private record Targets(DestinationOwner owner, List<String> urls) {}

    private Targets targets(Message message, String recipientRef) {
        String own = preferences.of(recipientRef).webhookUrl();
        if (own != null) {
            return new Targets(DestinationOwner.PERSON, List.of(own));
        }
        // the company's webhooks never get a message to an anonymous submitter: it carries their private link
        return new Targets(
                DestinationOwner.COMPANY, message.recipient().contact().anonymous() ? List.of() : properties.urls());
    }

    Map<String, Object> payload(Message message, String recipientRef, Instant sentAt) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("eventId", message.sourceEventId().toString());
        payload.put(
                "deliveryId",
                EventIds.derive(message.sourceEventId(), recipientRef, channel())
                        .toString());
        payload.put("ideaId", message.ideaId().toString());
        payload.put("kind", message.kind().name());
        payload.put("recipientRole", message.recipient().role().name());
        payload.put("locale", message.locale().toLanguageTag());
        payload.put("title", message.title());
        payload.put("body", message.body());
        payload.put("link", message.link());
        payload.put("occurredAt", message.occurredAt().toString());
        payload.put("sentAt", sentAt.toString());
        return payload;
    }
}
