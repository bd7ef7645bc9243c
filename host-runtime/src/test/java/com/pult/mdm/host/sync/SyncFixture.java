package com.pult.mdm.host.sync;

import com.pult.mdm.host.match.MatchIndexes;
import com.pult.mdm.host.secret.Keyring;
import com.pult.mdm.host.secret.SecretBox;
import com.pult.mdm.host.store.Database;
import com.pult.mdm.host.store.DeviceStore;
import com.pult.mdm.host.store.IntegrationStore;
import com.pult.mdm.host.store.Organization;
import com.pult.mdm.host.store.OrganizationStore;
import com.pult.mdm.host.store.ProviderSettingStore;
import com.pult.mdm.host.store.SyncRunStore;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;

/** A host's sync layer on a real H2 database in a temporary directory, with the fake vendor as its provider. */
final class SyncFixture implements AutoCloseable {

    final FakeVendor vendor = new FakeVendor();
    final Path dataDir;
    volatile boolean providerDeployed = true;
    final Database database;
    final DeviceStore devices;
    final IntegrationStore integrations;
    final SyncRunStore runs;
    final MatchIndexes indexes;
    final IntegrationService service;

    SyncFixture(Path dataDir) throws Exception {
        this(dataDir, SyncSettings.defaults());
    }

    SyncFixture(Path dataDir, SyncSettings settings) throws Exception {
        this.dataDir = dataDir;
        database = Database.openInDirectory(dataDir);
        devices = new DeviceStore(database);
        integrations = new IntegrationStore(database);
        runs = new SyncRunStore(database);
        OrganizationStore organizations = new OrganizationStore(database);
        organizations.save(
                new Organization("acme", "Acme", ZoneId.of("Europe/Berlin"), Organization.AuthPolicy.AUTO_APPROVE));
        organizations.save(new Organization("globex", "Globex", ZoneId.of("UTC"), Organization.AuthPolicy.PRESELECT));
        indexes = new MatchIndexes(devices, Duration.ofHours(12));
        SecretBox secrets = new SecretBox(Keyring.load(dataDir.resolve("keys/secret.keys"), Optional.empty()));
        ProviderDirectory directory = id -> providerDeployed && id.equals(vendor.id())
                ? Optional.of(ProviderDirectory.ProviderHandle.inline(vendor))
                : Optional.empty();
        service = new IntegrationService(
                new IntegrationService.Stores(
                        integrations, devices, runs, organizations, new ProviderSettingStore(database)),
                secrets,
                directory,
                indexes,
                settings,
                Clock.systemUTC());
        service.start();
    }

    IntegrationStatus create(String token) throws IntegrationException {
        return create("acme", token);
    }

    IntegrationStatus create(String org, String token) throws IntegrationException {
        return service.create(
                org, "fake", "Fake", Map.of("url", "https://fake", "token", token), Optional.of(Duration.ofHours(1)));
    }

    @Override
    public void close() {
        service.close();
        database.close();
    }
}
