package com.pult.mdm.host.sync;

import com.pult.mdm.host.secret.KeyringException;
import com.pult.mdm.host.secret.SecretBox;
import com.pult.mdm.host.secret.SecretUnreadableException;
import com.pult.mdm.host.store.DeviceStore;
import com.pult.mdm.host.store.IntegrationRow;
import com.pult.mdm.host.store.IntegrationStore;
import com.pult.mdm.host.store.OrganizationStore;
import com.pult.mdm.host.store.ProviderSettingStore;
import com.pult.mdm.host.store.StoreException;
import com.pult.mdm.host.store.SyncRun;
import com.pult.mdm.host.store.SyncRunStore;
import com.pult.mdm.host.sync.IntegrationException.Code;
import com.pult.mdm.spi.CredentialField;
import com.pult.mdm.spi.MdmProviderFactory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What admins do with integrations: create and update them (validated against the vendor first), enable, disable,
 * reset, delete, sync now, confirm held removals, and read their status and history. Every vendor is handled
 * alike. A failed request writes nothing.
 */
public final class IntegrationService implements AutoCloseable {

    /** The shortest interval an admin may set; shorter would spend the vendor's budget on little. */
    public static final Duration MIN_INTERVAL = Duration.ofMinutes(1);

    private final Logger logger = LoggerFactory.getLogger(IntegrationService.class);
    private final IntegrationStore integrations;
    private final DeviceStore devices;
    private final SyncRunStore runs;
    private final OrganizationStore organizations;
    private final ProviderSettingStore providerSettings;
    private final SecretBox secrets;
    private final ProviderDirectory directory;
    private final SyncSettings settings;
    private final Clock clock;
    private final SyncScheduler scheduler;

    public IntegrationService(
            Stores stores,
            SecretBox secrets,
            ProviderDirectory directory,
            SnapshotListener snapshots,
            SyncSettings settings,
            Clock clock) {
        this.integrations = stores.integrations();
        this.devices = stores.devices();
        this.runs = stores.runs();
        this.organizations = stores.organizations();
        this.providerSettings = stores.providerSettings();
        this.secrets = secrets;
        this.directory = directory;
        this.settings = settings;
        this.clock = clock;
        this.scheduler = new SyncScheduler(
                integrations, devices, runs, providerSettings, secrets, directory, snapshots, settings, clock);
    }

    /** The stores the service works on. */
    public record Stores(
            IntegrationStore integrations,
            DeviceStore devices,
            SyncRunStore runs,
            OrganizationStore organizations,
            ProviderSettingStore providerSettings) {}

    /** Starts the schedule; runs a previous process left unfinished are marked interrupted. */
    public void start() throws StoreException {
        scheduler.start();
    }

    /**
     * Creates an integration after the provider validated its credentials against the vendor. The first sync
     * starts at once.
     *
     * @param fields the provider's credential fields by name, secrets included
     * @param interval how often it syncs, or empty for the default
     * @throws IntegrationException when the organization or provider is unknown, a field is wrong, or the vendor
     *     rejected the credentials; nothing is saved then
     */
    public IntegrationStatus create(
            String orgId, String providerId, String name, Map<String, String> fields, Optional<Duration> interval)
            throws IntegrationException {
        requireOrganization(orgId);
        ProviderDirectory.ProviderHandle handle = requireProvider(providerId);
        MdmProviderFactory factory = handle.factory();
        CredentialForm form = CredentialForm.of(factory, fields, Map.of(), Map.of());
        Duration every = checkedInterval(interval.orElse(settings.defaultInterval()));
        form.validate(handle, settings.allowCustomEndpoints());
        String id = UUID.randomUUID().toString();
        Instant now = clock.instant();
        IntegrationRow row = new IntegrationRow(
                id,
                orgId,
                providerId,
                nameOr(name, factory),
                form.settings(),
                secrets.seal(id, form.secrets()),
                true,
                null,
                0,
                0,
                null,
                null,
                false,
                every,
                now,
                null,
                null,
                now,
                now);
        store(() -> integrations.insert(row));
        logger.info("Created integration '{}' ({}) for organization '{}'", id, providerId, orgId);
        scheduler.wake();
        return status(id);
    }

