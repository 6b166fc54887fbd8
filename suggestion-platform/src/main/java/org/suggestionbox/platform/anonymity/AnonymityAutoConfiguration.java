package org.suggestionbox.platform.anonymity;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import tools.jackson.databind.json.JsonMapper;

/** An {@link IdentitySealer} in the services that hold keys (intake and notifier) and nowhere else. */
@AutoConfiguration(afterName = "org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration")
@EnableConfigurationProperties(AnonymityProperties.class)
@ConditionalOnProperty("suggestionbox.anonymity.active-key-id")
public class AnonymityAutoConfiguration {

    @Bean
    IdentitySealer identitySealer(AnonymityProperties properties, JsonMapper jsonMapper) {
        String activeKeyId = properties.activeKeyId();
        if (activeKeyId == null || activeKeyId.isBlank()) {
            throw new IllegalArgumentException(
                    "suggestionbox.anonymity.active-key-id (ANONYMITY_ACTIVE_KEY_ID) is blank");
        }
        return new IdentitySealer(activeKeyId, properties.ring(), jsonMapper);
    }
}
