package com.pult.mdm.it.kandji;

import com.pult.mdm.spi.FetchContext;
import com.pult.mdm.spi.KnownDevice;
import com.pult.mdm.spi.RequestBudget;
import java.lang.System.Logger;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The host's side of a fetch for plugin-level tests: known devices a test sets, a {@link RecordingBudget}. */
final class RecordingContext implements FetchContext {

    final RecordingBudget budget = new RecordingBudget();
    private final Map<String, KnownDevice> known = new ConcurrentHashMap<>();
    private final Logger logger = System.getLogger("com.pult.mdm.it.kandji.fetch");
    private volatile int detailRefreshLimit = 100_000;
    private volatile boolean cancelled;

    /** What an earlier sync knew, replacing what was set before. */
    RecordingContext knowing(Map<String, KnownDevice> devices) {
        known.clear();
        known.putAll(devices);
        return this;
    }

    RecordingContext refreshLimit(int limit) {
        detailRefreshLimit = limit;
        return this;
    }

    void cancel() {
        cancelled = true;
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
        return cancelled;
    }

    @Override
    public void progress(String phase, int done, int total) {
        // Progress is for the admin's live view; nothing here reads it.
    }

    @Override
    public Clock clock() {
        return Clock.systemUTC();
    }

    @Override
    public Logger logger() {
        return logger;
    }
}
