package com.pult.mdm.host.store;

/** The database could not be read or written; the message says what failed and what to do. */
public class StoreException extends Exception {

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