    /**
     * Updates the name, fields or interval; blank secret fields keep their stored value. Changed credentials are
     * validated against the vendor first.
     */
    public IntegrationStatus update(
            String id, Optional<String> name, Map<String, String> fields, Optional<Duration> interval)
            throws IntegrationException {
        IntegrationRow row = require(id);
        ProviderDirectory.ProviderHandle handle = requireProvider(row.providerId());
        CredentialForm form = CredentialForm.of(handle.factory(), fields, row.settings(), storedSecrets(row, fields));
        Duration every = checkedInterval(interval.orElse(row.interval()));
        if (!fields.isEmpty()) {
            form.validate(handle, settings.allowCustomEndpoints());
        }
        String sealed = secrets.seal(row.id(), form.secrets());
        Instant now = clock.instant();
        store(() -> integrations.modify(
                id,
                current -> current.withConfiguration(
                        name.filter(text -> !text.isBlank()).orElse(current.name()),
                        form.settings(),
                        sealed,
                        every,
                        now)));
        return status(id);
    }

    /**
     * Resets a paused (or failing) integration, optionally with new credentials: validates them against the
     * vendor, clears the failure counts and syncs at once.
     */
    public IntegrationStatus reset(String id, Map<String, String> fields) throws IntegrationException {
        IntegrationRow row = require(id);
        ProviderDirectory.ProviderHandle handle = requireProvider(row.providerId());
        CredentialForm form = CredentialForm.of(handle.factory(), fields, row.settings(), storedSecrets(row, fields));
        form.validate(handle, settings.allowCustomEndpoints());
        Instant now = clock.instant();
        String sealed = secrets.seal(row.id(), form.secrets());
        store(() -> integrations.modify(
                id,
                current -> current.withConfiguration(current.name(), form.settings(), sealed, current.interval(), now)
                        .withSyncState(
                                null,
                                0,
                                0,
                                null,
                                current.holdReason(),
                                current.removalsConfirmed(),
                                now,
                                current.lastSyncAt(),
                                current.lastSuccessAt())));
        logger.info("Reset integration '{}'", id);
        scheduler.wake();
        return status(id);
    }

    private Map<String, String> storedSecrets(IntegrationRow row, Map<String, String> fields)
            throws IntegrationException {
        try {
            return secrets.open(row.id(), row.sealedSecrets());
        } catch (SecretUnreadableException e) {
            if (coversAllSecrets(row, fields)) {
                // New values replace every secret, so the unreadable ones are not needed.
                return Map.of();
            }
            throw new IntegrationException(Code.INVALID_FIELD, e.getMessage());
        }
    }

    private boolean coversAllSecrets(IntegrationRow row, Map<String, String> fields) {
        return directory.factory(row.providerId()).stream()
                .flatMap(factory -> factory.credentialFields().stream())
                .filter(CredentialField::secret)
                .allMatch(field -> fields.get(field.name()) != null
                        && !fields.get(field.name()).isBlank());
    }

    /** Enables or disables one integration. A disabled integration makes no requests. */
    public IntegrationStatus setEnabled(String id, boolean enabled) throws IntegrationException {
        require(id);
        Instant now = clock.instant();
        store(() -> integrations.modify(
                id, current -> current.withEnabled(enabled, enabled ? now : current.nextSyncAt(), now)));
        if (!enabled) {
            scheduler.cancel(id);
        }
        logger.info("{} integration '{}'", enabled ? "Enabled" : "Disabled", id);
        scheduler.wake();
        return status(id);
    }

    /** Allows the next sync to remove what it finds gone, after a sync held, and starts it. */
    public CompletableFuture<SyncRun> confirmRemovals(String id) throws IntegrationException {
        require(id);
        Instant now = clock.instant();
        store(() -> integrations.modify(id, current -> current.withRemovalsConfirmed(now)));
        return syncNow(id);
    }

