package com.pult.mdm.host;

import com.pult.mdm.host.config.ConfigException;
import com.pult.mdm.host.config.HostConfig;
import com.pult.mdm.host.manual.ManualDeviceStore;
import com.pult.mdm.host.manual.ManualDevices;
import com.pult.mdm.host.match.DeviceAuthentication;
import com.pult.mdm.host.match.MatchIndexes;
import com.pult.mdm.host.match.MatchService;
import com.pult.mdm.host.plugin.PluginProblem;
import com.pult.mdm.host.plugin.PluginProvider;
import com.pult.mdm.host.plugin.ProviderListener;
import com.pult.mdm.host.plugin.ProviderRegistry;
import com.pult.mdm.host.presence.PresenceSettings;
import com.pult.mdm.host.presence.PresenceStore;
import com.pult.mdm.host.presence.WifiInspector;
import com.pult.mdm.host.presence.WifiPresence;
import com.pult.mdm.host.secret.Keyring;
import com.pult.mdm.host.secret.KeyringException;
import com.pult.mdm.host.secret.SecretBox;
import com.pult.mdm.host.store.Database;
import com.pult.mdm.host.store.DeviceStore;
import com.pult.mdm.host.store.IntegrationStore;
import com.pult.mdm.host.store.OrganizationStore;
import com.pult.mdm.host.store.ProviderSettingStore;
import com.pult.mdm.host.store.StoreException;
import com.pult.mdm.host.store.SyncRunStore;
import com.pult.mdm.host.sync.DailySchedule;
import com.pult.mdm.host.sync.IntegrationService;
import com.pult.mdm.host.sync.Maintenance;
import com.pult.mdm.host.sync.ProviderDirectory;
import com.pult.mdm.host.users.PultUsers;
import com.pult.mdm.host.users.UserStore;
import com.pult.mdm.host.web.ApiTokens;
import com.pult.mdm.host.web.AuditLog;
import java.time.Clock;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The host's own capabilities, wired by constructor: the database, secrets, integrations and their syncs, and the
 * match indexes. Independent of the plugin framework: providers reach it through the {@link ProviderRegistry}.
 */
public final class HostServices implements AutoCloseable {

    /** The environment variable holding the secret keys, newest first, when no key file is wanted. */
    public static final String SECRET_KEYS_ENV = "PULT_HOST_SECRET_KEYS";

    private final Database database;
    private final OrganizationStore organizations;
    private final DeviceStore devices;
    private final MatchIndexes indexes;
    private final IntegrationService integrations;
    private final PultUsers users;
    private final ManualDevices manualDevices;
    private final MatchService matches;
    private final DeviceAuthentication authentication;
    private final WifiPresence presence;
    private final WifiInspector inspector;
    private final ApiTokens apiTokens;
    private final AuditLog audit;
    private final ProviderRegistry registry;
    private final ProviderListener listener;
    private final Maintenance maintenance;

    private HostServices(Database database, SecretBox secrets, ProviderRegistry registry, HostConfig config) {
        this.database = database;
        this.registry = registry;
        Clock clock = Clock.systemUTC();
        this.organizations = new OrganizationStore(database);
        this.devices = new DeviceStore(database);
        ManualDeviceStore manualStore = new ManualDeviceStore(database);
        this.indexes =
                new MatchIndexes(devices::devicesOfOrganization, manualStore::storedDevices, config.ipFreshness());
        this.users = new PultUsers(new UserStore(database), clock);
        this.manualDevices = new ManualDevices(manualStore, indexes, clock);
        this.matches = new MatchService(indexes, users);
        this.authentication = new DeviceAuthentication(matches, organizations, clock);
        PresenceStore presenceStore = new PresenceStore(database);
        this.presence = new WifiPresence(matches, organizations, presenceStore, PresenceSettings.defaults(), clock);
        this.inspector = new WifiInspector(matches, presenceStore, PresenceSettings.defaults(), clock);
        ProviderDirectory directory = id -> registry.provider(id)
                .map(found -> new ProviderDirectory.ProviderHandle(found.factory(), found.executor()));
        this.integrations = new IntegrationService(
                new IntegrationService.Stores(
                        new IntegrationStore(database),
                        devices,
                        new SyncRunStore(database),
                        organizations,
                        new ProviderSettingStore(database)),
                secrets,
                directory,
                indexes,
                config.sync(),
                Clock.systemUTC());
        this.apiTokens = new ApiTokens(database, organizations, clock);
        this.audit = new AuditLog(database, clock);
        this.listener = new Listener(integrations);
        // Housekeeping at night in the host's zone: history older than its retention, raw WiFi observations
        // older than theirs. Per-day presence and the inventory are never pruned.
        this.maintenance = new Maintenance(
                new DailySchedule(LocalTime.of(3, 30), ZoneId.systemDefault()),
                List.of(
                        new Maintenance.Task("sync history", this::pruneHistory),
                        new Maintenance.Task("WiFi observations", presence::pruneObservations)),
                clock);
    }

