package com.pult.mdm.host.config;

/**
 * The host cannot start with its configuration: a value is malformed, a named file is missing, or the data
 * directory cannot be written. The message is one line a person can act on.
 */
public final class ConfigException extends Exception {

    private static final long serialVersionUID = 1L;

    /** Creates the exception with the line to show. */
    public ConfigException(String message) {
        super(message);
    }
}
