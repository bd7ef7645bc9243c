package com.pult.mdm.host.secret;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretBoxTest {

    private static final Map<String, String> SECRETS = Map.of("api_token", "0a1b2c3d-secret");

    @TempDir
    Path dir;

    private Path keyFile() {
        return dir.resolve("keys/secret.keys");
    }

    @Test
    void aSealedSecretOpensForItsIntegrationOnly() throws Exception {
        SecretBox box = new SecretBox(Keyring.load(keyFile(), Optional.empty()));

        String sealed = box.seal("integration-1", SECRETS);

        assertFalse(sealed.contains("0a1b2c3d"));
        assertEquals(SECRETS, box.open("integration-1", sealed));
        assertThrows(SecretUnreadableException.class, () -> box.open("integration-2", sealed));
    }

    @Test
    void theKeyFileIsCreatedReadableByItsOwnerOnly() throws Exception {
        Keyring.load(keyFile(), Optional.empty());

        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile())));
    }

    @Test
    void aRestartedHostOpensWhatTheLastOneSealed() throws Exception {
        String sealed = new SecretBox(Keyring.load(keyFile(), Optional.empty())).seal("i", SECRETS);

        SecretBox restarted = new SecretBox(Keyring.load(keyFile(), Optional.empty()));

        assertEquals(SECRETS, restarted.open("i", sealed));
    }

    @Test
    void rotationKeepsOldSecretsReadableAndResealsUnderTheNewKey() throws Exception {
        SecretBox box = new SecretBox(Keyring.load(keyFile(), Optional.empty()));
        String before = box.seal("i", SECRETS);

        box.rotate();
        String resealed = box.reseal("i", before);

        assertEquals(SECRETS, box.open("i", before));
        assertEquals(SECRETS, box.open("i", resealed));
        assertTrue(box.isCurrent(resealed));
        assertFalse(box.isCurrent(before));
    }

    @Test
    void resealingTwiceNeverEncryptsCiphertext() throws Exception {
        SecretBox box = new SecretBox(Keyring.load(keyFile(), Optional.empty()));
        box.rotate();

        String twice = box.reseal("i", box.reseal("i", box.seal("i", SECRETS)));

        assertEquals(SECRETS, box.open("i", twice));
    }

    @Test
    void aSecretFromAnUnknownKeyIsReportedNotReplaced() throws Exception {
        String sealed = new SecretBox(Keyring.load(keyFile(), Optional.empty())).seal("i", SECRETS);
        SecretBox otherHost = new SecretBox(Keyring.load(dir.resolve("other/keys"), Optional.empty()));

        SecretUnreadableException error =
                assertThrows(SecretUnreadableException.class, () -> otherHost.reseal("i", sealed));

        assertTrue(error.getMessage().contains("Re-enter"), error.getMessage());
    }

    @Test
    void keysFromTheEnvironmentDecryptWithTheNewestFirst() throws Exception {
        String oldKey = Base64.getEncoder().encodeToString(new byte[32]);
        String newKey = Base64.getEncoder().encodeToString("0123456789abcdef0123456789abcdef".getBytes());
        String sealedWithOld = new SecretBox(Keyring.load(keyFile(), Optional.of(oldKey))).seal("i", SECRETS);

        SecretBox box = new SecretBox(Keyring.load(keyFile(), Optional.of(newKey + "," + oldKey)));

        assertEquals(SECRETS, box.open("i", sealedWithOld));
        assertTrue(box.isCurrent(box.seal("i", SECRETS)));
        assertFalse(Files.exists(keyFile()));
    }

    @Test
    void aMalformedEnvironmentKeyIsRejectedWithItsSource() {
        KeyringException error =
                assertThrows(KeyringException.class, () -> Keyring.load(keyFile(), Optional.of("not-base64!")));

        assertTrue(error.getMessage().contains("PULT_HOST_SECRET_KEYS"));
    }

    @Test
    void aTamperedSecretDoesNotOpen() throws Exception {
        SecretBox box = new SecretBox(Keyring.load(keyFile(), Optional.empty()));
        String sealed = box.seal("i", SECRETS);
        char last = sealed.charAt(sealed.length() - 3);
        String tampered = sealed.substring(0, sealed.length() - 3)
                + (last == 'A' ? 'B' : 'A')
                + sealed.substring(sealed.length() - 2);

        assertThrows(SecretUnreadableException.class, () -> box.open("i", tampered));
    }
}
