package org.suggestionbox.notifier.delivery;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.apache.hc.core5.http.ContentType;
import org.springframework.stereotype.Component;
import org.suggestionbox.events.DeliveryChannel;
import org.suggestionbox.platform.outbound.Destination;
import org.suggestionbox.platform.outbound.DestinationRefusedException;
import org.suggestionbox.platform.outbound.OutboundClient;
import org.suggestionbox.platform.outbound.OutboundPolicy;
import org.suggestionbox.platform.outbound.OutboundResponse;

/**
 * POSTs JSON to outside APIs through the destination policy ({@link OutboundClient}: https outside
 * {@code local}, the channel's allowed hosts, no inside address after resolution, no redirects, at most
 * 64 KB of answer) and {@link ResilientCalls} (a circuit breaker per destination). 2xx answers are
 * returned; 429, 5xx and I/O failures are retryable {@link ChannelCallException}s, other answers
 * not, and a refused destination is permanent. Failures name the channel and status, never the URL
 * (Teams and webhook URLs carry secrets).
 */
@Component
public class OutboundHttp {

    private static final ContentType JSON = ContentType.APPLICATION_JSON.withCharset(StandardCharsets.UTF_8);

    private final OutboundClient client;
    private final ResilientCalls calls;

    OutboundHttp(OutboundClient client, OutboundProperties properties) {
        this.client = client.withTimeouts(properties.connectTimeout(), properties.requestTimeout());
        this.calls = new ResilientCalls(properties);
    }

    /**
     * @param owner whose address {@code uri} is: the company's, or a person's own
     * @return the answer's body
     */
    public String postJson(
            DeliveryChannel channel, DestinationOwner owner, URI uri, String json, Map<String, String> headers) {
        Destination destination;
        try {
            destination = client.policy().vet(policyChannel(channel), uri);
        } catch (DestinationRefusedException refused) {
            throw new ChannelCallException(
                    channel + " destination refused: " + refused.reason()
                            + (refused.addressClass() == null ? "" : " (" + refused.addressClass() + ")"),
                    false,
                    true);
        }
        return calls.call(channel, owner, destination.key(), () -> post(channel, destination, json, headers));
    }

    /** The name the destination policy keeps the channel's allowed hosts under. */
    static String policyChannel(DeliveryChannel channel) {
        return switch (channel) {
            case TEAMS -> OutboundPolicy.TEAMS;
            case SLACK -> OutboundPolicy.SLACK;
            default -> OutboundPolicy.WEBHOOK;
        };
    }

    private String post(DeliveryChannel channel, Destination destination, String json, Map<String, String> headers) {
        OutboundResponse response;
        try {
            response = client.post(destination, JSON, json.getBytes(StandardCharsets.UTF_8), headers);
        } catch (IOException ex) {
            // the cause is left out on purpose: its message may name the URL, which may carry a secret
            throw new ChannelCallException(
                    channel + " call failed: " + ex.getClass().getSimpleName(), true);
        }
        if (response.successful()) {
            return response.text();
        }
        int status = response.status();
        throw new ChannelCallException(channel + " answered HTTP " + status, status == 429 || status >= 500);
    }
}
