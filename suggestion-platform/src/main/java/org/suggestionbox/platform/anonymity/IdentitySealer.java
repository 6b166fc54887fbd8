package org.suggestionbox.platform.anonymity;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.suggestionbox.events.SealedIdentity;
import tools.jackson.databind.json.JsonMapper;

/**
 * Seals and opens anonymous submitters' contacts with AES-256-GCM. The key id travels with the
 * ciphertext (and is bound to it as associated data), so keys can rotate: seal with the active
 * key, open with whichever key sealed it.
 */
public class IdentitySealer {

    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final String activeKeyId;
    private final Map<String, SecretKey> keys;
    private final JsonMapper jsonMapper;
    private final SecureRandom random = new SecureRandom();

    public IdentitySealer(String activeKeyId, Map<String, String> base64Keys, JsonMapper jsonMapper) {
        Map<String, SecretKey> decoded = new HashMap<>();
        base64Keys.forEach((id, key) -> {
            KeyRing.requireKey(id, key);
            decoded.put(id, new SecretKeySpec(Base64.getDecoder().decode(key), "AES"));
        });
        if (!decoded.containsKey(activeKeyId)) {
            throw new IllegalArgumentException("No anonymity key with the active id '" + activeKeyId + "'");
        }
        this.activeKeyId = activeKeyId;
        this.keys = Map.copyOf(decoded);
        this.jsonMapper = jsonMapper;
    }

    public SealedIdentity seal(SealedContact contact) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher cipher = cipher(Cipher.ENCRYPT_MODE, activeKeyId, nonce);
            byte[] sealed = cipher.doFinal(jsonMapper.writeValueAsBytes(contact));
            byte[] out = ByteBuffer.allocate(nonce.length + sealed.length)
                    .put(nonce)
                    .put(sealed)
                    .array();
            return new SealedIdentity(activeKeyId, Base64.getEncoder().encodeToString(out));
        } catch (GeneralSecurityException ex) {
            throw new IllegalStateException("Cannot seal identity", ex);
        }
    }

    /** @throws IllegalArgumentException when the key is unknown or the ciphertext was tampered with */
    public SealedContact open(SealedIdentity identity) {
        if (!keys.containsKey(identity.keyId())) {
            throw new IllegalArgumentException("Unknown anonymity key id '" + identity.keyId() + "'");
        }
        byte[] in = Base64.getDecoder().decode(identity.ciphertext());
        if (in.length <= NONCE_BYTES) {
            throw new IllegalArgumentException("Sealed identity is too short");
        }
        byte[] nonce = java.util.Arrays.copyOfRange(in, 0, NONCE_BYTES);
        try {
            Cipher cipher = cipher(Cipher.DECRYPT_MODE, identity.keyId(), nonce);
            byte[] plain = cipher.doFinal(in, NONCE_BYTES, in.length - NONCE_BYTES);
            return jsonMapper.readValue(plain, SealedContact.class);
        } catch (GeneralSecurityException ex) {
            throw new IllegalArgumentException("Sealed identity cannot be opened", ex);
        }
    }

    private Cipher cipher(int mode, String keyId, byte[] nonce) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, keys.get(keyId), new GCMParameterSpec(TAG_BITS, nonce));
        cipher.updateAAD(keyId.getBytes(StandardCharsets.UTF_8));
        return cipher;
    }
}
