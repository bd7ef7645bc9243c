package com.pult.mdm.host.sync;

import com.pult.mdm.host.secret.SecretBox;
import com.pult.mdm.host.secret.SecretUnreadableException;
import com.pult.mdm.host.store.DeviceStore;
import com.pult.mdm.host.store.IntegrationRow;
import com.pult.mdm.host.store.IntegrationStore;
import com.pult.mdm.host.store.ProviderSettingStore;
import com.pult.mdm.host.store.StoreException;
import com.pult.mdm.host.store.SyncRun;
import com.pult.mdm.host.store.SyncRunStore;
import com.pult.mdm.spi.Capability;
import com.pult.mdm.spi.ConfigurationException;
import com.pult.mdm.spi.MdmProvider;
import com.pult.mdm.spi.MdmProviderFactory;
import com.pult.mdm.spi.ProviderConfig;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs every integration's syncs on schedule: at most one run per integration at a time, at most
 * {@link SyncSettings#maxConcurrentSyncs()} at once overall, none for a paused, disabled or provider-less
 * integration. The schedule lives in the database, so it resumes after a restart.
 */
public final class SyncScheduler implements AutoCloseable {

    private static final Duration TICK = Duration.ofSeconds(1);

    private final Logger logger = LoggerFactory.getLogger(SyncScheduler.class);
    private final IntegrationStore integrations;
    private final DeviceStore devices;
    private final SyncRunStore runs;
    private final ProviderSettingStore providerSettings;
    private final SecretBox secrets;
    private final ProviderDirectory directory;
    private final SyncSettings settings;
    private final Clock clock;
    private final SyncRunner runner;
    private final OutcomePolicy policy;
    private final Map<String, Running> running = new ConcurrentHashMap<>();
    private final Map<String, Pacer> pacers = new ConcurrentHashMap<>();
    private final ScheduledExecutorService ticker;
    private final ExecutorService workers;

    SyncScheduler(
            IntegrationStore integrations,
            DeviceStore devices,
            SyncRunStore runs,
            ProviderSettingStore providerSettings,
            SecretBox secrets,
            ProviderDirectory directory,
            SnapshotListener snapshots,
            SyncSettings settings,
            Clock clock) {
        this.integrations = integrations;
        this.devices = devices;
        this.runs = runs;
        this.providerSettings = providerSettings;
        this.secrets = secrets;
        this.directory = directory;
        this.settings = settings;
        this.clock = clock;
        this.runner = new SyncRunner(devices, snapshots, clock, settings.maxRemovalShare());
        this.policy = new OutcomePolicy(settings.authFailuresToPause(), RandomGenerator.getDefault());
        this.ticker = Executors.newSingleThreadScheduledExecutor(named("pult-scheduler"));
        this.workers = Executors.newFixedThreadPool(settings.maxConcurrentSyncs(), named("pult-sync"));
    }

    private static java.util.concurrent.ThreadFactory named(String prefix) {
        java.util.concurrent.atomic.AtomicInteger count = new java.util.concurrent.atomic.AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, prefix + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    /** Marks runs a previous process left unfinished, then starts ticking. */
    void start() throws StoreException {
        int interrupted = runs.markInterrupted(clock.instant());
        if (interrupted > 0) {
            logger.warn(
                    "Found {} sync runs interrupted by the previous stop; their listings were not committed",
                    interrupted);
        }
        ticker.scheduleWithFixedDelay(this::tick, 0, TICK.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Checks for due integrations now instead of at the next tick. */
    void wake() {
        ticker.execute(this::tick);
    }

    private void tick() {
        try {
            Set<String> disabledProviders = providerSettings.disabled();
            Instant now = clock.instant();
            for (IntegrationRow row : integrations.listAll()) {
                if (isDue(row, now) && isRunnable(row, disabledProviders)) {
                    submit(row.id());
                }
            }
        } catch (StoreException | RuntimeException e) {
            logger.warn("Failed to check for due syncs: {}", e.getMessage());
            logger.debug("Scheduler tick failed", e);
        }
    }

    private static boolean isDue(IntegrationRow row, Instant now) {
        return row.nextSyncAt() != null && !row.nextSyncAt().isAfter(now);
    }

    boolean isRunnable(IntegrationRow row, Set<String> disabledProviders) {
        return row.enabled()
                && row.pausedReason() == null
                && !disabledProviders.contains(row.providerId())
                && directory.factory(row.providerId()).isPresent();
    }

    /**
     * Starts a run of one integration unless one is running.
     *
     * @return the run's record when it ends, or empty when one was already running
     */
    Optional<CompletableFuture<SyncRun>> submit(String integrationId) {
        Running fresh = new Running(new AtomicBoolean(), new CompletableFuture<>());
        if (running.putIfAbsent(integrationId, fresh) != null) {
            return Optional.empty();
        }
        workers.execute(() -> execute(integrationId, fresh));
        return Optional.of(fresh.result());
    }

    private void execute(String integrationId, Running slot) {
        SyncRun run = null;
        try {
            run = runOnce(integrationId, slot);
        } catch (StoreException | RuntimeException e) {
            logger.error("Failed to run the sync of integration '{}': {}", integrationId, e.getMessage());
            logger.debug("Sync failure", e);
        } finally {
            running.remove(integrationId);
            slot.result().complete(run);
        }
    }

    private SyncRun runOnce(String integrationId, Running slot) throws StoreException {
        Optional<IntegrationRow> found = integrations.find(integrationId);
        Optional<ProviderDirectory.ProviderHandle> handle = found.flatMap(row -> directory.provider(row.providerId()));
        if (found.isEmpty() || handle.isEmpty()) {
            return null;
        }
        IntegrationRow row = found.get();
        slot.providerId = row.providerId();
        try {
            return handle.get().call(() -> runOnPluginThread(row, handle.get().factory(), slot));
        } catch (StoreException e) {
            throw e;
        } catch (ProviderDirectory.PluginGoneException e) {
            logger.warn("Skipped the sync of integration '{}': {}", integrationId, e.getMessage());
            return null;
        } catch (Exception e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    private SyncRun runOnPluginThread(IntegrationRow row, MdmProviderFactory factory, Running slot)
            throws StoreException {
        Optional<MdmProvider> provider = createProvider(row, factory);
        if (provider.isEmpty()) {
            return null;
        }
        try (MdmProvider opened = provider.get()) {
            return runWith(row, factory, opened, slot);
        }
    }

    private Optional<MdmProvider> createProvider(IntegrationRow row, MdmProviderFactory factory) throws StoreException {
        try {
            Map<String, String> values = new HashMap<>(row.settings());
            values.putAll(secrets.open(row.id(), row.sealedSecrets()));
            return Optional.of(factory.create(new ProviderConfig(values, settings.allowCustomEndpoints())));
        } catch (SecretUnreadableException e) {
            pause(row, e.getMessage());
        } catch (ConfigurationException e) {
            pause(row, "The stored configuration is not valid: " + e.getMessage() + " Update the integration.");
        } catch (RuntimeException | LinkageError e) {
            logger.debug("Provider factory '{}' failed", row.providerId(), e);
            pause(row, "The provider could not be created: " + e.getClass().getSimpleName());
        }
        return Optional.empty();
    }

    private void pause(IntegrationRow row, String reason) throws StoreException {
        logger.error("Paused integration '{}': {}", row.id(), reason);
        integrations.modify(row.id(), current -> current.paused(reason));
    }

    private SyncRun runWith(IntegrationRow row, MdmProviderFactory factory, MdmProvider provider, Running slot)
            throws StoreException {
        Instant startedAt = clock.instant();
        long runId = runs.start(row.id(), startedAt);
        Pacer pacer = pacers.computeIfAbsent(
                row.id(),
                id -> new Pacer(
                        settings.limitsOf(row.providerId(), factory.apiLimits()), settings.budgetShare(), clock));
        RunBudget budget = new RunBudget(pacer, slot.cancelled());
        SyncContext context = new SyncContext(
                row.id(), devices.known(row.id()), refreshLimit(pacer, row), budget, slot.cancelled(), clock);
        slot.context = context;
        boolean wifiIp = factory.capabilities().contains(Capability.WIFI_IP);
        SyncRun run = runner.run(
                new SyncRunner.Job(row, provider, wifiIp, context, budget, slot.cancelled(), runId, startedAt));
        runs.finish(run);
        integrations.modify(row.id(), current -> policy.apply(current, run));
        log(row, run);
        return run;
    }

    private int refreshLimit(Pacer pacer, IntegrationRow row) {
        double hours = Math.min(1.0, row.interval().toSeconds() / 3600.0);
        return (int) (pacer.perHour() * settings.detailRefreshShare() * hours);
    }

    private void log(IntegrationRow row, SyncRun run) {
        double seconds = Duration.between(run.startedAt(), run.endedAt()).toMillis() / 1000.0;
        String counts = String.format(
                java.util.Locale.ROOT,
                "%.1f s: %d listed, %d kept, rejected %s, %d removed," + " %d details, %d requests, %d rate-limited",
                seconds,
                run.devicesSeen(),
                run.accepted(),
                run.rejected(),
                run.removed(),
                run.detailsFetched(),
                run.requests(),
                run.rateLimited());
        if (run.outcome() == SyncRun.Outcome.SUCCEEDED) {
            logger.info("Synced integration '{}' ({}) in {}", row.id(), row.providerId(), counts);
        } else {
            logger.warn(
                    "Sync of integration '{}' ({}) ended {} after {}: {}",
                    row.id(),
                    row.providerId(),
                    run.outcome(),
                    counts,
                    run.message());
        }
    }

    /** The running sync's progress, if one runs. */
    Optional<SyncProgress> progress(String integrationId) {
        Running slot = running.get(integrationId);
        return slot == null || slot.context == null ? Optional.empty() : Optional.of(slot.context.currentProgress());
    }

    boolean isRunning(String integrationId) {
        return running.containsKey(integrationId);
    }

    /** Asks the running syncs of a provider to stop: its plugin is going away. */
    void cancelProvider(String providerId) {
        running.forEach((id, slot) -> {
            if (providerId.equals(slot.providerId)) {
                slot.cancelled().set(true);
            }
        });
    }

    /** Asks one integration's running sync to stop. */
    void cancel(String integrationId) {
        Running slot = running.get(integrationId);
        if (slot != null) {
            slot.cancelled().set(true);
        }
    }

    /** Forgets an integration's pacer (it was deleted). */
    void forget(String integrationId) {
        pacers.remove(integrationId);
    }

    @Override
    public void close() {
        ticker.shutdownNow();
        running.values().forEach(slot -> slot.cancelled().set(true));
        workers.shutdown();
        try {
            if (!workers.awaitTermination(10, TimeUnit.SECONDS)) {
                workers.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A run in progress. */
    static final class Running {
        private final AtomicBoolean cancelled;
        private final CompletableFuture<SyncRun> result;
        volatile SyncContext context;
        volatile String providerId;

        Running(AtomicBoolean cancelled, CompletableFuture<SyncRun> result) {
            this.cancelled = cancelled;
            this.result = result;
        }

        AtomicBoolean cancelled() {
            return cancelled;
        }

        CompletableFuture<SyncRun> result() {
            return result;
        }
    }
}