    /**
     * Starts a sync of one integration now.
     *
     * @return the run's record when it ends (null when the run could not start, for example the provider was
     *     removed meanwhile)
     * @throws IntegrationException when it is paused, disabled, its provider is missing or disabled, or a run is
     *     already in progress
     */
    public CompletableFuture<SyncRun> syncNow(String id) throws IntegrationException {
        IntegrationStatus status = status(id);
        switch (status.state()) {
            case PAUSED, DISABLED, PROVIDER_MISSING ->
                throw new IntegrationException(Code.NOT_ALLOWED_IN_STATE, "Cannot sync now: " + status.reason());
            default -> {
                // Every other state may sync.
            }
        }
        return scheduler
                .submit(id)
                .orElseThrow(() -> new IntegrationException(
                        Code.ALREADY_RUNNING, "A sync of this integration is already running; wait for it to end."));
    }

    /** Starts a sync now and waits for its record; for the demo, tests and scripts. */
    public SyncRun syncAndWait(String id, Duration timeout) throws IntegrationException {
        try {
            return syncNow(id).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IntegrationException(Code.STORAGE, "Interrupted while waiting for the sync.");
        } catch (ExecutionException | TimeoutException e) {
            throw new IntegrationException(Code.STORAGE, "The sync did not end within " + timeout + ".");
        }
    }

    /** Deletes an integration with its secrets, devices and history, in one transaction. */
    public void delete(String id) throws IntegrationException {
        require(id);
        scheduler.cancel(id);
        store(() -> integrations.delete(id));
        scheduler.forget(id);
        logger.info("Deleted integration '{}' with its devices and history", id);
    }

    /** Enables or disables a provider for every organization, without removing its plugin. */
    public void setProviderEnabled(String providerId, boolean enabled) throws IntegrationException {
        store(() -> providerSettings.setEnabled(providerId, enabled));
        if (!enabled) {
            scheduler.cancelProvider(providerId);
        }
        logger.info("{} provider '{}'", enabled ? "Enabled" : "Disabled", providerId);
        scheduler.wake();
    }

    /** Whether an admin left the provider enabled. */
    public boolean isProviderEnabled(String providerId) throws IntegrationException {
        return !read(providerSettings::disabled).contains(providerId);
    }

    /** Stops the running syncs of a provider whose plugin is being removed. */
    public void providerWithdrawn(String providerId) {
        scheduler.cancelProvider(providerId);
    }

    /** A provider's plugin arrived: its integrations may sync. */
    public void providerAvailable(String providerId) {
        scheduler.wake();
    }

    /** The status of one integration. */
    public IntegrationStatus status(String id) throws IntegrationException {
        return status(require(id), read(providerSettings::disabled));
    }

    /** The statuses of an organization's integrations. */
    public List<IntegrationStatus> list(String orgId) throws IntegrationException {
        Set<String> disabled = read(providerSettings::disabled);
        List<IntegrationStatus> all = new ArrayList<>();
        for (IntegrationRow row : read(() -> integrations.listByOrganization(orgId))) {
            all.add(status(row, disabled));
        }
        return all;
    }

    /** The newest sync records of an integration, newest first. */
    public List<SyncRun> history(String id, int limit) throws IntegrationException {
        require(id);
        return read(() -> runs.history(id, Math.max(1, Math.min(limit, 500))));
    }

    /** Deletes sync records older than the configured retention; returns how many. */
    public int pruneHistory() throws IntegrationException {
        return read(() -> runs.pruneEndedBefore(clock.instant().minus(settings.historyRetention())));
    }

    /**
     * Adds a new encryption key and re-encrypts every integration's secrets under it. Secrets no key opens are left
     * as they are and reported, never overwritten.
     *
     * @return the ids of integrations whose secrets could not be decrypted
     */
    public List<String> rotateKey() throws IntegrationException {
        try {
            secrets.rotate();
        } catch (KeyringException e) {
            throw new IntegrationException(Code.STORAGE, e.getMessage());
        }
        List<String> unreadable = new ArrayList<>();
        for (IntegrationRow row : read(integrations::listAll)) {
            try {
                String resealed = secrets.reseal(row.id(), row.sealedSecrets());
                store(() -> integrations.modify(row.id(), current -> current.withSecrets(resealed)));
            } catch (SecretUnreadableException e) {
                unreadable.add(row.id());
                logger.error("Cannot re-encrypt the secrets of integration '{}': {}", row.id(), e.getMessage());
            }
        }
        logger.info("Rotated the secret key; {} integrations could not be re-encrypted", unreadable.size());
        return unreadable;
    }

