package com.pult.mdm.kandji.internal.api;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Waits between retries. Replaceable so tests record the waits instead of sleeping. */
@FunctionalInterface
public interface KandjiSleeper {

    /**
     * Waits for {@code duration}, or less when {@code cancelled} becomes true.
     *
     * @throws InterruptedException when the thread is interrupted while waiting
     */
    void sleep(Duration duration, BooleanSupplier cancelled) throws InterruptedException;

    /** Sleeps the thread in short slices, so a cancelled sync stops waiting within half a second. */
    static KandjiSleeper threadSleeper() {
        return (duration, cancelled) -> {
            long deadline = System.nanoTime() + duration.toNanos();
            long left = duration.toNanos();
            while (left > 0 && !cancelled.getAsBoolean()) {
                Thread.sleep(Math.min(500, Math.max(1, left / 1_000_000)));
                left = deadline - System.nanoTime();
            }
        };
    }
}
