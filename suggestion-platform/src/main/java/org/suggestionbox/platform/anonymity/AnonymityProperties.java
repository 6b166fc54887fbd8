package org.suggestionbox.platform.anonymity;

import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param activeKeyId the key new identities are sealed with
 * @param keys key id → base64 of a 256-bit AES key; old keys stay to open what they sealed
 */
@ConfigurationProperties("suggestionbox.anonymity")
public record AnonymityProperties(@Nullable String activeKeyId, @DefaultValue Map<String, String> keys) {
}
