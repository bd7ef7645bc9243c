package com.pult.mdm.spi;

/** The network, a timeout or a vendor server error outlasted the provider's retries. Retryable with backoff. */
public final class TransientException extends MdmException {

    public TransientException(String message, Throwable cause) {
        super(message, cause);
    }

    @Override
    public boolean isRetryable() {
        return true;
    }
}
