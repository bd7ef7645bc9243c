package com.pult.mdm.host.secret;

/** The keys that encrypt secrets cannot be loaded or stored; the message names the file or variable. */
public final class KeyringException extends Exception {

    public KeyringException(String message) {
        super(message);
    }
}
