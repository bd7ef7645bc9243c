package com.pult.mdm.host.sync;

import com.pult.mdm.spi.FetchContext;
import com.pult.mdm.spi.KnownDevice;
import com.pult.mdm.spi.RequestBudget;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.LoggerFactory;

/** The host's side of one {@link com.pult.mdm.spi.MdmProvider#fetch}. */
final class SyncContext implements FetchContext {

    private final Map<String, KnownDevice> known;
    private final int detailRefreshLimit;
    private final RunBudget budget;
    private final AtomicBoolean cancelled;
    private final Clock clock;
    private final System.Logger logger;
    private final Instant startedAt;
    private volatile SyncProgress progress;

    SyncContext(
            String integrationId,
            Map<String, KnownDevice> known,
            int detailRefreshLimit,
            RunBudget budget,
            AtomicBoolean cancelled,
            Clock clock) {
        this.known = known;
        this.detailRefreshLimit = detailRefreshLimit;
        this.budget = budget;
        this.cancelled = cancelled;
        this.clock = clock;
        this.logger = new SystemLoggerAdapter(LoggerFactory.getLogger("com.pult.mdm.provider"), integrationId);
        this.startedAt = clock.instant();
        this.progress = new SyncProgress(startedAt, "starting", 0, -1, 0);
    }

    @Override
    public Optional<KnownDevice> known(String deviceId) {
        return Optional.ofNullable(known.get(deviceId));
    }

    @Override
    public int detailRefreshLimit() {
        return detailRefreshLimit;
    }

    @Override
    public RequestBudget budget() {
        return budget;
    }

    @Override
    public boolean isCancelled() {
        return cancelled.get();
    }

    @Override
    public void progress(String phase, int done, int total) {
        progress = new SyncProgress(startedAt, phase == null ? "" : phase, done, total, budget.spent());
    }

    @Override
    public Clock clock() {
        return clock;
    }

    @Override
    public System.Logger logger() {
        return logger;
    }

    SyncProgress currentProgress() {
        SyncProgress last = progress;
        return new SyncProgress(last.startedAt(), last.phase(), last.done(), last.total(), budget.spent());
    }
}
