package com.pult.mdm.spi;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * An email address, the key that links an MDM device to a Pult user. Two addresses are equal when they are
 * equal ignoring case, and only then: never a prefix, substring or "closest" match.
 */
public final class Email {

    // Deliberately simple: one @, no white space, a dot in the domain. Exotic valid forms are rare in
    // directories, and a stricter rule would reject real users.
    private static final Pattern SHAPE = Pattern.compile("[^@\\s]+@[^@\\s.]+(\\.[^@\\s.]+)+");

    private final String text;
    private final String key;

    private Email(String text) {
        this.text = text;
        this.key = text.toLowerCase(Locale.ROOT);
    }

    /**
     * Parses an email address as a directory or an admin wrote it; only surrounding white space is removed.
     *
     * @throws IllegalArgumentException naming the input when it is blank or not an email address
     */
    public static Email parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("An email address is required, such as ana.lima@example.com.");
        }
        String trimmed = text.strip();
        if (trimmed.length() > 254 || !SHAPE.matcher(trimmed).matches()) {
            String shown = trimmed.length() <= 60 ? trimmed : trimmed.substring(0, 60) + "…";
            throw new IllegalArgumentException(
                    "'" + shown + "' is not an email address: expected one address such as ana.lima@example.com.");
        }
        return new Email(trimmed);
    }

    /** The address as written, trimmed. */
    public String value() {
        return text;
    }

    /** The lower-case form two addresses are compared by. */
    public String key() {
        return key;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Email email && email.key.equals(key);
    }

    @Override
    public int hashCode() {
        return key.hashCode();
    }

    @Override
    public String toString() {
        return text;
    }
}
