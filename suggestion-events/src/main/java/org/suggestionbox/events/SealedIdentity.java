package org.suggestionbox.events;

/**
 * An anonymous submitter's identity and contact, encrypted by intake (AES-GCM) under the key
 * {@code keyId}. Only intake and the notifier hold keys; the router passes it along unread.
 *
 * @param keyId id of the key in the key ring, so keys can rotate
 * @param ciphertext base64 of nonce and ciphertext
 */
public record SealedIdentity(String keyId, String ciphertext) {}
