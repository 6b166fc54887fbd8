package org.suggestionbox.platform.anonymity;

import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param activeKeyId the key new identities are sealed with ({@code ANONYMITY_ACTIVE_KEY_ID})
 * @param keys key id → base64 of a 256-bit AES key; old keys stay to open what they sealed
 * @param keyRing more keys as one value, {@code id1:base64,id2:base64} ({@code ANONYMITY_KEYS}); a rotation
 *        adds a key and moves the active id to it, and keeps the old keys
 */
@ConfigurationProperties("suggestionbox.anonymity")
public record AnonymityProperties(
        @Nullable String activeKeyId,
        @DefaultValue Map<String, String> keys,
        @DefaultValue("") String keyRing) {

    /**
     * The whole ring: {@link #keys} and {@link #keyRing} together.
     *
     * @throws IllegalArgumentException when the ring is malformed or both name one id with different keys
     */
    public Map<String, String> ring() {
        Map<String, String> ring = new LinkedHashMap<>(keys);
        KeyRing.parse(keyRing).forEach((id, key) -> {
            String other = ring.putIfAbsent(id, key);
            if (other != null && !other.equals(key)) {
                throw new IllegalArgumentException("The anonymity key id '" + id
                        + "' is given twice with different keys (suggestionbox.anonymity.keys and ANONYMITY_KEYS)");
            }
        });
        return ring;
    }
}
