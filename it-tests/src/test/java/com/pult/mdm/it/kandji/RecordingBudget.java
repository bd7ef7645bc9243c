package com.pult.mdm.it.kandji;

import com.pult.mdm.spi.RequestBudget;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * A {@link RequestBudget} that never makes the caller wait: it counts every acquire with its time, and records
 * every rate-limit wait the provider reports, so a test can read what the provider spent and how long it meant to
 * wait. A hook lets a test move the simulator's clock by the wait the provider announced.
 */
final class RecordingBudget implements RequestBudget {

    private final List<Long> acquiredAtNanos = new ArrayList<>();
    private final List<Duration> rateLimitWaits = new ArrayList<>();
    private volatile Consumer<Duration> onRateLimited = wait -> {};

    @Override
    public synchronized void acquire() {
        acquiredAtNanos.add(System.nanoTime());
    }

    @Override
    public int remaining() {
        return 10_000;
    }

    @Override
    public void rateLimited(Duration retryAfter) {
        synchronized (this) {
            rateLimitWaits.add(retryAfter);
        }
        onRateLimited.accept(retryAfter);
    }

    @Override
    public synchronized int spent() {
        return acquiredAtNanos.size();
    }

    /** Runs {@code hook} with the wait each time the provider reports a 429. */
    void onRateLimited(Consumer<Duration> hook) {
        onRateLimited = hook;
    }

    /** The waits the provider reported, in order. */
    synchronized List<Duration> rateLimitWaits() {
        return List.copyOf(rateLimitWaits);
    }

    /** The time between consecutive acquires: how long the provider waited before each retry or next request. */
    synchronized List<Duration> gaps() {
        List<Duration> gaps = new ArrayList<>();
        for (int i = 1; i < acquiredAtNanos.size(); i++) {
            gaps.add(Duration.ofNanos(acquiredAtNanos.get(i) - acquiredAtNanos.get(i - 1)));
        }
        return gaps;
    }
}
