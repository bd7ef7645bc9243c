package com.pult.mdm.it.host;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.pult.mdm.host.PultHost;
import com.pult.mdm.host.config.HostConfig;
import com.pult.mdm.host.store.Organization;
import com.pult.mdm.host.store.SyncRun;
import com.pult.mdm.host.sync.IntegrationService;
import com.pult.mdm.host.sync.IntegrationState;
import com.pult.mdm.host.sync.SyncSettings;
import com.pult.mdm.it.sim.EndpointKind;
import com.pult.mdm.it.sim.Fleet;
import com.pult.mdm.it.sim.KandjiSimulator;
import com.pult.mdm.it.sim.Permission;
import com.pult.mdm.it.sim.RateLimitConfig;
import com.pult.mdm.it.sim.SimDevice;
import com.pult.mdm.it.sim.SimUser;
import com.pult.mdm.it.sim.SimulatorConfig;
import com.pult.mdm.spi.ApiLimits;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A real Pult host in this JVM: the embedded Felix framework, FileInstall on its deploy folder, the real Kandji
 * plugin jar, and an H2 database in its data directory.
 */
public final class HostHarness implements AutoCloseable {

    public static final Path CORE_DIR = Path.of(System.getProperty("pult.test.coreDir", "target/core"));
    public static final Path KANDJI_JAR = Path.of(System.getProperty("pult.test.pluginsDir", "target/plugins"))
            .resolve("kandji-plugin.jar");
    public static final Duration WAIT = Duration.ofSeconds(60);

    public final Path home;
    public final PultHost host;

    private HostHarness(Path home, PultHost host) {
        this.home = home;
        this.host = host;
    }

    /** Test settings: the simulator's URL allowed, and Kandji's limits raised so syncs take seconds. */
    public static SyncSettings fastSettings() {
        return SyncSettings.defaults()
                .withCustomEndpoints(true)
                .withBudgetShare(1.0)
                .withLimits("kandji", new ApiLimits(10_000_000, 5_000));
    }

    /**
     * Starts a simulator of {@code devices} devices generated from {@code seed}, with {@code token} holding every
     * permission and no rate limit.
     */
    public static KandjiSimulator simulator(int devices, long seed, String token) {
        return KandjiSimulator.start(SimulatorConfig.builder()
                .fleet(Fleet.generated(devices, seed))
                .token(token, Permission.values())
                .rateLimit(RateLimitConfig.off())
                .build());
    }

    /** Starts a host in {@code home} (data in {@code home/data}, plugins in {@code home/deploy}), API on any port. */
    public static HostHarness start(Path home, SyncSettings settings) throws Exception {
        HostConfig config = HostConfig.defaults(home)
                .withCoreDir(CORE_DIR.toAbsolutePath())
                .withPollInterval(Duration.ofMillis(200))
                .withSync(settings)
                .withHttpPort(0);
        PultHost host = new PultHost(config, Map.of());
        host.start();
        return new HostHarness(home, host);
    }

    /** The host's integration service. */
    public IntegrationService integrations() {
        return host.services().integrations();
    }

    /** Creates an organization (Europe/Berlin, auto-approve) with the given id as its name. */
    public void createOrganization(String id) throws Exception {
        host.services()
                .organizations()
                .save(new Organization(id, id, ZoneId.of("Europe/Berlin"), Organization.AuthPolicy.AUTO_APPROVE));
    }

    /**
     * Creates a Kandji integration of the organization with the default interval, syncing from {@code apiUrl} with
     * {@code token}; the host starts its first sync at once. Answers the integration's id.
     */
    public String createKandjiIntegration(String orgId, String apiUrl, String token) throws Exception {
        return integrations()
                .create(orgId, "kandji", "Kandji", Map.of("api_url", apiUrl, "api_token", token), Optional.empty())
                .id();
    }

    /**
     * Asserts a host restarted after a crash syncs again: the Kandji provider comes back, the next sync of the
     * integration succeeds and leaves it active.
     */
    public void assertSyncsAgain(String integrationId) throws Exception {
        awaitProvider(true);
        SyncRun resumed = integrations().syncAndWait(integrationId, WAIT);
        assertEquals(SyncRun.Outcome.SUCCEEDED, resumed.outcome(), resumed.message());
        assertEquals(
                IntegrationState.ACTIVE, integrations().status(integrationId).state());
    }

    /** Deploys the Kandji jar the safe way (written beside the folder, then moved in) and waits for it. */
    public void deployKandji() throws Exception {
        Path staged = home.resolve("kandji-plugin.jar.tmp");
        Files.copy(KANDJI_JAR, staged, StandardCopyOption.REPLACE_EXISTING);
        Files.move(staged, deployedJar(), StandardCopyOption.ATOMIC_MOVE);
        awaitProvider(true);
    }

    /** Deletes the deployed Kandji jar and waits for the provider to be withdrawn. */
    public void undeployKandji() throws Exception {
        Files.delete(deployedJar());
        awaitProvider(false);
    }

    private Path deployedJar() {
        return host.config().deployDir().resolve("kandji-plugin.jar");
    }

    /** Waits up to 15 s for the Kandji provider to be available or gone. */
    public void awaitProvider(boolean present) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (host.registry().provider("kandji").isPresent() != present) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("The kandji provider did not become " + (present ? "available" : "gone"));
            }
            Thread.sleep(50);
        }
    }

    /** Waits up to {@link #WAIT} until the simulator has answered {@code count} device list requests in all. */
    public static void awaitListRequests(KandjiSimulator simulator, long count) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (simulator.counters().requests(EndpointKind.LIST) < count) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("The sync did not reach list request " + count);
            }
            Thread.sleep(20);
        }
    }

    /** Waits for a run newer than {@code afterRunId} to end, and returns it. */
    public SyncRun awaitRun(String integrationId, long afterRunId) throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            List<SyncRun> history = integrations().history(integrationId, 1);
            if (!history.isEmpty()
                    && history.get(0).id() > afterRunId
                    && history.get(0).outcome() != SyncRun.Outcome.RUNNING
                    && !integrations().status(integrationId).state().name().equals("SYNCING")) {
                return history.get(0);
            }
            Thread.sleep(50);
        }
        throw new AssertionError("No sync of '" + integrationId + "' ended within " + WAIT);
    }

    /** The id of the integration's newest run, 0 when none ran. */
    public long lastRunId(String integrationId) throws Exception {
        List<SyncRun> history = integrations().history(integrationId, 1);
        return history.isEmpty() ? 0 : history.get(0).id();
    }

    /** A device that syncs, has a WiFi MAC and a serial of its own, and belongs to an active user. */
    static SimDevice qualifyingDeviceWithMac(Fleet fleet) {
        return fleet.devices().stream()
                .filter(device -> device.mdmEnabled()
                        && !device.erased()
                        && device.macAddress().isPresent())
                .filter(device -> device.user()
                        .filter(user -> !user.archived())
                        .map(SimUser::email)
                        .isPresent())
                .filter(device -> device.serialNumber().length() > 5)
                .filter(device -> fleet.devices().stream()
                                .filter(other -> other.serialNumber().equals(device.serialNumber()))
                                .count()
                        == 1)
                .findFirst()
                .orElseThrow();
    }

    @Override
    public void close() throws IOException {
        host.stop();
    }
}
