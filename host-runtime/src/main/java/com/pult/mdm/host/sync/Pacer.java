package com.pult.mdm.host.sync;

import com.pult.mdm.spi.ApiLimits;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Paces one integration's requests under a share of its vendor's limits: evenly spaced at the per-second share, an
 * hourly
 * sliding window (no hour, wherever it starts, holds more than the share), and a hold after the vendor answers
 * 429. One pacer lives as long as its integration, across runs, so a run cannot spend what the previous one already
 * used this hour.
 *
 * <p>Note: the hourly window lives in memory and starts empty after a host restart; a host that restarts often
 * could overspend a tenant's hour. That matters only for restarts every few minutes.
 */
public final class Pacer {

    private static final Duration HOUR = Duration.ofHours(1);

    private final Clock clock;
    private final double perSecond;
    private final int perHour;
    private final ArrayDeque<Instant> lastHour = new ArrayDeque<>();
    private final AtomicLong rateLimited = new AtomicLong();
    private double secondTokens;
    private Instant refilledAt;
    private Instant heldUntil;

    /**
     * @param limits the vendor's published limits
     * @param share the share of them this host may use, in (0, 1]
     */
    public Pacer(ApiLimits limits, double share, Clock clock) {
        if (share <= 0 || share > 1) {
            throw new IllegalArgumentException("The budget share must be in (0, 1], not " + share);
        }
        this.clock = clock;
        this.perSecond = Math.max(1, limits.requestsPerSecond() * share);
        this.perHour = (int) Math.max(1, limits.requestsPerHour() * share);
        this.secondTokens = 1;
        this.refilledAt = clock.instant();
        this.heldUntil = refilledAt;
    }

    /**
     * Takes one request if the limits allow it now.
     *
     * @return zero when taken, else how long to wait before asking again
     */
    public synchronized Duration tryTake() {
        Instant now = clock.instant();
        refill(now);
        if (now.isBefore(heldUntil)) {
            return Duration.between(now, heldUntil);
        }
        if (lastHour.size() >= perHour) {
            return Duration.between(now, lastHour.peekFirst().plus(HOUR));
        }
        if (secondTokens < 1) {
            return Duration.ofNanos((long) Math.ceil((1 - secondTokens) / perSecond * 1e9));
        }
        secondTokens -= 1;
        lastHour.addLast(now);
        return Duration.ZERO;
    }

    private void refill(Instant now) {
        double elapsed = Math.max(0, Duration.between(refilledAt, now).toNanos() / 1e9);
        // No burst: requests go evenly spaced, so no one-second window of the vendor's gateway, wherever it
        // starts, sees more than the per-second share (plus one).
        secondTokens = Math.min(1, secondTokens + elapsed * perSecond);
        refilledAt = now;
        Instant windowStart = now.minus(HOUR);
        while (!lastHour.isEmpty() && !lastHour.peekFirst().isAfter(windowStart)) {
            lastHour.removeFirst();
        }
    }

    /** Holds every request back until {@code wait} has passed, after the vendor answered 429. */
    public synchronized void hold(Duration wait) {
        rateLimited.incrementAndGet();
        Instant until = clock.instant().plus(wait);
        if (until.isAfter(heldUntil)) {
            heldUntil = until;
        }
    }

    /** Requests that may still go within the current hour. */
    public synchronized int remainingThisHour() {
        refill(clock.instant());
        return perHour - lastHour.size();
    }

    /** The hourly allowance. */
    public int perHour() {
        return perHour;
    }

    /** 429 answers seen since the pacer was made. */
    public long rateLimitedCount() {
        return rateLimited.get();
    }
}
