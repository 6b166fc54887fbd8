package org.suggestionbox.platform.anonymity;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
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
 *
 * <p>GCM keeps the length of what it seals, and a contact's length is the length of a person's id
 * and addresses, which anyone holding the directory could match. So every contact is padded with
 * JSON's own white space to a multiple of {@link #PADDED_BYTES} before it is sealed: all contacts
 * of the usual size look alike, and one that is longer says only that it is long. Contacts sealed
 * before the padding open as they are.
 */
public class IdentitySealer {

    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    /** Every sealed contact is a multiple of this many bytes before encryption. */
    static final int PADDED_BYTES = 512;

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
            byte[] sealed = cipher.doFinal(padded(jsonMapper.writeValueAsBytes(contact)));
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
        byte[] nonce = Arrays.copyOfRange(in, 0, NONCE_BYTES);
        try {
            Cipher cipher = cipher(Cipher.DECRYPT_MODE, identity.keyId(), nonce);
            byte[] plain = cipher.doFinal(in, NONCE_BYTES, in.length - NONCE_BYTES);
            return jsonMapper.readValue(plain, SealedContact.class);
        } catch (GeneralSecurityException ex) {
            throw new IllegalArgumentException("Sealed identity cannot be opened", ex);
        }
    }

    /** {@code json} with spaces after it up to the next multiple of {@link #PADDED_BYTES}. */
    private static byte[] padded(byte[] json) {
        int length = Math.ceilDiv(Math.max(json.length, 1), PADDED_BYTES) * PADDED_BYTES;
        byte[] padded = Arrays.copyOf(json, length);
        Arrays.fill(padded, json.length, length, (byte) ' ');
        return padded;
    }

    private Cipher cipher(int mode, String keyId, byte[] nonce) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, keys.get(keyId), new GCMParameterSpec(TAG_BITS, nonce));
        cipher.updateAAD(keyId.getBytes(StandardCharsets.UTF_8));
        return cipher;
    }
}
