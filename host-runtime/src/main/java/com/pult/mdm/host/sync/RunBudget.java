package com.pult.mdm.host.sync;

import com.pult.mdm.spi.RequestBudget;
import com.pult.mdm.spi.SyncCancelledException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/** One run's view of its integration's {@link Pacer}: waits for it, and counts what the run spent. */
final class RunBudget implements RequestBudget {

    /** The longest single sleep, so a cancellation is noticed promptly. */
    private static final Duration MAX_NAP = Duration.ofMillis(200);

    private final Pacer pacer;
    private final AtomicBoolean cancelled;
    private final AtomicInteger spent = new AtomicInteger();
    private final AtomicInteger rateLimited = new AtomicInteger();

    RunBudget(Pacer pacer, AtomicBoolean cancelled) {
        this.pacer = pacer;
        this.cancelled = cancelled;
    }

    @Override
    public void acquire() throws SyncCancelledException, InterruptedException {
        while (true) {
            if (cancelled.get()) {
                throw new SyncCancelledException("The sync was cancelled.");
            }
            Duration wait = pacer.tryTake();
            if (wait.isZero()) {
                spent.incrementAndGet();
                return;
            }
            Thread.sleep(Math.max(1, Math.min(wait.toMillis(), MAX_NAP.toMillis())));
        }
    }

    @Override
    public int remaining() {
        return pacer.remainingThisHour();
    }

    @Override
    public void rateLimited(Duration retryAfter) {
        rateLimited.incrementAndGet();
        pacer.hold(retryAfter);
    }

    @Override
    public int spent() {
        return spent.get();
    }

    int rateLimitedCount() {
        return rateLimited.get();
    }
}
