package org.suggestionbox.notifier.webhook;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The generic outbound webhook: signed JSON for people who turned it on.
 *
 * @param urls where messages go for people who turned the webhook on without a URL of their own
 * @param secret the HMAC-SHA256 key of the {@code X-SuggestionBox-Signature} header; blank = the
 *        webhook channel is off (nothing is ever sent unsigned)
 */
@ConfigurationProperties("suggestionbox.notifier.webhook")
record WebhookProperties(
        @DefaultValue List<String> urls, @DefaultValue("") String secret) {

    public WebhookProperties {
        urls = urls.stream().map(String::strip).filter(url -> !url.isEmpty()).toList();
    }

    public boolean configured() {
        return !secret.isBlank();
    }
}
