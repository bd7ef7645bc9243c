package com.pult.mdm.host.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.pult.mdm.host.store.IntegrationRow;
import com.pult.mdm.host.store.SyncRun;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

class OutcomePolicyTest {

    private final OutcomePolicy policy = new OutcomePolicy(3, RandomGenerator.of("L64X128MixRandom"));

    private static IntegrationRow row(Duration interval) {
        Instant created = Instant.parse("2019-03-09T00:00:00Z");
        return new IntegrationRow(
                "i", "acme", "fake", "n", Map.of(), "v1.x.y", true, null, 0, 0, null, null, false, interval, created,
                null, null, created, created);
    }

    private static SyncRun run(SyncRun.Outcome outcome, Instant end) {
        return new SyncRun(1, "i", end.minusSeconds(5), end, outcome, 0, 0, Map.of(), 0, 0, 1, 0, "because");
    }

    @Test
    void theNextRunIsAlwaysStrictlyAfterTheLastAcrossDaylightSavingChanges() {
        // Toronto skipped 02:00-03:00 local on 2019-03-10 and Berlin repeated 02:00-03:00 on 2024-10-27.
        for (String edge : new String[] {"2019-03-10T06:30:00Z", "2024-10-27T00:30:00Z"}) {
            IntegrationRow current = row(Duration.ofMinutes(15));
            Instant end = Instant.parse(edge);
            for (int i = 0; i < 16; i++) {
                current = policy.apply(current, run(SyncRun.Outcome.SUCCEEDED, end));
                Duration gap = Duration.between(end, current.nextSyncAt());
                assertTrue(gap.compareTo(Duration.ofMinutes(13)) > 0 && gap.compareTo(Duration.ofMinutes(17)) < 0);
                end = current.nextSyncAt();
            }
        }
    }

    @Test
    void anIntervalIsTheSameLengthInLocalTimeOnTheDayClocksChange() {
        ZoneId chicago = ZoneId.of("America/Chicago");
        Instant before = Instant.parse("2022-11-06T05:00:00Z");

        Instant next = policy.apply(row(Duration.ofHours(1)), run(SyncRun.Outcome.SUCCEEDED, before))
                .nextSyncAt();

        long minutes =
                Duration.between(before.atZone(chicago), next.atZone(chicago)).toMinutes();
        assertTrue(minutes >= 54 && minutes <= 66, "one hour apart in elapsed time: " + minutes);
    }

    @Test
    void authenticationFailuresPauseAtTheConfiguredCount() {
        IntegrationRow current = row(Duration.ofMinutes(15));
        Instant end = Instant.parse("2026-12-03T10:00:00Z");

        current = policy.apply(current, run(SyncRun.Outcome.AUTH_FAILED, end));
        current = policy.apply(current, run(SyncRun.Outcome.AUTH_FAILED, end));
        assertNull(current.pausedReason());
        current = policy.apply(current, run(SyncRun.Outcome.AUTH_FAILED, end));

        assertEquals(3, current.authFailures());
        assertTrue(current.pausedReason().startsWith("Paused after 3 authentication failures"));
    }

    @Test
    void transientFailuresBackOffUpToTheInterval() {
        IntegrationRow current = row(Duration.ofMinutes(15));
        Instant end = Instant.parse("2026-12-03T10:00:00Z");
        Duration last = Duration.ZERO;

        for (int i = 0; i < 8; i++) {
            current = policy.apply(current, run(SyncRun.Outcome.TRANSIENT_FAILURE, end));
            last = Duration.between(end, current.nextSyncAt());
        }

        assertTrue(last.compareTo(Duration.ofMinutes(17)) < 0, "capped near the interval: " + last);
        assertEquals(8, current.transientFailures());
    }

    @Test
    void successClearsEveryFailureCount() {
        IntegrationRow current = row(Duration.ofMinutes(15));
        Instant end = Instant.parse("2026-12-03T10:00:00Z");
        current = policy.apply(current, run(SyncRun.Outcome.AUTH_FAILED, end));
        current = policy.apply(current, run(SyncRun.Outcome.TRANSIENT_FAILURE, end));

        current = policy.apply(current, run(SyncRun.Outcome.SUCCEEDED, end));

        assertEquals(0, current.authFailures());
        assertEquals(0, current.transientFailures());
        assertEquals(end, current.lastSuccessAt());
    }
}
