package com.pult.mdm.host.testsupport;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** Polls a condition until it holds or a deadline passes. */
public final class Await {

    private Await() {}

    /** Waits until {@code condition} holds; fails with {@code what} after {@code timeout}. */
    public static Duration until(Duration timeout, String what, BooleanSupplier condition) {
        long began = System.nanoTime();
        long deadline = began + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Timed out after " + timeout.toMillis() + " ms waiting for " + what);
            }
            sleep(20);
        }
        return Duration.ofNanos(System.nanoTime() - began);
    }

    /** Waits until {@code condition} holds; the failure message is built only when it is needed. */
    public static Duration until(Duration timeout, Supplier<String> what, BooleanSupplier condition) {
        try {
            return until(timeout, "condition", condition);
        } catch (AssertionError e) {
            throw new AssertionError("Timed out after " + timeout.toMillis() + " ms waiting for " + what.get(), e);
        }
    }

    public static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
