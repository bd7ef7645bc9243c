package com.pult.mdm.kandji.internal.api;

import java.time.Duration;
import java.util.Objects;
import java.util.function.DoubleSupplier;

/**
 * How long and how often one request is retried.
 *
 * @param rateLimitAttempts requests sent at most while Kandji answers 429, the first included
 * @param transientAttempts requests sent at most while Kandji answers 5xx or does not answer, the first included
 * @param baseBackoff the wait before the first retry when Kandji gives no {@code Retry-After}
 * @param maxBackoff the longest computed backoff
 * @param retryAfterCap the longest wait a {@code Retry-After} header can impose
 */
public record KandjiRetryPolicy(
        int rateLimitAttempts,
        int transientAttempts,
        Duration baseBackoff,
        Duration maxBackoff,
        Duration retryAfterCap) {

    public KandjiRetryPolicy {
        if (rateLimitAttempts < 1 || transientAttempts < 1) {
            throw new IllegalArgumentException("attempts must be at least 1");
        }
        Objects.requireNonNull(baseBackoff, "baseBackoff");
        Objects.requireNonNull(maxBackoff, "maxBackoff");
        Objects.requireNonNull(retryAfterCap, "retryAfterCap");
    }

    /**
     * Six attempts on 429 (five waits, up to about two minutes without Retry-After), four on server and network
     * errors, backoff from 1 s doubling up to 60 s, Retry-After honoured up to 5 minutes.
     */
    public static KandjiRetryPolicy defaults() {
        return new KandjiRetryPolicy(6, 4, Duration.ofSeconds(1), Duration.ofSeconds(60), Duration.ofMinutes(5));
    }

    /**
     * The wait after the {@code failures}-th failure: {@code base × 2^(failures-1)}, capped at
     * {@link #maxBackoff}, plus a random share of up to the same amount again, capped at {@link #maxBackoff}.
     *
     * <p>The jitter is added, never subtracted ("full jitter" may wait almost nothing, which a vendor that just
     * refused for rate limits punishes); it still spreads clients that failed together.
     *
     * @param failures the number of failures so far, from 1
     * @param jitter a source of uniform random numbers in [0, 1)
     */
    public Duration backoff(int failures, DoubleSupplier jitter) {
        long capMillis = maxBackoff.toMillis();
        int doublings = Math.min(Math.max(failures - 1, 0), 30);
        long exponential = Math.min(capMillis, baseBackoff.toMillis() << doublings);
        long jittered = exponential + (long) (exponential * jitter.getAsDouble());
        return Duration.ofMillis(Math.min(capMillis, jittered));
    }

    /** A {@code Retry-After} wait, capped at {@link #retryAfterCap} and never negative. */
    public Duration capRetryAfter(Duration requested) {
        if (requested.isNegative()) {
            return Duration.ZERO;
        }
        return requested.compareTo(retryAfterCap) > 0 ? retryAfterCap : requested;
    }
}
