package com.pult.mdm.host.secret;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;

/**
 * Encrypts an integration's secret fields with AES-256-GCM (authenticated encryption). The sealed form names the
 * key that sealed it and is bound to its integration id, so secrets copied onto another integration do not open.
 */
public final class SecretBox {

    private static final String VERSION = "v1";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final SecureRandom random = new SecureRandom();
    private volatile Keyring keyring;

    public SecretBox(Keyring keyring) {
        this.keyring = keyring;
    }

    /** Encrypts the secret fields of one integration with the current key. */
    public String seal(String integrationId, Map<String, String> secrets) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        Keyring keys = keyring;
        byte[] sealed = crypt(Cipher.ENCRYPT_MODE, keys.current(), nonce, integrationId, plaintext(secrets));
        ByteBuffer payload =
                ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed);
        return VERSION + "." + keys.currentId() + "." + Base64.getEncoder().encodeToString(payload.array());
    }

    /**
     * Decrypts the secret fields of one integration with whichever configured key sealed them.
     *
     * @throws SecretUnreadableException when no configured key opens them or they were tampered with
     */
    public Map<String, String> open(String integrationId, String sealed) throws SecretUnreadableException {
        String[] parts = sealed.split("\\.", 3);
        if (parts.length != 3 || !VERSION.equals(parts[0])) {
            throw unreadable(integrationId, "they are not in a known format");
        }
        Optional<SecretKey> key = keyring.find(parts[1]);
        if (key.isEmpty()) {
            throw unreadable(integrationId, "key '" + parts[1] + "' that sealed them is not configured");
        }
        try {
            ByteBuffer payload = ByteBuffer.wrap(Base64.getDecoder().decode(parts[2]));
            byte[] nonce = new byte[NONCE_BYTES];
            payload.get(nonce);
            byte[] body = new byte[payload.remaining()];
            payload.get(body);
            return fields(crypt(Cipher.DECRYPT_MODE, key.get(), nonce, integrationId, body));
        } catch (IllegalArgumentException | java.nio.BufferUnderflowException e) {
            throw unreadable(integrationId, "they do not decrypt with key '" + parts[1] + "'");
        }
    }

    /**
     * Re-encrypts sealed secrets under the current key. Opens them first, so ciphertext is never mistaken for
     * plaintext.
     *
     * @throws SecretUnreadableException when they cannot be opened; nothing is changed then
     */
    public String reseal(String integrationId, String sealed) throws SecretUnreadableException {
        return seal(integrationId, open(integrationId, sealed));
    }

    /** Whether {@code sealed} is already under the current key. */
    public boolean isCurrent(String sealed) {
        return sealed.startsWith(VERSION + "." + keyring.currentId() + ".");
    }

    /**
     * Adds a fresh key to the keyring; seals made from now on use it, and every older key still opens.
     *
     * @throws KeyringException when the keyring cannot be rotated here (see {@link Keyring#rotate()})
     */
    public synchronized void rotate() throws KeyringException {
        this.keyring = keyring.rotate();
    }

    private static byte[] crypt(int mode, SecretKey key, byte[] nonce, String integrationId, byte[] input) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(integrationId.getBytes(StandardCharsets.UTF_8));
            return cipher.doFinal(input);
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("Authenticated decryption failed", e);
        }
    }

    private static byte[] plaintext(Map<String, String> secrets) {
        try {
            return JSON.writeValueAsBytes(secrets);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A map of strings always serializes", e);
        }
    }

    private static Map<String, String> fields(byte[] plaintext) {
        try {
            return JSON.readValue(plaintext, new TypeReference<Map<String, String>>() {});
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException("Decrypted secrets are not readable", e);
        }
    }

    private static SecretUnreadableException unreadable(String integrationId, String why) {
        return new SecretUnreadableException("The stored credentials of integration '" + integrationId
                + "' cannot be decrypted: " + why + ". Re-enter the credentials to continue.");
    }
}
