package com.pult.mdm.spi;

/**
 * A failure of a whole request or sync, classified once at the edge so the host treats every vendor alike.
 * Messages say what failed and what to do; they never contain a token or a whole response body.
 */
public abstract sealed class MdmException extends Exception
        permits AuthenticationException,
                RateLimitedException,
                TransientException,
                BadVendorDataException,
                SyncCancelledException {

    protected MdmException(String message, Throwable cause) {
        super(message, cause);
    }

    /** Whether trying again later can succeed without anyone changing the configuration. */
    public abstract boolean isRetryable();
}
