package com.pult.mdm.kandji.testing;

import com.pult.mdm.spi.FetchContext;
import com.pult.mdm.spi.KnownDevice;
import com.pult.mdm.spi.RequestBudget;
import java.text.MessageFormat;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.function.Supplier;

/** A host's fetch context for tests: known devices, a counting budget, progress and log lines kept for asserts. */
public final class TestFetchContext implements FetchContext {

    /** The fixed "now" of every test. */
    public static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");

    public final Map<String, KnownDevice> known = new HashMap<>();
    public final CountingBudget budget = new CountingBudget();
    public final List<String> progress = Collections.synchronizedList(new ArrayList<>());
    public final List<String> logLines = Collections.synchronizedList(new ArrayList<>());
    public int detailRefreshLimit = 1_000;
    public volatile boolean cancelled;

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
        progress.add(phase + " " + done + "/" + total);
    }

    @Override
    public Clock clock() {
        return Clock.fixed(NOW, ZoneOffset.UTC);
    }

    @Override
    public System.Logger logger() {
        return new LineLogger();
    }

    /** Counts what was spent and the waits the vendor asked for; can cancel the run after some requests. */
    public final class CountingBudget implements RequestBudget {
        public final List<Duration> rateLimited = Collections.synchronizedList(new ArrayList<>());
        public int acquired;
        public int cancelAfter = Integer.MAX_VALUE;

        @Override
        public synchronized void acquire() {
            acquired++;
            if (acquired >= cancelAfter) {
                cancelled = true;
            }
        }

        @Override
        public int remaining() {
            return 10_000 - acquired;
        }

        @Override
        public void rateLimited(Duration retryAfter) {
            rateLimited.add(retryAfter);
        }

        @Override
        public synchronized int spent() {
            return acquired;
        }
    }

    /** Keeps every line logged through {@link #logger()}. */
    private final class LineLogger implements System.Logger {
        @Override
        public String getName() {
            return "kandji-test";
        }

        @Override
        public boolean isLoggable(Level level) {
            return true;
        }

        @Override
        public void log(Level level, ResourceBundle bundle, String message, Throwable thrown) {
            logLines.add(level + " " + message + (thrown == null ? "" : " " + thrown));
        }

        @Override
        public void log(Level level, ResourceBundle bundle, String format, Object... params) {
            logLines.add(level + " " + MessageFormat.format(format, params));
        }

        @Override
        public void log(Level level, Supplier<String> messageSupplier) {
            logLines.add(level + " " + messageSupplier.get());
        }
    }
}
