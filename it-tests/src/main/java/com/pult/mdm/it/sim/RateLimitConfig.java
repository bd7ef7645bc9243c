package com.pult.mdm.it.sim;

/**
 * Rate-limit settings modelled on Kandji's Kong gateway (10,000 per hour per tenant, 50 per second).
 *
 * @param enabled whether limits apply at all (off for raw-speed runs: no limit headers either)
 * @param perHour the hourly bucket
 * @param perSecond the per-second bucket
 * @param sendRetryAfter whether a 429 carries {@code Retry-After} (Kong's plugin does; turn off to test clients that
 *     must fall back to the window headers)
 */
public record RateLimitConfig(boolean enabled, int perHour, int perSecond, boolean sendRetryAfter) {

    /** Kandji's published limits, Retry-After on. */
    public static RateLimitConfig kandjiDefaults() {
        return new RateLimitConfig(true, 10_000, 50, true);
    }

    /** No limits. */
    public static RateLimitConfig off() {
        return new RateLimitConfig(false, 10_000, 50, true);
    }

    /** Validates the buckets. */
    public RateLimitConfig {
        if (perHour < 1 || perSecond < 1) {
            throw new IllegalArgumentException("rate limits must be positive");
        }
    }
}
