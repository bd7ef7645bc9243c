package com.pult.mdm.host.launch;

/** The plugin framework could not be started; the message says what is missing or broken. */
public final class LaunchException extends Exception {

    private static final long serialVersionUID = 1L;

    /** Creates the exception with the line to show. */
    public LaunchException(String message) {
        super(message);
    }

    /** Creates the exception with the line to show and its cause. */
    public LaunchException(String message, Throwable cause) {
        super(message, cause);
    }
}