    private int pruneHistory() throws Exception {
        return integrations.pruneHistory();
    }

    /**
     * Opens the database and the keys in the data directory.
     *
     * @throws ConfigException with a message an operator can act on when either cannot be opened
     */
    static HostServices open(HostConfig config, ProviderRegistry registry, Map<String, String> environment)
            throws ConfigException {
        Database database;
        try {
            database = Database.openInDirectory(config.dataDir());
        } catch (StoreException e) {
            throw new ConfigException(e.getMessage());
        }
        try {
            Keyring keys = Keyring.load(
                    config.dataDir().resolve("keys").resolve("secret.keys"),
                    Optional.ofNullable(environment.get(SECRET_KEYS_ENV)));
            return new HostServices(database, new SecretBox(keys), registry, config);
        } catch (KeyringException e) {
            database.close();
            throw new ConfigException(e.getMessage());
        }
    }

    void start() throws ConfigException {
        try {
            integrations.start();
        } catch (StoreException e) {
            throw new ConfigException(e.getMessage());
        }
        registry.addListener(listener);
        maintenance.start();
    }

    /** Organizations. */
    public OrganizationStore organizations() {
        return organizations;
    }

    /** Integrations: create, validate, sync, pause, reset, status and history. */
    public IntegrationService integrations() {
        return integrations;
    }

    /** The stored inventory of every integration. */
    public DeviceStore devices() {
        return devices;
    }

    /** The match index of every organization. */
    public MatchIndexes indexes() {
        return indexes;
    }

    /** Pult users per organization: import, list, delete. */
    public PultUsers users() {
        return users;
    }

    /** Manual devices (email, MAC) per organization, for WiFi matching without an MDM. */
    public ManualDevices manualDevices() {
        return manualDevices;
    }

    /** Lookups by serial, MAC and IP with their traces. */
    public MatchService matches() {
        return matches;
    }

    /** Resolves a desktop agent's enrolment to a user under the organization's policy. */
    public DeviceAuthentication authentication() {
        return authentication;
    }

    /** WiFi observation batches and per-day presence. */
    public WifiPresence presence() {
        return presence;
    }

    /** The WiFi inspector's figures and device table. */
    public WifiInspector inspector() {
        return inspector;
    }

    /** The admin API tokens: create one per organization, rotate, delete. */
    public ApiTokens apiTokens() {
        return apiTokens;
    }

    /** The audit log of admin actions through the API. */
    public AuditLog audit() {
        return audit;
    }

    @Override
    public void close() {
        maintenance.close();
        registry.removeListener(listener);
        integrations.close();
        database.close();
    }

    /** Tells the sync engine when providers come and go. */
    private record Listener(IntegrationService integrations) implements ProviderListener {
        @Override
        public void providerAdded(PluginProvider provider) {
            integrations.providerAvailable(provider.id());
        }

        @Override
        public void providerRemoved(PluginProvider provider) {
            integrations.providerWithdrawn(provider.id());
        }

        @Override
        public void problemReported(PluginProblem problem) {
            // Plugin problems are logged and listed by the registry itself.
        }
    }
}
