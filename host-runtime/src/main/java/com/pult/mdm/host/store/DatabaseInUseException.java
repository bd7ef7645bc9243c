package com.pult.mdm.host.store;

/**
 * The database is held by another process, normally a running host: H2 lets one process at a time open its file.
 * The message names the file and what to do.
 */
public final class DatabaseInUseException extends StoreException {

    public DatabaseInUseException(String message, Throwable cause) {
        super(message, cause);
    }
}
