package com.pult.mdm.host.sync;

import com.pult.mdm.host.store.IntegrationRow;
import com.pult.mdm.host.store.SyncRun;
import java.time.Duration;
import java.time.Instant;
import java.util.random.RandomGenerator;

/**
 * How a run's outcome changes its integration: counts toward pausing, backoff, the next run time. One place, the
 * same for every vendor.
 */
final class OutcomePolicy {

    /** The first retry after a transient failure; doubles per failure up to the integration's interval. */
    static final Duration FIRST_RETRY = Duration.ofSeconds(30);

    private final int authFailuresToPause;
    private final RandomGenerator random;

    OutcomePolicy(int authFailuresToPause, RandomGenerator random) {
        this.authFailuresToPause = authFailuresToPause;
        this.random = random;
    }

    IntegrationRow apply(IntegrationRow row, SyncRun run) {
        Instant end = run.endedAt();
        return switch (run.outcome()) {
            case SUCCEEDED -> copy(row, null, 0, 0, null, null, false, next(end, row.interval()), end);
            case HELD ->
                copy(row, null, 0, 0, null, run.message(), false, next(end, row.interval()), row.lastSuccessAt());
            case AUTH_FAILED -> authFailed(row, run);
            case CANCELLED, INTERRUPTED ->
                copy(
                        row,
                        row.pausedReason(),
                        row.authFailures(),
                        row.transientFailures(),
                        row.lastError(),
                        row.holdReason(),
                        row.removalsConfirmed(),
                        next(end, FIRST_RETRY),
                        row.lastSuccessAt());
            default -> transientFailure(row, run);
        };
    }

    private IntegrationRow authFailed(IntegrationRow row, SyncRun run) {
        int failures = row.authFailures() + 1;
        String paused = failures >= authFailuresToPause
                ? "Paused after " + failures + " authentication failures in a row. Last: " + run.message()
                        + " Correct the token or its permissions, then reset the integration."
                : null;
        return copy(
                row,
                paused,
                failures,
                row.transientFailures(),
                run.message(),
                row.holdReason(),
                row.removalsConfirmed(),
                next(run.endedAt(), row.interval()),
                row.lastSuccessAt());
    }

    private IntegrationRow transientFailure(IntegrationRow row, SyncRun run) {
        int failures = row.transientFailures() + 1;
        Duration backoff = FIRST_RETRY.multipliedBy(1L << Math.min(failures - 1, 16));
        Duration wait = backoff.compareTo(row.interval()) < 0 ? backoff : row.interval();
        return copy(
                row,
                row.pausedReason(),
                row.authFailures(),
                failures,
                run.message(),
                row.holdReason(),
                row.removalsConfirmed(),
                next(run.endedAt(), wait),
                row.lastSuccessAt());
    }

    /** The next run, spread by up to ±10% so integrations created together do not sync together forever. */
    Next next(Instant from, Duration wait) {
        long millis = wait.toMillis();
        long spread = millis / 10;
        long jitter = spread == 0 ? 0 : random.nextLong(-spread, spread + 1);
        return new Next(from.plusMillis(Math.max(1000, millis + jitter)), from);
    }

    /** When the next run is due, and when the run that scheduled it ended. */
    record Next(Instant at, Instant ended) {}

    private static IntegrationRow copy(
            IntegrationRow row,
            String pausedReason,
            int authFailures,
            int transientFailures,
            String lastError,
            String holdReason,
            boolean removalsConfirmed,
            Next next,
            Instant lastSuccessAt) {
        // The next run is always strictly after the end of this one, whatever the clock's zone or DST does.
        return row.withSyncState(
                pausedReason,
                authFailures,
                transientFailures,
                lastError,
                holdReason,
                removalsConfirmed,
                next.at(),
                next.ended(),
                lastSuccessAt);
    }
}
