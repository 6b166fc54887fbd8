package org.suggestionbox.notifier.teams;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Microsoft Teams through an incoming webhook or a Workflows ("When a Teams webhook request is
 * received") URL.
 *
 * @param defaultWebhookUrl where cards go for people who turned Teams on without a URL of their own;
 *        blank = only people with their own URL get Teams messages
 */
@ConfigurationProperties("suggestionbox.notifier.teams")
record TeamsProperties(@DefaultValue("") String defaultWebhookUrl) {}
