package org.suggestionbox.intake.slack;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param signingSecret the Slack app's signing secret (Basic Information → App Credentials); every
 *        request's {@code X-Slack-Signature} is checked against it
 * @param botToken the bot user OAuth token ({@code xoxb-…}) used to open the idea modal and to look
 *        up a user's e-mail address ({@code users.info}, scope {@code users:read.email})
 * @param apiBaseUrl the Slack Web API, ending in a slash ({@code https://slack.com/api/}); tests
 *        point it at a local fake. It passes the outbound destination policy (channel {@code slack}):
 *        checked at start-up, its name resolved through the policy for every connection ({@link SlackWebApi})
 * @param ackTimeout how long a slash command waits for the broker before it answers "recording…"
 *        and sends the outcome to the command's response URL instead; below Slack's 3-second limit
 * @param userCacheTtl how long the e-mail address {@code users.info} gave for a Slack user whose id
 *        the directory does not hold is remembered
 * @param userCacheSize how many such Slack users are remembered at most
 */
@ConfigurationProperties("suggestionbox.intake.slack")
record SlackProperties(
        @DefaultValue("") String signingSecret,
        @DefaultValue("") String botToken,
        @DefaultValue("https://slack.com/api/") String apiBaseUrl,
        @DefaultValue("2500ms") Duration ackTimeout,
        @DefaultValue("10m") Duration userCacheTtl,
        @DefaultValue("1000") int userCacheSize) {

    SlackProperties {
        if (!apiBaseUrl.endsWith("/")) {
            apiBaseUrl = apiBaseUrl + "/";
        }
    }
}
