package com.pult.mdm.it.sim;

import java.time.Clock;
import java.time.Instant;

/**
 * Kong-style fixed-window limiter shared by all tokens of the tenant: one window per clock second and one per clock
 * hour. Rejected requests do not consume quota, as in Kong's rate-limiting plugin.
 */
public final class RateLimiter {
    private final Clock clock;
    private volatile RateLimitConfig config;
    private long secondWindow = Long.MIN_VALUE;
    private long hourWindow = Long.MIN_VALUE;
    private int secondCount;
    private int hourCount;

    /**
     * The outcome for one request.
     *
     * @param allowed whether the request may proceed
     * @param config the limits in force
     * @param remainingHour requests left this hour
     * @param remainingSecond requests left this second
     * @param resetSeconds seconds until the tighter window resets (also the Retry-After value)
     */
    public record Outcome(
            boolean allowed, RateLimitConfig config, int remainingHour, int remainingSecond, long resetSeconds) {}

    RateLimiter(Clock clock, RateLimitConfig config) {
        this.clock = clock;
        this.config = config;
    }

    /** The limits in force. */
    public RateLimitConfig config() {
        return config;
    }

    /** Changes the limits; counts of the current windows are kept. */
    public void configure(RateLimitConfig value) {
        this.config = value;
    }

    /** Forgets the current windows' counts. */
    public synchronized void reset() {
        secondCount = 0;
        hourCount = 0;
    }

    /** Takes one request from both buckets, or reports which window is exhausted. */
    public synchronized Outcome acquire() {
        RateLimitConfig c = config;
        Instant now = clock.instant();
        roll(now);
        long toNextSecond = 1;
        long toNextHour = Math.max(1, 3600 - Math.floorMod(now.getEpochSecond(), 3600));
        if (hourCount >= c.perHour()) {
            return new Outcome(false, c, 0, Math.max(0, c.perSecond() - secondCount), toNextHour);
        }
        if (secondCount >= c.perSecond()) {
            return new Outcome(false, c, c.perHour() - hourCount, 0, toNextSecond);
        }
        secondCount++;
        hourCount++;
        int leftHour = c.perHour() - hourCount;
        int leftSecond = c.perSecond() - secondCount;
        return new Outcome(true, c, leftHour, leftSecond, leftHour < leftSecond ? toNextHour : toNextSecond);
    }

    private void roll(Instant now) {
        long second = now.getEpochSecond();
        if (second != secondWindow) {
            secondWindow = second;
            secondCount = 0;
        }
        long hour = Math.floorDiv(second, 3600);
        if (hour != hourWindow) {
            hourWindow = hour;
            hourCount = 0;
        }
    }
}
