package com.pult.mdm.host.secret;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * The keys that encrypt integration secrets: the newest encrypts, every key decrypts, so a rotation never loses
 * a secret. Keys come from a file created owner-readable-only on first start, or from the environment
 * ({@code PULT_HOST_SECRET_KEYS}: base64 keys, newest first, comma-separated).
 */
public final class Keyring {

    private static final int KEY_BYTES = 32;

    private final Map<String, SecretKey> keys;
    private final String currentId;
    private final Optional<Path> file;

    private Keyring(Map<String, SecretKey> keys, String currentId, Optional<Path> file) {
        this.keys = keys;
        this.currentId = currentId;
        this.file = file;
    }

    /**
     * Loads the keyring from the environment value when given, else from {@code file}, creating the file with one
     * fresh key when it does not exist.
     *
     * @throws KeyringException naming the file or variable when a key cannot be read or the file not created
     */
    public static Keyring load(Path file, Optional<String> environmentKeys) throws KeyringException {
        if (environmentKeys.isPresent() && !environmentKeys.get().isBlank()) {
            List<String> newestFirst =
                    new ArrayList<>(List.of(environmentKeys.get().split(",")));
            java.util.Collections.reverse(newestFirst);
            return fromLines(newestFirst, "PULT_HOST_SECRET_KEYS", Optional.empty());
        }
        try {
            if (!Files.exists(file)) {
                create(file);
            }
            return fromLines(Files.readAllLines(file, StandardCharsets.US_ASCII), file.toString(), Optional.of(file));
        } catch (IOException e) {
            throw new KeyringException("Cannot read or create the secret key file '" + file + "': " + e.getMessage());
        }
    }

    private static Keyring fromLines(List<String> lines, String source, Optional<Path> file) throws KeyringException {
        Map<String, SecretKey> keys = new LinkedHashMap<>();
        String current = null;
        for (String line : lines) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            SecretKey key = decode(line.trim(), source);
            current = idOf(key);
            keys.put(current, key);
        }
        if (current == null) {
            throw new KeyringException("'" + source + "' holds no key.");
        }
        return new Keyring(keys, current, file);
    }

    private static SecretKey decode(String text, String source) throws KeyringException {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            throw new KeyringException("A key in '" + source + "' is not base64.");
        }
        if (bytes.length != KEY_BYTES) {
            throw new KeyringException("A key in '" + source + "' has " + bytes.length + " bytes; keys have 32.");
        }
        return new SecretKeySpec(bytes, "AES");
    }

    private static void create(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        write(
                file,
                List.of(
                        "# Keys that encrypt integration secrets, oldest first. Keep this file private.",
                        newKeyText()));
    }

    /**
     * Adds a fresh key that encrypts from now on; the older keys still decrypt.
     *
     * @return the keyring with the new key current
     * @throws KeyringException when the keys come from the environment (rotate them there) or the file cannot be
     *     written
     */
    public Keyring rotate() throws KeyringException {
        Path path = file.orElseThrow(() -> new KeyringException(
                "The keys come from PULT_HOST_SECRET_KEYS: put a new key first in that variable and restart."));
        try {
            List<String> lines = new ArrayList<>(Files.readAllLines(path, StandardCharsets.US_ASCII));
            lines.add(newKeyText());
            write(path, lines);
            return load(path, Optional.empty());
        } catch (IOException e) {
            throw new KeyringException("Cannot write the secret key file '" + path + "': " + e.getMessage());
        }
    }

    private static void write(Path file, List<String> lines) throws IOException {
        Path temporary = file.resolveSibling(file.getFileName() + ".new");
        Files.deleteIfExists(temporary);
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            Files.createFile(
                    temporary, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        }
        Files.write(temporary, lines, StandardCharsets.US_ASCII);
        try {
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static String newKeyText() {
        byte[] bytes = new byte[KEY_BYTES];
        new SecureRandom().nextBytes(bytes);
        return Base64.getEncoder().encodeToString(bytes);
    }

    /** A short, stable id of a key that reveals nothing about it. */
    static String idOf(SecretKey key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getEncoded());
            return HexFormat.of().formatHex(digest, 0, 4);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    String currentId() {
        return currentId;
    }

    SecretKey current() {
        return keys.get(currentId);
    }

    Optional<SecretKey> find(String id) {
        return Optional.ofNullable(keys.get(id));
    }

    /** How many keys can decrypt. */
    public int size() {
        return keys.size();
    }
}