    private IntegrationStatus status(IntegrationRow row, Set<String> disabledProviders) throws IntegrationException {
        Optional<MdmProviderFactory> factory = directory.factory(row.providerId());
        StateReason state = StateReason.of(
                row,
                factory.isPresent(),
                disabledProviders.contains(row.providerId()),
                scheduler.progress(row.id()),
                scheduler.isRunning(row.id()),
                settings.authFailuresToPause());
        return new IntegrationStatus(
                row.id(),
                row.orgId(),
                row.providerId(),
                row.name(),
                shownFields(row, factory),
                state.state(),
                state.reason(),
                row.authFailures(),
                row.interval(),
                read(() -> devices.countActive(row.id())),
                Optional.ofNullable(row.lastSyncAt()),
                Optional.ofNullable(row.lastSuccessAt()),
                Optional.ofNullable(row.nextSyncAt()),
                scheduler.progress(row.id()));
    }

    private static Map<String, String> shownFields(IntegrationRow row, Optional<MdmProviderFactory> factory) {
        Map<String, String> shown = new TreeMap<>(row.settings());
        factory.ifPresent(found -> found.credentialFields().stream()
                .filter(CredentialField::secret)
                .forEach(field -> shown.put(field.name(), IntegrationStatus.MASK)));
        return shown;
    }

    private IntegrationRow require(String id) throws IntegrationException {
        return read(() -> integrations.find(id))
                .orElseThrow(() -> new IntegrationException(Code.NOT_FOUND, "No integration '" + id + "'."));
    }

    private void requireOrganization(String orgId) throws IntegrationException {
        if (read(() -> organizations.find(orgId)).isEmpty()) {
            throw new IntegrationException(Code.UNKNOWN_ORGANIZATION, "No organization '" + orgId + "'.");
        }
    }

    private ProviderDirectory.ProviderHandle requireProvider(String providerId) throws IntegrationException {
        ProviderDirectory.ProviderHandle handle = directory
                .provider(providerId)
                .orElseThrow(() -> new IntegrationException(
                        Code.PROVIDER_NOT_INSTALLED, "No plugin provides '" + providerId + "'; deploy it first."));
        if (!isProviderEnabled(providerId)) {
            throw new IntegrationException(
                    Code.PROVIDER_DISABLED,
                    "The provider '" + providerId + "' is disabled by an admin; enable it first.");
        }
        return handle;
    }

    private static Duration checkedInterval(Duration interval) throws IntegrationException {
        if (interval.compareTo(MIN_INTERVAL) < 0 || interval.compareTo(Duration.ofDays(1)) > 0) {
            throw new IntegrationException(
                    Code.INVALID_FIELD,
                    "The sync interval must be between 1 minute and 1 day, not " + interval.toSeconds() + " s.");
        }
        return interval;
    }

    private static String nameOr(String name, MdmProviderFactory factory) {
        return name == null || name.isBlank() ? factory.displayName() : name.strip();
    }

    private static <T> T read(StoreRead<T> read) throws IntegrationException {
        try {
            return read.get();
        } catch (StoreException e) {
            throw new IntegrationException(Code.STORAGE, e.getMessage());
        }
    }

    private static void store(StoreWrite write) throws IntegrationException {
        try {
            write.run();
        } catch (StoreException e) {
            throw new IntegrationException(Code.STORAGE, e.getMessage());
        }
    }

    @FunctionalInterface
    private interface StoreRead<T> {
        T get() throws StoreException;
    }

    @FunctionalInterface
    private interface StoreWrite {
        void run() throws StoreException;
    }

    @Override
    public void close() {
        scheduler.close();
    }
}
