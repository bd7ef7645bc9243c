package com.pult.mdm.kandji.internal.api;

/**
 * Kandji sent something the provider cannot read: a body that is not JSON, or a field of the wrong type.
 * The message names what was wrong, never the whole body.
 */
public final class KandjiDataException extends Exception {

    public KandjiDataException(String message) {
        super(message);
    }
}
