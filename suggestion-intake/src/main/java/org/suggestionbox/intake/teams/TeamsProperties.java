package org.suggestionbox.intake.teams;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param securityToken the outgoing webhook's security token exactly as Teams shows it when the
 *        webhook is created (base64); requests are signed with its decoded bytes
 */
@ConfigurationProperties("suggestionbox.intake.teams")
record TeamsProperties(@DefaultValue("") String securityToken) {
}
