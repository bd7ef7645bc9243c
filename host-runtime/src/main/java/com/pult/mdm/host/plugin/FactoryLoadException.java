package com.pult.mdm.host.plugin;

/** A plugin's provider factory could not be loaded, created or asked for its id; the message says why. */
final class FactoryLoadException extends Exception {

    private static final long serialVersionUID = 1L;

    FactoryLoadException(String message, Throwable cause) {
        super(message, cause);
    }
}
