package org.suggestionbox.intake.slack;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.hc.core5.http.ContentType;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.suggestionbox.platform.outbound.DestinationRefusedException;
import org.suggestionbox.platform.outbound.OutboundClient;
import org.suggestionbox.platform.outbound.OutboundPolicy;
import org.suggestionbox.platform.outbound.OutboundResponse;
import tools.jackson.databind.json.JsonMapper;

/**
 * Late answers to Slack's {@code response_url}, through the outbound destination policy: the URL
 * comes in the request body, so it goes out only to Slack's own hosts ({@code hooks.slack.com},
 * {@code *.slack.com}; {@code suggestionbox.outbound.allowed-hosts.slack-response-url}), over https
 * outside {@code local}, to a public address, without redirects. A refused URL is logged (without
 * the URL, which carries a token) and not called.
 */
@Component
class SlackResponses {

    private static final Logger LOG = LoggerFactory.getLogger(SlackResponses.class);
    private static final ContentType JSON = ContentType.APPLICATION_JSON.withCharset(StandardCharsets.UTF_8);

    private final OutboundClient client;
    private final JsonMapper json;

    SlackResponses(OutboundClient client, JsonMapper json) {
        this.client = client;
        this.json = json;
    }

    /**
     * Sends an ephemeral message to the response URL.
     *
     * @return whether Slack took it
     */
    boolean ephemeral(@Nullable String responseUrl, String text) {
        if (responseUrl == null || responseUrl.isBlank()) {
            LOG.warn("A Slack request without a response URL; its late answer is dropped");
            return false;
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("response_type", "ephemeral");
        body.put("text", text);
        try {
            URI uri = OutboundPolicy.parse(responseUrl);
            OutboundResponse response =
                    client.post(OutboundPolicy.SLACK_RESPONSE_URL, uri, JSON, json.writeValueAsBytes(body), Map.of());
            if (!response.successful()) {
                LOG.warn("Slack's response URL answered HTTP {}", response.status());
            }
            return response.successful();
        } catch (DestinationRefusedException refused) {
            LOG.warn("Slack's response URL was not called: {}", refused.getMessage());
            return false;
        } catch (IOException ex) {
            LOG.warn("Could not reach Slack's response URL: {}", ex.getClass().getSimpleName());
            return false;
        }
    }
}
