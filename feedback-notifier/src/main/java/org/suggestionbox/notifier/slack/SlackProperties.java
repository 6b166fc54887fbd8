package org.suggestionbox.notifier.slack;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Slack direct messages through the Web API.
 *
 * @param baseUrl the Web API's base, ending in {@code /}; {@code chat.postMessage} is appended
 * @param botToken the bot token ({@code xoxb-...}, scope {@code chat:write}); blank = Slack is off
 */
@ConfigurationProperties("suggestionbox.notifier.slack")
record SlackProperties(
        @DefaultValue("https://slack.com/api/") String baseUrl,
        @DefaultValue("") String botToken) {

    public boolean configured() {
        return !botToken.isBlank();
    }
}
