package com.pult.mdm.host.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.pult.mdm.spi.ApiLimits;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class PacerTest {

    /** A clock the test moves by hand. */
    static final class ManualClock extends Clock {
        Instant now = Instant.parse("2026-12-03T09:00:00Z");

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Test
    void requestsArePacedUnderTheShareOfThePerSecondLimit() {
        ManualClock clock = new ManualClock();
        Pacer pacer = new Pacer(new ApiLimits(10_000, 50), 0.5, clock);
        int taken = 0;

        for (int tick = 0; tick < 1000; tick++) {
            while (pacer.tryTake().isZero()) {
                taken++;
            }
            clock.now = clock.now.plusMillis(10);
        }

        assertTrue(taken >= 245 && taken <= 251, "took " + taken + " in 10 s at 25/s");
    }

    @Test
    void theHourlyShareIsNeverExceeded() {
        ManualClock clock = new ManualClock();
        Pacer pacer = new Pacer(new ApiLimits(10_000, 50), 0.5, clock);
        int taken = 0;

        for (int tick = 0; tick < 359_900; tick++) {
            while (pacer.tryTake().isZero()) {
                taken++;
            }
            clock.now = clock.now.plusMillis(10);
        }

        assertEquals(5000, taken);
        assertEquals(0, pacer.remainingThisHour());
        assertFalse(pacer.tryTake().isZero(), "waits for the window to move");
    }

    @Test
    void requestsGoEvenlySpacedWithoutABurst() {
        ManualClock clock = new ManualClock();
        Pacer pacer = new Pacer(new ApiLimits(10_000, 50), 1.0, clock);

        assertTrue(pacer.tryTake().isZero());
        Duration wait = pacer.tryTake();

        assertEquals(Duration.ofMillis(20), wait);
    }

    @Test
    void aRateLimitAnswerHoldsEveryRequestForTheGivenTime() {
        ManualClock clock = new ManualClock();
        Pacer pacer = new Pacer(new ApiLimits(10_000, 50), 1.0, clock);

        pacer.hold(Duration.ofSeconds(30));

        assertEquals(Duration.ofSeconds(30), pacer.tryTake());
        clock.now = clock.now.plusSeconds(30);
        assertEquals(Duration.ZERO, pacer.tryTake());
        assertEquals(1, pacer.rateLimitedCount());
    }
}
