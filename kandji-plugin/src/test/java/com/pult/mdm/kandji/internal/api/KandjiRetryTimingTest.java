package com.pult.mdm.kandji.internal.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Retry-After parsing and the backoff curve. */
class KandjiRetryTimingTest {

    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
    private final KandjiRetryPolicy policy = KandjiRetryPolicy.defaults();

    @Test
    void retryAfterInSecondsIsRead() {
        assertEquals(Optional.of(Duration.ofSeconds(2)), KandjiRetryAfter.parse("2", NOW));
        assertEquals(Optional.of(Duration.ofSeconds(120)), KandjiRetryAfter.parse(" 120 ", NOW));
    }

    @Test
    void retryAfterAsHttpDateIsTheTimeUntilThatDate() {
        assertEquals(Optional.of(Duration.ofSeconds(7)), KandjiRetryAfter.parse("Sun, 01 Mar 2026 12:00:07 GMT", NOW));
    }

    @Test
    void retryAfterDateInThePastMeansNoWait() {
        assertEquals(Optional.of(Duration.ZERO), KandjiRetryAfter.parse("Sun, 01 Mar 2026 11:00:00 GMT", NOW));
    }

    @Test
    void absentOrUnreadableRetryAfterIsEmpty() {
        assertEquals(Optional.empty(), KandjiRetryAfter.parse("", NOW));
        assertEquals(Optional.empty(), KandjiRetryAfter.parse(null, NOW));
        assertEquals(Optional.empty(), KandjiRetryAfter.parse("soon", NOW));
        assertEquals(Optional.empty(), KandjiRetryAfter.parse("-5", NOW));
    }

    @Test
    void absurdRetryAfterIsCappedAtFiveMinutes() {
        Duration told = KandjiRetryAfter.parse("99999999999999999999", NOW).orElseThrow();

        assertEquals(Duration.ofMinutes(5), policy.capRetryAfter(told));
        assertEquals(Duration.ofMinutes(5), policy.capRetryAfter(Duration.ofDays(1)));
        assertEquals(Duration.ofSeconds(2), policy.capRetryAfter(Duration.ofSeconds(2)));
    }

    @Test
    void backoffDoublesFromOneSecondWithAddedJitterUpToSixtySeconds() {
        assertEquals(Duration.ofSeconds(1), policy.backoff(1, () -> 0.0));
        assertEquals(Duration.ofMillis(1999), policy.backoff(1, () -> 0.9995));
        assertEquals(Duration.ofSeconds(2), policy.backoff(2, () -> 0.0));
        assertEquals(Duration.ofSeconds(6), policy.backoff(3, () -> 0.5));
        assertEquals(Duration.ofSeconds(60), policy.backoff(7, () -> 0.0));
        assertEquals(Duration.ofSeconds(60), policy.backoff(40, () -> 0.99));
    }

    @Test
    void backoffNeverWaitsLessThanTheExponentialStep() {
        for (int failure = 1; failure <= 6; failure++) {
            Duration wait = policy.backoff(failure, Math::random);
            long step = Math.min(60_000, 1000L << (failure - 1));
            assertTrue(wait.toMillis() >= step && wait.toMillis() <= Math.min(60_000, 2 * step), wait.toString());
        }
    }

    @Test
    void threadSleeperWaitsTheDuration() throws InterruptedException {
        long started = System.nanoTime();

        KandjiSleeper.threadSleeper().sleep(Duration.ofMillis(120), () -> false);

        assertTrue(System.nanoTime() - started >= Duration.ofMillis(120).toNanos());
    }

    @Test
    void threadSleeperStopsWaitingWhenTheSyncIsCancelled() throws InterruptedException {
        long started = System.nanoTime();

        KandjiSleeper.threadSleeper().sleep(Duration.ofMinutes(5), () -> System.nanoTime() - started > 50_000_000L);

        assertTrue(System.nanoTime() - started < Duration.ofSeconds(2).toNanos());
    }
}
