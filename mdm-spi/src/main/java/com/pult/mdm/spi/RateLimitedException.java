package com.pult.mdm.spi;

import java.time.Duration;
import java.util.Objects;

/** The vendor kept refusing for rate limits beyond the provider's bounded waiting. Retryable later. */
public final class RateLimitedException extends MdmException {

    private final Duration retryAfter;

    /**
     * @param message what was refused
     * @param retryAfter how long the vendor asked to wait before the next request
     */
    public RateLimitedException(String message, Duration retryAfter) {
        super(message, null);
        this.retryAfter = Objects.requireNonNull(retryAfter, "retryAfter");
    }

    /** How long the vendor asked to wait before the next request. */
    public Duration retryAfter() {
        return retryAfter;
    }

    @Override
    public boolean isRetryable() {
        return true;
    }
}
