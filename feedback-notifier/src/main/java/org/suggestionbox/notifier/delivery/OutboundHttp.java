package org.suggestionbox.notifier.delivery;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.springframework.stereotype.Component;
import org.suggestionbox.events.DeliveryChannel;
import org.suggestionbox.notifier.config.OutboundProperties;

/**
 * POSTs JSON to outside APIs with time-outs, through {@link ResilientCalls}. 2xx answers are
 * returned; 429, 5xx and I/O failures are retryable {@link ChannelCallException}s, other answers
 * not. Failures name the channel and status, never the URL (Teams and webhook URLs carry secrets).
 */
@Component
public class OutboundHttp {

    private final HttpClient client;
    private final ResilientCalls calls;
    private final OutboundProperties properties;

    OutboundHttp(OutboundProperties properties) {
        this.properties = properties;
        this.calls = new ResilientCalls(properties);
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(properties.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /** @return the answer's body */
    public String postJson(DeliveryChannel channel, URI uri, String json, Map<String, String> headers) {
        return calls.call(channel, () -> post(channel, uri, json, headers));
    }

    public ResilientCalls calls() {
        return calls;
    }

    private String post(DeliveryChannel channel, URI uri, String json, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                .timeout(properties.requestTimeout())
                .header("Content-Type", "application/json; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
        headers.forEach(request::header);
        HttpResponse<String> response;
        try {
            response = client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        }
        catch (IOException ex) {
            // the cause is left out on purpose: its message may name the URL, which may carry a secret
            throw new ChannelCallException(channel + " call failed: " + ex.getClass().getSimpleName(), true);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new ChannelCallException(channel + " call interrupted", false, ex);
        }
        int status = response.statusCode();
        if (status >= 200 && status < 300) {
            return response.body();
        }
        throw new ChannelCallException(channel + " answered HTTP " + status, status == 429 || status >= 500);
    }
}
