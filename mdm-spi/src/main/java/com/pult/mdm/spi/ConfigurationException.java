package com.pult.mdm.spi;

/**
 * An integration's configuration is missing a field or has a malformed one. The message names the field and
 * what a valid value looks like; it never contains a secret.
 */
public final class ConfigurationException extends Exception {

    private final String field;

    public ConfigurationException(String field, String message) {
        super(message);
        this.field = field;
    }

    /** The {@link CredentialField#name()} at fault. */
    public String field() {
        return field;
    }
}
