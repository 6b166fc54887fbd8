package org.suggestionbox.platform.anonymity;

import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The anonymity key ring as one environment variable, {@code ANONYMITY_KEYS=id1:base64,id2:base64}:
 * key ids with the base64 of a 256-bit AES key each. Messages name entries by position or id, never a key.
 */
public final class KeyRing {

    private KeyRing() {}

    /**
     * @return key id → base64 key, in the order given; empty for a blank ring
     * @throws IllegalArgumentException when an entry is not {@code id:base64}, an id repeats, or a key is not
     *         the base64 of 32 bytes
     */
    public static Map<String, String> parse(String ring) {
        Map<String, String> keys = new LinkedHashMap<>();
        String[] entries = ring.split(",");
        for (int i = 0; i < entries.length; i++) {
            String entry = entries[i].strip();
            if (entry.isEmpty()) {
                continue;
            }
            int colon = entry.indexOf(':');
            if (colon <= 0 || colon == entry.length() - 1) {
                throw new IllegalArgumentException("Key ring entry " + (i + 1) + " is not id:base64-key");
            }
            String id = entry.substring(0, colon).strip();
            String key = entry.substring(colon + 1).strip();
            requireKey(id, key);
            if (keys.putIfAbsent(id, key) != null) {
                throw new IllegalArgumentException("Key ring names the key id '" + id + "' twice");
            }
        }
        return keys;
    }

    /** The ring as {@code ANONYMITY_KEYS} takes it. */
    public static String format(Map<String, String> keys) {
        StringBuilder ring = new StringBuilder();
        keys.forEach((id, key) ->
                ring.append(ring.isEmpty() ? "" : ",").append(id).append(':').append(key));
        return ring.toString();
    }

    static void requireKey(String id, String key) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(key);
        } catch (IllegalArgumentException ex) {
            throw new IllegalArgumentException("Anonymity key '" + id + "' is not base64");
        }
        if (bytes.length != 32) {
            throw new IllegalArgumentException("Anonymity key '" + id + "' must be 32 bytes (base64 of 256 bits)");
        }
    }
}
