package com.pult.mdm.host.secret;

/**
 * Stored secrets cannot be decrypted with any configured key. They are never replaced silently: an admin
 * re-enters them.
 */
public final class SecretUnreadableException extends Exception {

    public SecretUnreadableException(String message) {
        super(message);
    }
}
