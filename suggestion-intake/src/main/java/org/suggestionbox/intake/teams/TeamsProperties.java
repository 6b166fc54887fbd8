package org.suggestionbox.intake.teams;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param securityToken the outgoing webhook's security token exactly as Teams shows it when the
 *        webhook is created (base64); requests are signed with its decoded bytes
 * @param replayWindow how long an activity id is remembered (in MongoDB, shared by every intake
 *        instance and kept across restarts): the same activity within it publishes nothing new
 * @param clockSkew an activity whose {@code timestamp} is further than this from now, in either
 *        direction, is refused
 * @param cleanupInterval how often activity ids older than the replay window are deleted
 */
@ConfigurationProperties("suggestionbox.intake.teams")
record TeamsProperties(
        @DefaultValue("") String securityToken,
        @DefaultValue("24h") Duration replayWindow,
        @DefaultValue("5m") Duration clockSkew,
        @DefaultValue("1h") Duration cleanupInterval) {}
