package com.pult.mdm.host.web;

import com.pult.mdm.host.HostServices;
import com.pult.mdm.host.store.Organization;
import com.pult.mdm.host.store.StoreException;
import com.pult.mdm.host.store.SyncRun;
import com.pult.mdm.host.sync.IntegrationException;
import com.pult.mdm.host.sync.IntegrationStatus;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The host's metrics in Prometheus text format, through Micrometer. Sync figures are read from the sync records
 * when the metrics are scraped: the sync engine keeps its own history, so the web layer counts the runs that
 * ended since the last scrape instead of reaching back into the engine. Runs that ended before the host started
 * are not counted.
 */
final class ApiMetrics {

    /** How many of an integration's newest runs a scrape reads; more runs between two scrapes are not counted. */
    private static final int RUNS_PER_SCRAPE = 50;

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final HostServices services;
    private final Instant since;
    private final Map<String, Long> lastCounted = new ConcurrentHashMap<>();
    private final MultiGauge activeDevices;

    ApiMetrics(HostServices services, Instant since) {
        this.services = services;
        this.since = since;
        this.activeDevices = MultiGauge.builder("pult.active.devices")
                .description("Active devices in each integration's snapshot")
                .register(registry);
        // Every outcome is shown from the start, at zero, so a dashboard's query has a series before any sync.
        for (SyncRun.Outcome outcome : SyncRun.Outcome.values()) {
            Counter.builder("pult.syncs")
                    .description("Sync runs by outcome")
                    .tag("outcome", outcome.name())
                    .register(registry);
        }
    }

    /** Counts one lookup by its kind ({@code serial}, {@code mac}, {@code ip}, {@code auth}) and result. */
    void lookup(String kind, boolean resolved) {
        Counter.builder("pult.lookups")
                .description("Lookups answered through the API")
                .tag("kind", kind)
                .tag("result", resolved ? "resolved" : "unresolved")
                .register(registry)
                .increment();
    }

    /** Counts the observations of one WiFi batch. */
    void wifiBatch(int accepted, int rejected) {
        Counter.builder("pult.wifi.observations")
                .tag("result", "accepted")
                .register(registry)
                .increment(accepted);
        Counter.builder("pult.wifi.observations")
                .tag("result", "rejected")
                .register(registry)
                .increment(rejected);
    }

    /** Brings the sync figures up to date and answers the whole text exposition. */
    synchronized String scrape() throws StoreException, IntegrationException {
        List<MultiGauge.Row<?>> rows = new ArrayList<>();
        for (Organization organization : services.organizations().list()) {
            for (IntegrationStatus status : services.integrations().list(organization.id())) {
                countNewRuns(status);
                rows.add(MultiGauge.Row.of(
                        Tags.of(
                                "organization",
                                status.orgId(),
                                "integration",
                                status.id(),
                                "provider",
                                status.providerId()),
                        status.devices()));
            }
        }
        activeDevices.register(rows, true);
        return registry.scrape();
    }

    private void countNewRuns(IntegrationStatus status) throws IntegrationException {
        long last = lastCounted.getOrDefault(status.id(), 0L);
        List<SyncRun> runs = new ArrayList<>(services.integrations().history(status.id(), RUNS_PER_SCRAPE));
        runs.sort(Comparator.comparingLong(SyncRun::id));
        for (SyncRun run : runs) {
            // A running sync stops the walk: the runs after it are counted once it has ended.
            if (run.endedAt() == null) {
                return;
            }
            if (run.id() > last && !run.endedAt().isBefore(since)) {
                count(status, run);
            }
            lastCounted.put(status.id(), Math.max(run.id(), last));
        }
    }

    private void count(IntegrationStatus status, SyncRun run) {
        String outcome = run.outcome().name();
        Counter.builder("pult.syncs")
                .description("Sync runs by outcome")
                .tag("outcome", outcome)
                .register(registry)
                .increment();
        Timer.builder("pult.sync.duration")
                .description("How long sync runs took")
                .tag("outcome", outcome)
                .register(registry)
                .record(Duration.between(run.startedAt(), run.endedAt()));
        Tags integration = Tags.of("integration", status.id(), "provider", status.providerId());
        Counter.builder("pult.sync.requests")
                .tags(integration)
                .register(registry)
                .increment(run.requests());
        Counter.builder("pult.sync.rate.limited")
                .tags(integration)
                .register(registry)
                .increment(run.rateLimited());
    }
}
