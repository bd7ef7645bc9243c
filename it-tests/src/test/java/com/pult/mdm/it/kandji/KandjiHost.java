package com.pult.mdm.it.kandji;

import com.pult.mdm.host.match.MatchIndexes;
import com.pult.mdm.host.secret.Keyring;
import com.pult.mdm.host.secret.SecretBox;
import com.pult.mdm.host.store.Database;
import com.pult.mdm.host.store.DeviceStore;
import com.pult.mdm.host.store.IntegrationStore;
import com.pult.mdm.host.store.Organization;
import com.pult.mdm.host.store.OrganizationStore;
import com.pult.mdm.host.store.ProviderSettingStore;
import com.pult.mdm.host.store.StoredDevice;
import com.pult.mdm.host.store.SyncRun;
import com.pult.mdm.host.store.SyncRunStore;
import com.pult.mdm.host.sync.IntegrationService;
import com.pult.mdm.host.sync.IntegrationState;
import com.pult.mdm.host.sync.ProviderDirectory;
import com.pult.mdm.host.sync.SyncSettings;
import com.pult.mdm.spi.ApiLimits;
import com.pult.mdm.spi.MdmProviderFactory;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A host's sync layer on a real H2 database in a temporary directory, with the real Kandji plugin as its only
 * provider (inline, on the sync worker thread) and custom endpoints allowed so it reaches the simulator.
 */
final class KandjiHost implements AutoCloseable {

    static final String ORG = "acme";
    static final Duration WAIT = Duration.ofSeconds(90);

    final Database database;
    final DeviceStore devices;
    final SyncRunStore runs;
    final MatchIndexes indexes;
    final IntegrationService service;

    /**
     * @param factory the plugin's factory (or a {@link SteeredKandjiFactory} around it)
     * @param settings see {@link #settings}
     */
    KandjiHost(Path dataDir, MdmProviderFactory factory, SyncSettings settings) throws Exception {
        database = Database.openInDirectory(dataDir);
        devices = new DeviceStore(database);
        runs = new SyncRunStore(database);
        OrganizationStore organizations = new OrganizationStore(database);
        organizations.save(new Organization(ORG, "Acme", ZoneId.of("UTC"), Organization.AuthPolicy.AUTO_APPROVE));
        indexes = new MatchIndexes(devices, Duration.ofHours(12));
        SecretBox secrets = new SecretBox(Keyring.load(dataDir.resolve("keys/secret.keys"), Optional.empty()));
        ProviderDirectory directory = id -> factory.id().equals(id)
                ? Optional.of(ProviderDirectory.ProviderHandle.inline(factory))
                : Optional.empty();
        service = new IntegrationService(
                new IntegrationService.Stores(
                        new IntegrationStore(database),
                        devices,
                        runs,
                        organizations,
                        new ProviderSettingStore(database)),
                secrets,
                directory,
                indexes,
                settings,
                Clock.systemUTC());
        service.start();
    }

    /**
     * The defaults with custom endpoints allowed and the given share of the limits the host paces Kandji under.
     *
     * @param scale multiplies Kandji's published limits (10,000 an hour, 50 a second) through the host's limit
     *     override, for a simulator whose limits are scaled the same way; 1 keeps the published limits
     */
    static SyncSettings settings(double budgetShare, int scale) {
        SyncSettings settings =
                SyncSettings.defaults().withCustomEndpoints(true).withBudgetShare(budgetShare);
        if (scale == 1) {
            return settings;
        }
        ApiLimits published = KandjiPluginJar.factory().apiLimits();
        return settings.withLimits(
                KandjiPluginJar.PROVIDER_ID,
                new ApiLimits(published.requestsPerHour() * scale, published.requestsPerSecond() * scale));
    }

    /** Creates a Kandji integration for the simulator (validated against it); its first sync starts at once. */
    String create(String baseUrl, String token) throws Exception {
        return service.create(
                        ORG,
                        KandjiPluginJar.PROVIDER_ID,
                        "Kandji simulator",
                        Map.of("api_url", baseUrl, "api_token", token),
                        Optional.of(Duration.ofHours(1)))
                .id();
    }

    /** Waits for the first run, the one creation starts, to end. */
    SyncRun firstRun(String integrationId) throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            List<SyncRun> history = service.history(integrationId, 1);
            if (!history.isEmpty()
                    && history.get(0).outcome() != SyncRun.Outcome.RUNNING
                    && service.status(integrationId).state() != IntegrationState.SYNCING) {
                return history.get(0);
            }
            Thread.sleep(20);
        }
        throw new AssertionError("The first sync did not end within " + WAIT);
    }

    /** Runs one more sync and waits for its record. */
    SyncRun sync(String integrationId) throws Exception {
        return service.syncAndWait(integrationId, WAIT);
    }

    /** One stored device of the integration. */
    StoredDevice device(String integrationId, String deviceId) throws Exception {
        return devices.devicesOfIntegration(integrationId).stream()
                .filter(device -> device.deviceId().equals(deviceId))
                .findFirst()
                .orElseThrow(() -> new AssertionError("No stored device " + deviceId));
    }

    @Override
    public void close() {
        service.close();
        database.close();
    }
}
